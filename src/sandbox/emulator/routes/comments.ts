import { adfProblem } from '../adf';
import { canEditComment, canSeeComment, canSeeIssue, hasProjectPermission, inGroup, inProjectRole, projectRoleByName } from '../access';
import { type Ctx, type HandlerResult, noContent, ok, param, queryAll, queryOne, visibleIssue } from '../context';
import { findComment, insertComment } from '../model';
import { commentBean, eventIssue, visibleComments } from '../serialize';
import type { AdfDoc, EmuComment, EmuIssue, EmuProject, EmuVisibility } from '../types';
import { errorBody, fail, HttpError, intParam, isRecord, listParam, now } from '../util';

const ADF_REQUIRED = 'Comment body is not valid! Operation value must be an Atlassian Document (see the Atlassian Document Format)';

function parseVisibility(ctx: Ctx, project: EmuProject, raw: unknown): EmuVisibility | null {
  if (raw === undefined || raw === null) return null;
  if (!isRecord(raw) || (raw.type !== 'group' && raw.type !== 'role'))
    throw new HttpError(400, errorBody([], { commentLevel: "Visibility type must be 'group' or 'role'." }));
  const { state, user } = ctx;
  if (raw.type === 'group') {
    const group =
      typeof raw.identifier === 'string'
        ? [...state.groups.values()].find((g) => g.groupId === raw.identifier)
        : typeof raw.value === 'string'
          ? state.groups.get(raw.value)
          : undefined;
    if (!group) throw new HttpError(400, errorBody([], { commentLevel: `Group: ${String(raw.value ?? raw.identifier ?? '')} does not exist.` }));
    if (!inGroup(user, group.name))
      throw new HttpError(400, errorBody([], { commentLevel: `You are currently not a member of the group: ${group.name}.` }));
    return { type: 'group', value: group.name, identifier: group.groupId };
  }
  const name = typeof raw.value === 'string' ? raw.value : '';
  const roleId = projectRoleByName(state, name);
  if (roleId === undefined) throw new HttpError(400, errorBody([], { commentLevel: `Role: ${name} does not exist.` }));
  if (!inProjectRole(user, project, roleId))
    throw new HttpError(400, errorBody([], { commentLevel: `You are currently not a member of the project role: ${name}.` }));
  const roleName = state.projectRoles.get(roleId)!.name;
  return { type: 'role', value: roleName, identifier: roleName };
}

function parseBody(raw: unknown): AdfDoc {
  if (raw === undefined || raw === null) throw new HttpError(400, errorBody([], { comment: 'Comment body can not be empty!' }));
  if (adfProblem(raw) !== null) throw new HttpError(400, errorBody([], { comment: ADF_REQUIRED }));
  const doc = structuredClone(raw) as AdfDoc;
  if (doc.content.length === 0) throw new HttpError(400, errorBody([], { comment: 'Comment body can not be empty!' }));
  return doc;
}

function propertiesOf(raw: unknown): Array<[string, unknown]> {
  if (!Array.isArray(raw)) return [];
  return raw.filter((p): p is { key: string; value: unknown } => isRecord(p) && typeof p.key === 'string').map((p) => [p.key, structuredClone(p.value)]);
}

function expandOf(ctx: Ctx): string[] {
  return listParam(queryAll(ctx, 'expand'));
}

export function addComment(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const project = state.projects.get(issue.projectId)!;
  if (!hasProjectPermission(state, user, project, 'ADD_COMMENTS', issue)) throw fail(400, 'You do not have the permission to comment on this issue.');
  const body = isRecord(ctx.body) ? ctx.body : {};
  const doc = parseBody(body.body);
  const visibility = parseVisibility(ctx, project, body.visibility);
  if (issue.comments.length >= 5000) throw fail(413, 'The per-issue limit of 5000 comments has been reached.');
  const comment = insertComment(state, issue, { authorId: user.accountId, body: doc, visibility, properties: propertiesOf(body.properties) }, now(state));
  emitComment(ctx, 'comment_created', issue, comment);
  return ok(commentBean(state, issue, comment, user, expandOf(ctx)), 201);
}

function emitComment(ctx: Ctx, type: 'comment_created' | 'comment_updated', issue: EmuIssue, comment: EmuComment): void {
  ctx.emit({
    type,
    issue: eventIssue(ctx.state, issue),
    comment: commentBean(ctx.state, issue, comment, undefined, ['properties']),
    atlassianId: ctx.actor.accountId,
    actor: ctx.actor,
  });
}

export function listComments(ctx: Ctx): HandlerResult {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const orderBy = queryOne(ctx, 'orderBy');
  if (orderBy !== undefined && !['created', '+created', '-created'].includes(orderBy))
    throw fail(400, `The orderBy value '${orderBy}' is not supported. Use 'created', '+created' or '-created'.`);
  const startAt = intParam(queryOne(ctx, 'startAt'), 0, 'startAt');
  const maxResults = Math.min(intParam(queryOne(ctx, 'maxResults'), 5000, 'maxResults'), 5000);
  let comments = visibleComments(ctx.state, issue, ctx.user);
  if (orderBy === '-created') comments = [...comments].reverse();
  return ok({
    startAt,
    maxResults,
    total: comments.length,
    comments: comments.slice(startAt, startAt + maxResults).map((c) => commentBean(ctx.state, issue, c, ctx.user, expandOf(ctx))),
  });
}

function visibleComment(ctx: Ctx, issue: EmuIssue, id: string): EmuComment {
  const comment = issue.comments.find((c) => c.id === id);
  if (!comment || !canSeeComment(ctx.state, ctx.user, issue, comment)) throw fail(404, `Can not find a comment for the id: ${id}.`);
  return comment;
}

export function getComment(ctx: Ctx): HandlerResult {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const comment = visibleComment(ctx, issue, param(ctx, 'id'));
  return ok(commentBean(ctx.state, issue, comment, ctx.user, expandOf(ctx)));
}

export function updateComment(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const comment = visibleComment(ctx, issue, param(ctx, 'id'));
  if (!canEditComment(state, user, issue, comment)) throw fail(400, 'You do not have the permission to edit this comment.');
  const body = isRecord(ctx.body) ? ctx.body : {};
  const doc = parseBody(body.body);
  const project = state.projects.get(issue.projectId)!;
  if ('visibility' in body) comment.visibility = parseVisibility(ctx, project, body.visibility);
  for (const [k, v] of propertiesOf(body.properties)) comment.properties.set(k, v);
  comment.body = doc;
  comment.updateAuthorId = user.accountId;
  comment.updated = now(state);
  issue.updated = comment.updated;
  emitComment(ctx, 'comment_updated', issue, comment);
  return ok(commentBean(state, issue, comment, user, expandOf(ctx)));
}

// --- Comment properties -------------------------------------------------------------------

function commentFor(ctx: Ctx): { issue: EmuIssue; comment: EmuComment } {
  const id = param(ctx, 'commentId');
  if (!/^\d+$/.test(id)) throw fail(400, `The comment id '${id}' is invalid.`);
  const found = findComment(ctx.state, id);
  if (!found || !canSeeIssue(ctx.state, ctx.user, found.issue) || !canSeeComment(ctx.state, ctx.user, found.issue, found.comment))
    throw fail(404, `Can not find a comment for the id: ${id}.`);
  return found;
}

export function listCommentProperties(ctx: Ctx): HandlerResult {
  const { comment } = commentFor(ctx);
  return ok({
    keys: [...comment.properties.keys()].map((key) => ({
      self: `${ctx.state.baseUrl}/rest/api/3/comment/${comment.id}/properties/${encodeURIComponent(key)}`,
      key,
    })),
  });
}

export function getCommentProperty(ctx: Ctx): HandlerResult {
  const { comment } = commentFor(ctx);
  const key = param(ctx, 'propertyKey');
  if (!comment.properties.has(key)) throw fail(404, `The property with key '${key}' does not exist.`);
  return ok({ key, value: structuredClone(comment.properties.get(key)) });
}

export function setCommentProperty(ctx: Ctx): HandlerResult {
  const { issue, comment } = commentFor(ctx);
  const key = param(ctx, 'propertyKey');
  if (key.length > 255) throw fail(400, 'The property key cannot be longer than 255 characters.');
  if (!canEditComment(ctx.state, ctx.user, issue, comment)) throw fail(403, 'You do not have permission to edit this comment.');
  if (ctx.body === undefined) throw fail(400, 'The property value cannot be empty.');
  if (JSON.stringify(ctx.body).length > 32768) throw fail(400, 'The property value cannot be longer than 32768 characters.');
  if (key === 'sd.public.comment' && !(isRecord(ctx.body) && typeof ctx.body.internal === 'boolean'))
    throw fail(400, "The value of 'sd.public.comment' must be an object with a boolean 'internal'.");
  const existed = comment.properties.has(key);
  comment.properties.set(key, structuredClone(ctx.body));
  return noContent(existed ? 200 : 201);
}

export function deleteCommentProperty(ctx: Ctx): HandlerResult {
  const { issue, comment } = commentFor(ctx);
  const key = param(ctx, 'propertyKey');
  if (!canEditComment(ctx.state, ctx.user, issue, comment)) throw fail(403, 'You do not have permission to edit this comment.');
  if (!comment.properties.has(key)) throw fail(404, `The property with key '${key}' does not exist.`);
  comment.properties.delete(key);
  return noContent();
}
