/**
 * A JQL subset: `AND` / `OR` / `NOT` / parentheses over clauses on project, key/issuekey, id,
 * reporter, assignee, creator, status, level, labels, created, updated, summary/description/comment/
 * text (`~`), `issue.property[key].path` and entity-property search aliases; `ORDER BY` created,
 * updated, key, id, summary, priority. Errors use Jira's messages.
 */
import { adfToText } from './adf';
import { securityLevel } from './access';
import { findProject } from './model';
import type { EmuIssue, EmuState, EmuUser } from './types';
import { fail } from './util';

type Token =
  | { t: 'word'; v: string }
  | { t: 'str'; v: string }
  | { t: 'op'; v: string }
  | { t: 'punct'; v: '(' | ')' | ',' };

export type JqlValue = { kind: 'literal'; v: string; quoted: boolean } | { kind: 'func'; name: string; args: string[] } | { kind: 'empty' };

export type JqlNode =
  | { type: 'and' | 'or'; children: JqlNode[] }
  | { type: 'not'; child: JqlNode }
  | { type: 'clause'; field: string; op: string; values: JqlValue[] };

export interface JqlQuery {
  where: JqlNode | null;
  orderBy: Array<{ field: string; dir: 'ASC' | 'DESC' }>;
}

/** `alias` → issue property key and JSON path (as a Forge `jira:entityProperty` module declares). */
export type EntityPropertyAliases = Record<string, { propertyKey: string; path: string }>;

const jqlError = (msg: string) => fail(400, `Error in the JQL Query: ${msg}`);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) {
          v += src[j + 1];
          j += 2;
        } else v += src[j++];
      }
      if (j >= src.length) throw jqlError(`The quoted string '${v}' has not been completed. (line 1, character ${i + 1})`);
      out.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ t: 'punct', v: c });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '>=' || two === '<=' || two === '!~') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if (c === '=' || c === '>' || c === '<' || c === '~') {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    let j = i;
    while (j < src.length && !/[\s()=,!<>~"']/.test(src[j]!)) j++;
    if (j === i) throw jqlError(`The character '${c}' is a reserved JQL character. (line 1, character ${i + 1})`);
    out.push({ t: 'word', v: src.slice(i, j) });
    i = j;
  }
  return out;
}

const isKw = (tok: Token | undefined, kw: string): boolean => tok?.t === 'word' && tok.v.toUpperCase() === kw;

export function parseJql(src: string): JqlQuery {
  const toks = tokenize(src);
  let pos = 0;
  const peek = () => toks[pos];
  const next = () => toks[pos++];

  const parseValue = (): JqlValue => {
    const tok = next();
    if (!tok) throw jqlError('Expecting either a value, list or function but got end of query.');
    if (tok.t === 'str') return { kind: 'literal', v: tok.v, quoted: true };
    if (tok.t === 'word') {
      if (tok.v.toUpperCase() === 'EMPTY' || tok.v.toUpperCase() === 'NULL') return { kind: 'empty' };
      const after = peek();
      if (after?.t === 'punct' && after.v === '(') {
        next();
        const args: string[] = [];
        while (peek() && !(peek()?.t === 'punct' && (peek() as { v: string }).v === ')')) {
          const a = next()!;
          if (a.t === 'str' || a.t === 'word') args.push(a.v);
          else if (!(a.t === 'punct' && a.v === ',')) throw jqlError(`Unexpected '${a.v}' in function arguments.`);
        }
        if (!peek()) throw jqlError(`Missing ')' after the arguments of '${tok.v}'.`);
        next();
        return { kind: 'func', name: tok.v.toLowerCase(), args };
      }
      return { kind: 'literal', v: tok.v, quoted: false };
    }
    throw jqlError(`Expecting either a value, list or function but got '${tok.v}'.`);
  };

  const parseClause = (): JqlNode => {
    const f = next();
    if (!f || (f.t !== 'word' && f.t !== 'str')) throw jqlError(`Expecting a field name but got '${f ? f.v : 'end of query'}'.`);
    const field = f.v;
    const opTok = next();
    if (!opTok) throw jqlError(`Expecting operator but got end of query after '${field}'.`);
    let op: string;
    if (opTok.t === 'op') op = opTok.v;
    else if (isKw(opTok, 'IN')) op = 'in';
    else if (isKw(opTok, 'NOT') && isKw(peek(), 'IN')) {
      next();
      op = 'not in';
    } else if (isKw(opTok, 'IS')) {
      if (isKw(peek(), 'NOT')) {
        next();
        op = 'is not';
      } else op = 'is';
    } else throw jqlError(`Expecting operator but got '${opTok.v}'. Valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.`);
    let values: JqlValue[];
    if (op === 'in' || op === 'not in') {
      const open = next();
      if (!(open?.t === 'punct' && open.v === '(')) {
        pos--;
        values = [parseValue()];
      } else {
        values = [];
        for (;;) {
          values.push(parseValue());
          const sep = next();
          if (sep?.t === 'punct' && sep.v === ',') continue;
          if (sep?.t === 'punct' && sep.v === ')') break;
          throw jqlError(`Expecting ',' or ')' but got '${sep ? sep.v : 'end of query'}'.`);
        }
      }
    } else values = [parseValue()];
    if ((op === 'is' || op === 'is not') && values[0]?.kind !== 'empty')
      throw jqlError(`The operator '${op.toUpperCase()}' only supports EMPTY or NULL.`);
    return { type: 'clause', field, op, values };
  };

  const parseUnary = (): JqlNode => {
    if (isKw(peek(), 'NOT')) {
      next();
      return { type: 'not', child: parseUnary() };
    }
    const tok = peek();
    if (tok?.t === 'punct' && tok.v === '(') {
      next();
      const inner = parseOr();
      const close = next();
      if (!(close?.t === 'punct' && close.v === ')')) throw jqlError("Expecting ')' before the end of the query.");
      return inner;
    }
    return parseClause();
  };

  const parseAnd = (): JqlNode => {
    const children = [parseUnary()];
    while (isKw(peek(), 'AND')) {
      next();
      children.push(parseUnary());
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  };

  function parseOr(): JqlNode {
    const children = [parseAnd()];
    while (isKw(peek(), 'OR')) {
      next();
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  let where: JqlNode | null = null;
  if (peek() && !isKw(peek(), 'ORDER')) where = parseOr();
  const orderBy: JqlQuery['orderBy'] = [];
  if (isKw(peek(), 'ORDER')) {
    next();
    if (!isKw(next(), 'BY')) throw jqlError("Expecting 'BY' after 'ORDER'.");
    for (;;) {
      const f = next();
      if (!f || (f.t !== 'word' && f.t !== 'str')) throw jqlError('Expecting a field name in the ORDER BY clause.');
      let dir: 'ASC' | 'DESC' = 'ASC';
      if (isKw(peek(), 'ASC') || isKw(peek(), 'DESC')) dir = (next() as { v: string }).v.toUpperCase() as 'ASC' | 'DESC';
      orderBy.push({ field: f.v, dir });
      const sep = peek();
      if (sep?.t === 'punct' && sep.v === ',') {
        next();
        continue;
      }
      break;
    }
  }
  const rest = peek();
  if (rest) throw jqlError(`Expecting operator or 'AND'/'OR' but got '${rest.v}'.`);
  return { where, orderBy };
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export interface JqlContext {
  state: EmuState;
  user: EmuUser;
  aliases: EntityPropertyAliases;
  now: number;
}

const PROPERTY_RE = /^issue\.property\[([^\]]+)\]\.(.+)$/i;

function parseDate(v: JqlValue, ctx: JqlContext): number {
  if (v.kind === 'func') {
    const d = new Date(ctx.now);
    if (v.name === 'now') return ctx.now;
    if (v.name === 'startofday') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    throw jqlError(`Unable to find JQL function '${v.name}()'.`);
  }
  if (v.kind !== 'literal') throw jqlError('Date value expected.');
  const rel = /^([+-]?)(\d+)([wdhm])$/.exec(v.v.trim());
  if (rel) {
    const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1);
    const unit = { w: 7 * 86400000, d: 86400000, h: 3600000, m: 60000 }[rel[3] as 'w' | 'd' | 'h' | 'm'];
    return ctx.now + n * unit;
  }
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(v.v.trim());
  if (abs) return Date.UTC(Number(abs[1]), Number(abs[2]) - 1, Number(abs[3]), Number(abs[4] ?? 0), Number(abs[5] ?? 0));
  throw jqlError(
    `Date value '${v.v}' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

function literal(v: JqlValue, field: string): string {
  if (v.kind === 'literal') return v.v;
  throw jqlError(`The field '${field}' does not support ${v.kind === 'empty' ? 'EMPTY' : `the function '${(v as { name: string }).name}()'`} here.`);
}

function userValue(v: JqlValue, ctx: JqlContext, field: string): string | null {
  if (v.kind === 'empty') return null;
  if (v.kind === 'func') {
    if (v.name === 'currentuser') return ctx.user.accountId;
    throw jqlError(`Unable to find JQL function '${v.name}()'.`);
  }
  const s = v.v;
  if (ctx.state.users.has(s)) return s;
  for (const u of ctx.state.users.values()) if (u.emailAddress?.toLowerCase() === s.toLowerCase()) return u.accountId;
  throw fail(400, `The value '${s}' does not exist for the field '${field}'.`);
}

function getPath(value: unknown, path: string): unknown {
  let cur = value;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function propertyEquals(actual: unknown, expected: string): boolean {
  if (Array.isArray(actual)) return actual.some((a) => propertyEquals(a, expected));
  if (typeof actual === 'boolean') return String(actual) === expected.toLowerCase();
  if (typeof actual === 'number') return Number(expected) === actual;
  if (typeof actual === 'string') return actual.toLowerCase() === expected.toLowerCase();
  return false;
}

function textMatches(haystack: string, needle: string): boolean {
  const h = haystack.toLowerCase();
  const terms = needle.toLowerCase().replace(/[*?]/g, '').split(/\s+/).filter(Boolean);
  return terms.length > 0 && terms.every((t) => h.includes(t));
}

/** Validates field names and values once, before any issue is looked at (Jira reports these as 400s). */
export function checkQuery(q: JqlQuery, ctx: JqlContext): void {
  const visit = (n: JqlNode): void => {
    if (n.type === 'not') visit(n.child);
    else if (n.type !== 'clause') n.children.forEach(visit);
    else {
      const f = n.field.toLowerCase();
      if (f === 'project') {
        for (const v of n.values) {
          if (v.kind !== 'literal') continue;
          const p = findProject(ctx.state, v.v) ?? [...ctx.state.projects.values()].find((x) => x.name.toLowerCase() === v.v.toLowerCase());
          if (!p) throw fail(400, `The value '${v.v}' does not exist for the field 'project'.`);
        }
      } else if (['reporter', 'assignee', 'creator'].includes(f)) n.values.forEach((v) => userValue(v, ctx, f));
      else if (['created', 'updated', 'createddate', 'updateddate'].includes(f)) n.values.forEach((v) => parseDate(v, ctx));
      else if (
        !['key', 'issuekey', 'id', 'status', 'level', 'labels', 'summary', 'description', 'comment', 'text', 'issuetype', 'type', 'organizations'].includes(f) &&
        !PROPERTY_RE.test(n.field) &&
        !ctx.aliases[n.field]
      )
        throw fail(400, `Field '${n.field}' does not exist or you do not have permission to view it.`);
    }
  };
  if (q.where) visit(q.where);
  for (const o of q.orderBy) {
    if (!['created', 'updated', 'key', 'issuekey', 'id', 'summary', 'priority'].includes(o.field.toLowerCase()))
      throw fail(400, `Not able to sort using field '${o.field}'.`);
  }
}

function compare(op: string, a: number, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    default:
      throw jqlError(`The operator '${op}' is not supported by this field.`);
  }
}

function matchSet(op: string, actual: Array<string | null>, values: JqlValue[], resolve: (v: JqlValue) => string | null, field: string): boolean {
  const wanted = values.map(resolve);
  const hit = () => wanted.some((w) => (w === null ? actual.length === 0 || actual.every((a) => a === null) : actual.includes(w)));
  switch (op) {
    case '=':
    case 'in':
    case 'is':
      return hit();
    case '!=':
    case 'not in':
    case 'is not':
      return !hit();
    default:
      throw jqlError(`The operator '${op}' is not supported by the '${field}' field.`);
  }
}

function evalClause(n: Extract<JqlNode, { type: 'clause' }>, issue: EmuIssue, ctx: JqlContext): boolean {
  const { state } = ctx;
  const f = n.field.toLowerCase();
  const lower = (v: JqlValue): string | null => (v.kind === 'empty' ? null : literal(v, f).toLowerCase());
  switch (f) {
    case 'project': {
      const p = state.projects.get(issue.projectId)!;
      return matchSet(n.op, [p.id], n.values, (v) => {
        const s = literal(v, f);
        return (findProject(state, s) ?? [...state.projects.values()].find((x) => x.name.toLowerCase() === s.toLowerCase()))?.id ?? null;
      }, f);
    }
    case 'key':
    case 'issuekey':
      return matchSet(n.op, [issue.key.toLowerCase(), issue.id], n.values, lower, f);
    case 'id':
      if (['>', '>=', '<', '<='].includes(n.op)) return compare(n.op, Number(issue.id), Number(literal(n.values[0]!, f)));
      return matchSet(n.op, [issue.id], n.values, (v) => literal(v, f), f);
    case 'reporter':
      return matchSet(n.op, [issue.reporterId], n.values, (v) => userValue(v, ctx, f), f);
    case 'assignee':
      return matchSet(n.op, [issue.assigneeId], n.values, (v) => userValue(v, ctx, f), f);
    case 'creator':
      return matchSet(n.op, [issue.creatorId], n.values, (v) => userValue(v, ctx, f), f);
    case 'status': {
      const s = state.statuses.get(issue.statusId);
      return matchSet(n.op, s ? [s.name.toLowerCase(), s.id] : [], n.values, lower, f);
    }
    case 'issuetype':
    case 'type': {
      const t = state.issueTypes.get(issue.issueTypeId);
      return matchSet(n.op, t ? [t.name.toLowerCase(), t.id] : [], n.values, lower, f);
    }
    case 'level': {
      const l = securityLevel(state, issue.securityLevelId);
      return matchSet(n.op, l ? [l.name.toLowerCase(), l.id] : [], n.values, lower, f);
    }
    case 'labels':
      return matchSet(n.op, issue.labels.map((l) => l.toLowerCase()), n.values, lower, f);
    case 'organizations': {
      const names = issue.organizationIds.flatMap((id) => {
        const o = state.organizations.get(id);
        return o ? [o.name.toLowerCase(), o.id] : [];
      });
      return matchSet(n.op, names, n.values, lower, f);
    }
    case 'created':
    case 'createddate':
    case 'updated':
    case 'updateddate': {
      const t = f.startsWith('created') ? issue.created : issue.updated;
      if (n.op === 'is' || n.op === 'is not') return n.op === 'is not';
      return compare(n.op, t, parseDate(n.values[0]!, ctx));
    }
    case 'summary':
    case 'description':
    case 'comment':
    case 'text': {
      if (n.op !== '~' && n.op !== '!~' && n.op !== 'is' && n.op !== 'is not')
        throw jqlError(`The operator '${n.op}' is not supported by the '${n.field}' field.`);
      const parts: string[] = [];
      if (f === 'summary' || f === 'text') parts.push(issue.summary);
      if (f === 'description' || f === 'text') parts.push(adfToText(issue.description));
      if (f === 'comment' || f === 'text') parts.push(...issue.comments.map((c) => adfToText(c.body)));
      const text = parts.join('\n');
      if (n.op === 'is') return text.trim() === '';
      if (n.op === 'is not') return text.trim() !== '';
      const hit = textMatches(text, literal(n.values[0]!, f));
      return n.op === '~' ? hit : !hit;
    }
    default: {
      const m = PROPERTY_RE.exec(n.field);
      const alias = ctx.aliases[n.field];
      const propertyKey = m ? m[1]! : alias?.propertyKey;
      const path = m ? m[2]! : alias?.path;
      if (propertyKey === undefined || path === undefined) throw fail(400, `Field '${n.field}' does not exist or you do not have permission to view it.`);
      const actual = issue.properties.has(propertyKey) ? getPath(issue.properties.get(propertyKey), path) : undefined;
      const present = actual !== undefined && actual !== null;
      if (n.op === 'is') return !present;
      if (n.op === 'is not') return present;
      if (['>', '>=', '<', '<='].includes(n.op)) {
        return typeof actual === 'number' && compare(n.op, actual, Number(literal(n.values[0]!, f)));
      }
      const hit = n.values.some((v) => v.kind === 'literal' && present && propertyEquals(actual, v.v));
      if (n.op === '=' || n.op === 'in') return hit;
      if (n.op === '!=' || n.op === 'not in') return present && !hit;
      // Jira indexes each element of an array value (a list of strings is searchable element by element)
      if (n.op === '~') return (Array.isArray(actual) ? actual : [actual]).some((a) => typeof a === 'string' && textMatches(a, literal(n.values[0]!, f)));
      throw jqlError(`The operator '${n.op}' is not supported for entity property searches.`);
    }
  }
}

export function matches(node: JqlNode | null, issue: EmuIssue, ctx: JqlContext): boolean {
  if (node === null) return true;
  switch (node.type) {
    case 'and':
      return node.children.every((c) => matches(c, issue, ctx));
    case 'or':
      return node.children.some((c) => matches(c, issue, ctx));
    case 'not':
      return !matches(node.child, issue, ctx);
    case 'clause':
      return evalClause(node, issue, ctx);
  }
}

function keyOrder(a: EmuIssue, b: EmuIssue): number {
  const [pa, na] = a.key.split('-');
  const [pb, nb] = b.key.split('-');
  return pa === pb ? Number(na) - Number(nb) : (pa ?? '').localeCompare(pb ?? '');
}

export function sortIssues(issues: EmuIssue[], q: JqlQuery, state: EmuState): EmuIssue[] {
  const order = q.orderBy.length > 0 ? q.orderBy : [{ field: 'created', dir: 'DESC' as const }];
  const cmp = (a: EmuIssue, b: EmuIssue): number => {
    for (const o of order) {
      let c = 0;
      switch (o.field.toLowerCase()) {
        case 'created':
          c = a.created - b.created;
          break;
        case 'updated':
          c = a.updated - b.updated;
          break;
        case 'key':
        case 'issuekey':
          c = keyOrder(a, b);
          break;
        case 'id':
          c = Number(a.id) - Number(b.id);
          break;
        case 'summary':
          c = a.summary.localeCompare(b.summary);
          break;
        case 'priority':
          c = Number(state.priorities.get(a.priorityId)?.id ?? 0) - Number(state.priorities.get(b.priorityId)?.id ?? 0);
          break;
      }
      if (c !== 0) return o.dir === 'DESC' ? -c : c;
    }
    return Number(b.id) - Number(a.id);
  };
  return [...issues].sort(cmp);
}
