/**
 * Person names without a trained model: runs of capitalised words scored by census name lists,
 * common-word and product-name lists, the shape of the run (First Last, Last, First, initials,
 * ALL CAPS) and the words around it (titles, "patient", "name is", clinical vs technical context).
 */
import { Cue, WordTag, tagWords, type Scan } from './context';
import { COMMON_WORDS, FIRST_NAMES, SURNAMES, TECH_WORDS, TITLES, US_STATE_CODES } from './lexicon';
import type { Emit } from './patterns';

const POSSESSIVE = /['’]s$/;
/** Capitalised words that are never a person's name in a ticket: calendar words, languages, labels. */
const NOT_NAMES = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december christmas easter thanksgiving labor memorial independence day holiday ' +
    'english spanish french german italian chinese japanese russian polish portuguese arabic hindi korean dutch ' +
    'american british canadian european african asian union kingdom republic states princess royal ' +
    'fax phone mobile desk cell tel email bot user agent customer client admin administrator support team ' +
    'hello hi hey dear thanks regards cheers sincerely best kind warm attn re fw fwd ok yes no please ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thur thurs fri sat sun ' +
    'to my from cc bcc subject sent date rep payer biomed pharmacy nursing radiology lab ' +
    'dea npi mrn ssn dob mbi vin dl rx id icd cpt hipaa phi pii ehr emr adt ' +
    'kaiser molina aetna cigna humana anthem ambetter centene medicare medicaid tricare bcbs wellcare oscar highmark ' +
    'premera regence optum unitedhealthcare united healthcare blue cross shield').split(' '),
);
const CAMEL = /[a-z][A-Z]/;
const HAS_NON_ASCII = /[\u00C0-\u024F]/;
/** Clinical shorthand with a lower-case name: "pt john smith", "patient: mary jones". */
const LOWER_NAME_RE = /(?:[Pp]ts?|PT|[Pp]atient|PATIENT|[Mm]y name is|[Nn]ame:|[Ff]or pt|[Rr]e:? pt)\.?:?[ ]{1,2}([a-z][a-z'-]+)(?:[ ]([a-z])\.?)?[ ]([a-z][a-z'-]+)/y;
/** The known words those phrases start with: the patterns run only where one stands. */
tagWords(['pt', 'pts', 'patient', 'my', 'name', 'for', 're'], WordTag.LowerIntro);

/** "Thanks, Anais" / "Regards,\nJordyn": a sign-off introduces the writer's name. */
const SIGN_OFF = /(?:thanks|thank you|thx|regards|best|cheers|sincerely|respectfully|love)[,!.]?\s{1,4}$/i;
/** Regex \s (ECMAScript WhiteSpace and LineTerminator). */
const isRegexSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** Last letters of the SIGN_OFF words (either case). */
const SIGN_OFF_END = new Uint8Array(128);
for (const c of 'suxtyeSUXTYE') SIGN_OFF_END[c.charCodeAt(0)] = 1;
/**
 * A necessary condition for SIGN_OFF to match the text before `at`: 1 to 4 whitespace
 * characters end it, after an optional [,!.] and the last letter of a sign-off word.
 */
function signOffPossible(text: string, at: number): boolean {
  let q = at - 1;
  while (q >= 0 && at - q <= 5 && isRegexSpace(text.charCodeAt(q))) q--;
  const spaces = at - 1 - q;
  if (spaces < 1 || spaces > 4 || q < 0) return false;
  let c = text.charCodeAt(q);
  if (c === 44 || c === 33 || c === 46) c = q > 0 ? text.charCodeAt(q - 1) : 0;
  return c < 128 && SIGN_OFF_END[c] === 1;
}
/** Last letters of the speech words before a name ("said ", "told ", "shouted at ", "with ", "and ", "to "). */
const SPEECH_END = new Uint8Array(128);
for (const c of 'dtho') SPEECH_END[c.charCodeAt(0)] = 1;
/** Names in HL7 notation outside a message: "(RICE^OTTIS)", "HOLMES^BILL^A". */
const CARET_NAME_RE = /(?<![\w^])[A-Z][A-Za-z'-]+\^[A-Z][A-Za-z'-]+(?:\^[A-Z][A-Za-z'-]*)?(?![\w^])/g;

const isCaretNameCh = (c: number) => ((c | 32) >= 97 && (c | 32) <= 122) || c === 39 || c === 45;

/** "pt j. goede": an initial and a surname after a patient word. */
const LOWER_INITIAL_RE = /(?:[Pp]ts?|PT|[Pp]atient|PATIENT)\.?:?[ ]{1,2}[a-z]\.[ ]([a-z][a-z'-]{2,})/y;


/** How much a single word looks like part of a person's name: -1 (never) .. 1 (census name, not a common word). */
interface Evidence {
  e: number;
  /** Census first name / surname (possessive stripped). */
  first: boolean;
  last: boolean;
}

function evidence(scan: Scan, i: number): Evidence {
  // a word's evidence depends only on its spelling: kept with the shared token facts
  const info = scan.infos[i]!;
  const cached = info.ev as Evidence | undefined;
  if (cached !== undefined) return cached;
  const raw = scan.raw(i);
  const w = scan.word(i).replace(POSSESSIVE, '');
  const ev: Evidence = { e: computeEvidence(scan, i, raw), first: FIRST_NAMES.has(w), last: SURNAMES.has(w) };
  info.ev = ev;
  return ev;
}

function computeEvidence(scan: Scan, i: number, raw: string): number {
  let w = scan.word(i);
  if (POSSESSIVE.test(w)) w = w.slice(0, -2);
  if (TECH_WORDS.has(w) || TITLES.has(w) || NOT_NAMES.has(w) || CAMEL.test(raw)) return -1;
  const caps = scan.caps[i]!;
  if (caps === 2 && US_STATE_CODES.has(raw)) return 0;
  const parts = w.includes('-') ? w.split('-') : [w];
  let best = -2;
  for (const p of parts) {
    const first = FIRST_NAMES.has(p);
    const last = SURNAMES.has(p);
    const common = COMMON_WORDS.has(p);
    let e: number;
    if (first || last) e = common ? 0.45 : 1;
    else if (common) e = 0;
    else if (caps === 2) e = p.length >= 4 ? 0.3 : 0; // unknown ALL-CAPS word: an acronym more often than a name
    else if (HAS_NON_ASCII.test(p)) e = 0.75;
    else if (p.length < 3) e = 0;
    else e = 0.55;
    if (e > best) best = e;
  }
  return best;
}

/** `minScore`: candidates below it are dropped anyway, so their finishing touches are skipped. */
export function nameRule(scan: Scan, emit: Emit, minScore = 0): void {
  const text = scan.text;
  const n = scan.wordCount;
  const { ws, we, caps } = scan;
  const isInitial = (i: number) => caps[i] === 1 && we[i]! - ws[i]! === 1;
  const gapOk = (a: number, b: number): boolean => {
    const gap = ws[b]! - we[a]!;
    if (gap === 1) return text.charCodeAt(we[a]!) === 32;
    if (gap === 2) {
      const e = we[a]!;
      const c0 = text.charCodeAt(e);
      return (c0 === 46 || c0 === 32) && text.charCodeAt(e + 1) === 32;
    }
    return false;
  };
  const ev = new Float32Array(n);
  const isFirstName = new Uint8Array(n);
  const isSurname = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = evidence(scan, i);
    ev[i] = x.e;
    isFirstName[i] = x.first ? 1 : 0;
    isSurname[i] = x.last ? 1 : 0;
  }

  const introBefore = (i: number): number => {
    const at = ws[i]!;
    // a title right before: "Mrs. Garcia", "Dr Patel"
    if (i > 0 && TITLES.has(scan.word(i - 1)) && at - we[i - 1]! <= 2) return 0.5;
    if (scan.near(Cue.NameIntro, at - 1, at - 1, 12, 0)) return 0.35;
    // SIGN_OFF ends in whitespace: a printable ASCII character before the word rules it out
    const pc = at > 0 ? text.charCodeAt(at - 1) : 0;
    if (at > 0 && (pc <= 32 || pc >= 127) && signOffPossible(text, at) && SIGN_OFF.test(text.slice(Math.max(0, at - 16), at))) return 0.3;
    if (scan.near(Cue.NameIntro, at - 1, at - 1, 24, 0)) return 0.25;
    if (scan.near(Cue.WeakIntro, at - 1, at - 1, 5, 0)) return 0.05;
    return 0;
  };

  const scoreRun = (a: number, b: number): void => {
    let words = 0;
    let sum = 0;
    for (let k = a; k <= b; k++) {
      if (isInitial(k)) continue;
      words++;
      sum += ev[k]!;
    }
    if (words === 0) return;
    const firstIsFirst = isFirstName[a] === 1;
    const lastIsLast = isSurname[b] === 1;
    let score: number;
    if (b > a) {
      score = 0.3 + 0.55 * (sum / words);
      if ((firstIsFirst || isInitial(a)) && lastIsLast) score += 0.15;
      // an ALL-CAPS run is shouting, not a name, unless it reads First Last from the census lists
      if (caps[b] === 2 && !firstIsFirst && introBefore(a) === 0) score -= 0.4;
    } else {
      const e = ev[a]!;
      // a lone census first name is a name more often than not; a lone unknown word needs help
      score = e >= 1 ? (firstIsFirst ? 0.6 : 0.5) : e >= 0.7 ? 0.45 : e * 0.55;
      if (caps[a] === 2) score -= 0.25; // a lone ALL-CAPS word is an acronym unless introduced
      const nc = text.charCodeAt(we[a]!);
      // speaker labels ("Ubul: What a wife"), speech verbs, lists of names
      if (nc === 58 || nc === 44 || nc === 32) {
        const after = text.slice(we[a]!, we[a]! + 12);
        if (e >= 0.5 && /^:\s/.test(after) && (a === 0 || /\n\s*$|^\s*$/.test(text.slice(Math.max(0, ws[a]! - 3), ws[a]!)))) score += 0.25;
        else if (/^,? (?:said|says|shouted|told|asked|replied|wrote|explained)\b/.test(after)) score += 0.25;
      }
      if (text.charCodeAt(ws[a]! - 1) === 32 && SPEECH_END[text.charCodeAt(ws[a]! - 2) & 127] === 1 && /(?:said|told|asked|shouted at|with|and|to) $/.test(text.slice(Math.max(0, ws[a]! - 11), ws[a]!))) score += 0.1;
    }
    let start = ws[a]!;
    let end = we[b]!;
    // "Last, First [M]": a run right after "Surname, "
    if (a > 0) {
      const p = a - 1;
      const gl = ws[a]! - we[p]!;
      const comma = (gl === 1 || gl === 2) && text.charCodeAt(we[p]!) === 44 && (gl === 1 || text.charCodeAt(we[p]! + 1) === 32);
      const allCapsPair = caps[p] === 2 && caps[a] === 2 && ev[p]! > 0.25 && ev[a]! > 0.25;
      if (comma && ev[p]! > 0.25 && (caps[p] === caps[a] || caps[p] === 2) && (firstIsFirst || allCapsPair || (gl === 1 && ev[a]! > 0.25))) {
        start = ws[p]!;
        score = Math.max(score, 0.88);
        if (b + 1 < n && isInitial(b + 1) && ws[b + 1] === we[b]! + 1) end = we[b + 1]!;
      }
    }
    const intro = introBefore(a);
    score += intro;
    const wb = scan.word(b);
    const wl = wb.length;
    const q = wl >= 2 ? wb.charCodeAt(wl - 2) : 0;
    const possessive = wl >= 2 && wb.charCodeAt(wl - 1) === 115 && (q === 39 || q === 0x2019);
    if (possessive && words === 1) score += 0.1;
    const clinical = scan.near(Cue.Clinical, ws[a]!, we[b]!, 80, 40);
    if (clinical) score += 0.08;
    else if (scan.near(Cue.Tech, ws[a]!, we[b]!, 30, 20)) score -= 0.15;
    if (score < minScore) return;
    if (possessive && end === we[b]) end -= 2;
    else {
      // a trailing initial's period and a generational suffix belong to the name: "Mariah F.", "Jewell, III"
      // (the lookbehind cannot see before the slice: only a suffix, after ',' or ' ', can match)
      const tc = text.charCodeAt(end);
      const tail = tc === 44 || tc === 32 ? /^(?:(?<=\b[A-Z])\.)?(?:,? (?:Jr|Sr|II|III|IV)\b\.?)?/.exec(text.slice(end, end + 8)) : null;
      if (tail && tail[0].length > 0 && (tail[0] !== '.' || end - start > 1 && /\b[A-Z]$/.test(text.slice(start, end)))) end += tail[0].length;
    }
    if (score > 1) score = 1;
    if (score <= 0) return;
    emit('NAME', start, end, score, words >= 2 ? 'name.full' : intro >= 0.35 ? 'name.intro' : 'name.single');
  };

  let m: RegExpExecArray | null;
  // A match starts in the run of [A-Za-z'-] before its first '^': the scan resumes at the run
  // before the next '^' (it would find nothing earlier) and stops when nothing is left.
  for (let k = text.indexOf('^'), from = 0; k !== -1; k = text.indexOf('^', from)) {
    let r = k;
    while (r > from && isCaretNameCh(text.charCodeAt(r - 1))) r--;
    CARET_NAME_RE.lastIndex = r;
    if ((m = CARET_NAME_RE.exec(text)) === null) break;
    from = m.index + m[0].length;
    if (/^(?:ADT|ORM|ORU|SIU|MDM|DFT|ACK|BAR|RDE|VXU)\^/.test(m[0])) continue; // message types
    emit('NAME', m.index, m.index + m[0].length, 0.9, 'name.hl7');
  }
  const { knownPos, knownEntries } = scan;
  for (let k = 0; k < knownPos.length; k++) {
    if ((knownEntries[k]!.tags & WordTag.LowerIntro) === 0) continue;
    const pos = knownPos[k]!;
    LOWER_INITIAL_RE.lastIndex = pos;
    if ((m = LOWER_INITIAL_RE.exec(text)) !== null) {
      const last = m[1]!;
      if (!COMMON_WORDS.has(last.split('-')[0]!)) emit('NAME', m.index + m[0].length - last.length - 3, m.index + m[0].length, 0.8, 'name.lower');
      continue;
    }
    LOWER_NAME_RE.lastIndex = pos;
    if ((m = LOWER_NAME_RE.exec(text)) === null) continue;
    const first = m[1]!;
    const last = m[3]!;
    // not an ordinary word: "grant-oberbrunner" passes on its second part
    const plain = (w: string) => w.split('-').some((p) => p.length > 1 && !COMMON_WORDS.has(p));
    const census = FIRST_NAMES.has(first) && (SURNAMES.has(last) || plain(last));
    if (census || (plain(first) && plain(last) && (SURNAMES.has(last) || FIRST_NAMES.has(last)))) {
      const end = m.index + m[0].length;
      emit('NAME', m.index + m[0].lastIndexOf(first, m[0].length - last.length - 1), end, 0.85, 'name.lower');
    }
  }

  let i = 0;
  while (i < n) {
    // a run of capitalised words / initials joined by single spaces
    let j = i;
    while (j + 1 < n && j - i < 5 && gapOk(j, j + 1)) j++;
    // trim words that cannot be part of a name from both ends
    let a = i;
    let b = j;
    while (a <= b && ev[a]! <= 0 && !isInitial(a)) a++;
    while (b >= a && (ev[b]! <= 0 || isInitial(b))) b--;
    // a word that is never a name splits the run: score the left part, then go on after the word
    let next = j + 1;
    for (let k = a; k <= b; k++) {
      if (ev[k]! < 0 || (ev[k] === 0 && !isInitial(k))) {
        b = k - 1;
        while (b >= a && (ev[b]! <= 0 || isInitial(b))) b--;
        next = k + 1;
        break;
      }
    }
    if (a <= b) scoreRun(a, b);
    i = next;
  }
}
