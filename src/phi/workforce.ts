/**
 * Workforce positions: the places where a ticket names the people who raise and work it.
 *
 * At a healthcare IT desk the requesters, agents and commenters are staff, and their names, e-mail
 * addresses and phone numbers sit in places of their own: a pasted Jira comment's attribution line
 * ("Comment from Brian Jacobson (…)", "*Brian Jacobson* added a comment", "[12/Jul/24 8:40 AM]
 * Brian Jacobson:", "Brian Jacobson · 2024-06-14"), a field line ("Reporter: …"), an e-mail header
 * whose addresses are an organisation's ("From: Brian Jacobson <brian.jacobson@riversidehealth.org>"),
 * and a signature block (after a "-- " line, or after a sign-off when the block shows a job title,
 * an extension or an organisation address). A name, e-mail address or phone number there is not
 * PHI: flagging it would flag nearly every ticket, and redacting it would hide who asked.
 *
 * What stays PHI: anything in those places written by a patient (a header or signature with a
 * consumer mail address such as gmail.com, per the `email-providers` list), anything outside them
 * (the comment text after "Brian Jacobson:"), and a bare "Thanks, Brian" (nothing tells whose it is).
 * A desk whose customers are patients switches this off (`staffContext: false`).
 *
 * Pure: no Forge imports. Work is done per candidate line, and each line is classified once.
 */
import providers from 'email-providers/all.json';

/** Consumer mail domains (gmail.com, comcast.net, …): an address there is a person's own. */
const CONSUMER_MAIL: ReadonlySet<string> = new Set(providers as string[]);

/** A line longer than this is prose, not a header, field or signature line. */
const MAX_LINE = 240;
/** How many lines above a signature line its opener ("-- ", "Regards,") may be. */
const MAX_BLOCK = 4;

const FIELD_LINE =
  /^[ \t]*(?:Reporter|Assignee|Requester|Requestor|Reported by|Requested by|Assigned to|Approver|Approved by|Submitted by|Created by|Resolved by|Closed by|Technician|Watchers?)[ \t]*:/i;
const HEADER_LINE = /^[ \t>]*(?:From|To|Cc|Bcc|Reply-To|Sender)[ \t]*:/i;
const FROM_LINE = /^[ \t>]*From[ \t]*:/i;
const ADDRESS_DOMAIN = /@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const SIG_DELIMITER = /^[ \t]*--[ \t]*$/;
const SIGN_OFF_LINE =
  /^[ \t]*(?:thanks(?: again| so much)?|thank you(?: so much)?|many thanks|thx|ty|regards|best regards|kind regards|warm regards|warmest regards|best wishes|best|cheers|sincerely|respectfully|v\/r|br)[ \t]*[,.!-]*[ \t]*$/i;
/** Job titles and departments as signatures write them (capitalised). */
const ROLE =
  /\b(?:Nurse|Manager|Supervisor|Director|Coordinator|Analyst|Specialist|Technician|Technologist|Engineer|Administrator|Secretary|Clerk|Registrar|Representative|Lead|Assistant|Physician|Therapist|Pharmacist|Scheduler|Receptionist|Officer|Architect|Developer|Consultant|Support|Informatics|Service Desk|Help ?Desk|Front Desk|Registration|Admissions|Operations|Department|Dept\.?|IT)\b/;
/** A credential after a name ("Crystel Strosin, MA"), not a state before a ZIP ("Boston, MA 02118"). */
const CREDENTIAL = /,[ \t]?(?:RN|LPN|LVN|CNA|CMA|MA|MD|DO|NP|PA-C|CRNA|PharmD|BSN|MSN|DNP|PhD)\b(?![ \t]*\d{5})/;
const EXTENSION = /(?:^|[\s|(,])(?:ext\.?|x)[ \t]?\d{3,5}\b/i;
/** A pipe-separated signature line ("Vita Gleichner | MA | x4113") never carries these. */
const PATIENT_WORDS = /\b(?:pts?|mrn|dob|member|guarantor)\b/i;
/** Words before a name that make it a patient's or a relative's, whatever follows it. */
const PATIENT_BEFORE = /\b(?:pts?|patients?|mother|father|mom|dad|wife|husband|spouse|son|daughter|guardian|member|guarantor|caregiver)\b[^\n]{0,30}$/i;
/** A sign-off the name follows on its line ("Thanks, Eric", "Cheers - Eric"). */
const SIGN_OFF_BEFORE =
  /^[ \t]*(?:thanks(?: again| so much)?|thank you(?: so much)?|many thanks|thx|ty|regards|best regards|kind regards|warm regards|best wishes|best|cheers|sincerely|respectfully)[ \t]*[,.!-]*[ \t]*$/i;
/** Who works a ticket, written before a name in prose. */
const TASK_ROLE_BEFORE = /\b(?:owner|owned by|assigned to|assignee|escalated to|escalating to|handed to|approved by|approver|requested by|submitted by|reassigned to)[ \t]*:?[ \t]*$/i;
/** A greeting opening a line, before a first name. */
const GREETING_BEFORE = /^[ \t]*(?:hi|hello|hey|good morning|good afternoon|good evening|morning)[ \t]+$/i;
/** A name in "Name <address>" or "Name (address)". */
const ADDRESS_AFTER = /^[ \t]?[<(][ \t]?[^\s@<>()]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})[ \t]?[>)]/;
/** An address in "Name <address>" or "Name (address)": the name before it. */
const NAME_BEFORE_ADDRESS = /[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3}[ \t]?[<(][ \t]?$/;
/** A state and ZIP, as a home address ends ("Boston, MA 02118"). */
const STATE_ZIP = /\b[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b/;
/** How far above a sign-off a pasted e-mail's header may be. */
const PASTE_REACH = 2000;

/**
 * A function telling whether the span [start, end) lies in a workforce position of `text`.
 * `ownDomain`: the admin's internal domains (an address there is the organisation's even when
 * the domain is on the consumer list).
 */
export function workforceChecker(text: string, ownDomain: (domain: string) => boolean): (type: string, start: number, end: number) => boolean {
  // the line breaks, found once: line i runs from starts(i) to ends(i), found by binary search
  const breaks: number[] = [];
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) breaks.push(k);
  const lines = breaks.length + 1;
  /** The line holding offset p. */
  const lineOf = (p: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const starts = (i: number) => (i === 0 ? 0 : breaks[i - 1]! + 1);
  const ends = (i: number) => (i < breaks.length ? breaks[i]! : text.length);
  /** Line i's text, or '' past the last line; a long line is cut (it is prose, never a header or signature line). */
  const lineText = (i: number) => (i < lines ? text.slice(starts(i), Math.min(ends(i), starts(i) + MAX_LINE)) : '');
  const isLong = (i: number) => ends(i) - starts(i) > MAX_LINE;

  /** Is the domain an organisation's (not a consumer mail provider's)? */
  const organisation = (domain: string): boolean => {
    const d = domain.toLowerCase();
    return !CONSUMER_MAIL.has(d) || ownDomain(d);
  };
  /** Every address in the text is an organisation's (and there is one). */
  const organisationAddresses = (line: string): boolean => {
    let any = false;
    for (const m of line.matchAll(ADDRESS_DOMAIN)) {
      if (!organisation(m[1]!)) return false;
      any = true;
    }
    return any;
  };
  const staffEvidence = (block: string): boolean =>
    ROLE.test(block) || CREDENTIAL.test(block) || EXTENSION.test(block) || organisationAddresses(block);

  // per line, computed when first asked: what kind of line it is, and whether it is a workforce line
  const kinds = new Uint8Array(lines);
  const verdicts = new Uint8Array(lines);
  const KIND_OTHER = 1;
  const KIND_BLANK = 2;
  const KIND_DELIMITER = 3;
  const KIND_SIGN_OFF = 4;
  const kindOf = (i: number): number => {
    let k = kinds[i]!;
    if (k !== 0) return k;
    const len = ends(i) - starts(i);
    if (len > 40) k = KIND_OTHER; // sign-offs and delimiters are short
    else {
      const line = lineText(i);
      k = line.trim() === '' ? KIND_BLANK : SIG_DELIMITER.test(line) ? KIND_DELIMITER : SIGN_OFF_LINE.test(line) ? KIND_SIGN_OFF : KIND_OTHER;
    }
    kinds[i] = k;
    return k;
  };
  /** A staff signature block after the sign-off on line o: its lines down to a blank one show a role, extension or organisation address. */
  const blockVerdicts = new Map<number, boolean>();
  const staffBlock = (o: number): boolean => {
    let v = blockVerdicts.get(o);
    if (v !== undefined) return v;
    let block = '';
    for (let i = o + 1; i < lines && i <= o + MAX_BLOCK && kindOf(i) !== KIND_BLANK; i++) block += lineText(i) + '\n';
    v = !PATIENT_WORDS.test(block) && staffEvidence(block);
    blockVerdicts.set(o, v);
    return v;
  };

  /** Is line i a field line, an organisation's e-mail header line or a staff signature line? */
  const lineVerdict = (i: number): boolean => {
    const known = verdicts[i]!;
    if (known !== 0) return known === 2;
    let v = false;
    if (!isLong(i)) {
      const line = lineText(i);
      if (FIELD_LINE.test(line)) v = !line.includes('@') || organisationAddresses(line);
      else if (HEADER_LINE.test(line)) v = organisationAddresses(line);
      // "Vita Gleichner | MA | x4113"
      else if (line.includes(' | ') && !PATIENT_WORDS.test(line) && staffEvidence(line)) v = true;
      else {
        // a signature line: up to MAX_BLOCK lines under a "-- " line, or under a sign-off of a staff block
        for (let j = i - 1; j >= 0 && j >= i - MAX_BLOCK; j--) {
          const k = kindOf(j);
          if (k === KIND_BLANK) break;
          if (k === KIND_DELIMITER) v = true;
          else if (k === KIND_SIGN_OFF) v = staffBlock(j);
          else if (isLong(j)) break;
          else continue;
          break;
        }
      }
    }
    verdicts[i] = v ? 2 : 1;
    return v;
  };

  /**
   * A ticket's sign-off is its author's, unless it closes an e-mail pasted from a consumer address
   * (a patient's): the nearest "From:" header line above says whose text this is.
   */
  const authorsSignOff = (i: number): boolean => {
    const from = starts(i) - PASTE_REACH;
    for (let j = i - 1; j >= 0 && starts(j) >= from; j--) {
      if (isLong(j)) continue;
      const line = lineText(j);
      if (FROM_LINE.test(line)) return organisationAddresses(line);
    }
    return true;
  };

  /**
   * Do the two lines after line i show the writer's own contact details (a consumer mail address,
   * or a home address's state and ZIP)? Staff sign with the organisation's.
   */
  const personalBelow = (i: number): boolean => {
    for (let j = i + 1; j < lines && j <= i + 2; j++) {
      const line = lineText(j);
      if (line.trim() === '') return false;
      if (STATE_ZIP.test(line)) return true;
      for (const m of line.matchAll(ADDRESS_DOMAIN)) if (!organisation(m[1]!)) return true;
    }
    return false;
  };

  /** The first character at or after p that is not a space or tab (0 at the end). */
  const nextCode = (p: number, limit: number) => {
    while (p < limit && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    return p < limit ? text.charCodeAt(p) : 0;
  };

  return (type: string, start: number, end: number): boolean => {
    const i = lineOf(start);
    const ls = starts(i);
    const le = ends(i);
    if (end > le) return false;
    if (lineVerdict(i)) return true;
    // an address, ZIP or link is the organisation's only on a workforce line (a signature's)
    if (type !== 'NAME' && type !== 'EMAIL' && type !== 'PHONE' && type !== 'FAX') return false;
    // (the checks below are gated by char code: most candidates fail them at the first character)
    const next = nextCode(end, le);
    if (type === 'NAME') {
      const own = start - ls <= 64 ? text.slice(ls, start) : text.slice(start - 64, start);
      // "Owner Jany Wolff", "escalated to Mike Deller": who works the ticket
      if (TASK_ROLE_BEFORE.test(own)) return true;
      // "Hi Sabrina," opening a ticket or comment: the agent it is written to
      if ((next === 44 || next === 33 || next === 0) && GREETING_BEFORE.test(own) && !text.slice(start, end).includes(' ')) return true;
      // "Bethel Cummerata (bethel.cummerata@stmarys-health.org)": an organisation's address book
      if (next === 60 || next === 40) {
        const m = ADDRESS_AFTER.exec(text.slice(end, Math.min(le, end + 80)));
        if (m !== null) return organisation(m[1]!) && !PATIENT_BEFORE.test(text.slice(Math.max(ls, start - 64), start));
      }
      // a bare sign-off: "Thanks,\nBrian", "Thanks, Eric", "Cheers - Eric (ICU)"
      if (next === 0 || next === 40 || next === 44) {
        const signOff = (start - ls <= 64 && SIGN_OFF_BEFORE.test(own)) || (i > 0 && start - ls <= 64 && own.trim() === '' && kindOf(i - 1) === KIND_SIGN_OFF);
        // a consumer address or a home address right under the name: a patient signing
        if (signOff) return !personalBelow(i) && authorsSignOff(i);
      }
    } else if (type === 'EMAIL') {
      const prev = start > ls ? text.charCodeAt(start - 1) : 0;
      const before = prev === 60 || prev === 40 ? start - 1 : prev === 32 && start - 1 > ls && (text.charCodeAt(start - 2) === 60 || text.charCodeAt(start - 2) === 40) ? start - 2 : -1;
      if (before >= 0) {
        const domain = text.slice(text.indexOf('@', start) + 1, end);
        if (NAME_BEFORE_ADDRESS.test(text.slice(Math.max(ls, start - 64), start)) && organisation(domain) && !PATIENT_BEFORE.test(text.slice(Math.max(0, start - 100), start))) return true;
      }
    }
    // attribution lines: the name is in a fixed place before the comment itself
    if (start - ls > 64) return false;
    const first = nextCode(ls, start);
    if (first === 0) return next === 183 ? /^ · \S/.test(text.slice(end, Math.min(le, end + 4))) : false; // "Name · date"
    if (first === 42) return /^[ \t]*\*[^*\n]{0,40}$/.test(text.slice(ls, start)) && /^[^*\n]{0,40}\* added a comment\b/i.test(text.slice(end, Math.min(le, end + 60)));
    if (first === 91) return next === 58 && text.charCodeAt(end) === 58 && /^[ \t]*\[[^\]\n]{0,40}\d[^\]\n]{0,40}\][ \t]*$/.test(text.slice(ls, start));
    if (first === 45 || (first | 32) === 99) return /^[ \t]*(?:-{2,}[ \t]*)?Comment from[ \t]+$/i.test(text.slice(ls, start));
    return false;
  };
}
