/**
 * Scanning a text for the rules, in one pass over its character codes (see `Scan`): capitalised
 * words, digit runs, '@' and ':' — what the rules dispatch on — and the known lower-case
 * vocabulary: context cue words ("patient", "server", "DOB") and rule trigger words ("member",
 * "account", "serial"). Nothing is sliced or hashed as a string for a word seen before: the
 * text's code units are copied once into a typed array; known words are found by a hash of their
 * codes (after cheap bit-set tests that rule out most words) or, for the few with a non-letter,
 * walked in a small trie; capitalised spellings are found in a table keyed by a hash of their codes.
 */
import { TITLES } from './lexicon';

/** Tags (`tagWords`) of the known words some rules look for. */
export const enum WordTag {
  /** A key=value key (structured.ts). */
  KvKey = 1,
  /** A lower-case trigger word of a pattern rule (patterns.ts). */
  Trigger = 2,
  /** A word lower-case name phrases start with (names.ts). */
  LowerIntro = 4,
  /** A relation or contact word a lower-case name of a relative may follow (names.ts). */
  RelationIntro = 8,
  /** A title a lower-case surname may follow ("mr hubbard"; names.ts). */
  LowerTitle = 16,
}

export const enum Cue {
  None = 0,
  /** Patient / clinical / personal words: raise scores. */
  Clinical = 1,
  /** Technical words: lower scores. */
  Tech = 2,
  /** Birth, admission, discharge, death, visit: dates near these are PHI. */
  DateEvent = 4,
  /** Words that introduce a person's name. */
  NameIntro = 8,
  /** Phone / contact words. */
  Phone = 16,
  /** Fax. */
  Fax = 32,
  /** Medical devices worn by or implanted in a patient. */
  MedDevice = 64,
  /** IT equipment. */
  ItDevice = 128,
  /** Personal possessives / pronouns tying a thing to a person ("my", "his", "her"). */
  Personal = 256,
  /** Address words (lives, address, street, home). */
  Address = 512,
  /** Weak name introducers (is, by, for, from). */
  WeakIntro = 1024,
  /** "scheduled": a date event of a patient's, or a change window's (decided by the words around). */
  Scheduled = 2048,
  /**
   * Words about a patient as a person (patient, MRN, DOB, relatives, admission, appointment), not
   * the departments a healthcare IT ticket names anyway (pharmacy, radiology, lab, billing).
   */
  Patient = 4096,
}

const CUE_WORDS: Array<[Cue, string]> = [
  [
    Cue.Clinical,
    'patient patients pt pts dob d.o.b mrn chart clinic clinical clinician physician doctor nurse rn md np ' +
      'lab labs results result prescription rx medication meds allergy allergies appointment appt visit encounter ' +
      'insurance insured medicare medicaid member subscriber guardian mother father mom dad son daughter wife husband spouse ' +
      'family relative relatives nok kin caregiver deceased died death expired surgery procedure diagnosis dx admitted admission ' +
      'discharged discharge inpatient outpatient er ed icu ward bed pharmacy referral radiology imaging mri ct xray x-ray ' +
      'oncology cardiology pediatric pediatrics newborn baby infant resident residents elderly hospice claim billing ' +
      'portal mychart record records demographics registration intake triage vitals specimen pathology treatment ' +
      'therapy counseling pregnancy prenatal birthday born',
  ],
  [
    Cue.Tech,
    'server servers host hostname deploy deployed deployment release released version versions build builds patch patched ' +
      'log logs logged error errors exception stack stacktrace trace port ports firewall vpn subnet gateway dns dhcp router ' +
      'switch cluster node pod container docker kubernetes k8s api endpoint ssl tls cert certificate database db sql backup ' +
      'maintenance sprint commit branch pipeline ci cd jenkins upgrade upgraded install installed reboot rebooted restart ' +
      'restarted outage incident latency timeout cpu memory disk vm vms snapshot config configuration kb cve hotfix ' +
      'firmware driver drivers sccm intune gpo ldap ad sso saml oauth token ip ping traceroute nslookup proxy balancer ' +
      'cron job jobs queue script scripts repo git service services interface vlan wifi wlan ssid mac packet tcp udp http ' +
      'https url uri hl7 fhir feed ticket tickets changelog rollback migration cutover downtime window ' +
      'ssh rdp citrix vdi ssd nas san raid storage',
  ],
  [
    Cue.DateEvent,
    'dob d.o.b born birth birthday birthdate bday admitted admission admit discharged discharge died death deceased expired ' +
      'visit visited seen appointment appt surgery procedure dos encounter delivered delivery passed adm disch dod ' +
      'deceased expired consult readmitted transferred d/c dc\'d adm. disch. birthdate bdate f/u follow-up ' +
      'followup diagnosed onset injury injured accident treated vaccinated immunized dod b. implanted explanted',
  ],
  [
    Cue.NameIntro,
    'patient pt name named called mother father son daughter wife husband spouse guardian parent ' +
      'sister brother aunt uncle grandmother grandfather nok caregiver resident newborn baby child kid client customer ' +
      'dear regarding re member subscriber insured beneficiary poa proxy guarantor contact caller aka nickname nicknamed goes',
  ],
  [Cue.Phone, 'phone ph tel telephone cell mobile cellphone call callback contact reach number mob'],
  [Cue.Fax, 'fax faxed fx'],
  [
    Cue.MedDevice,
    'pacemaker defibrillator icd implant implanted implantable pump insulin cgm glucose dexcom omnipod hearing ' +
      'cochlear neurostimulator stimulator stent prosthesis prosthetic wheelchair cpap bipap concentrator ventilator ' +
      'glucometer holter lvad mycarelink carelink rpm cuff oximeter telemonitor telemonitoring medtronic biotronik leads',
  ],
  [
    Cue.ItDevice,
    'laptop desktop pc workstation printer scanner server switch router thinkpad latitude optiplex elitebook macbook ' +
      'ipad iphone tablet dock docking keyboard mouse monitor badge reader zebra asset tag hostname kronos timeclock station cabinet kiosk ' +
      'analyzer powermic dictation',
  ],
  [Cue.Personal, 'my his her their mine him them'],
  [Cue.Address, 'address lives living resides residence street home addr mailing apartment apt'],
  [Cue.WeakIntro, 'is by for from'],
  [Cue.Scheduled, 'scheduled rescheduled'],
  [
    Cue.Patient,
    'patient patients pt pts dob d.o.b mrn member subscriber insured guardian mother father mom dad son daughter wife ' +
      'husband spouse relative relatives nok kin caregiver deceased died admitted admission discharged inpatient ' +
      'outpatient bed appointment appt visit encounter chart mychart prescription medication meds allergy allergies diagnosis ' +
      'dx newborn baby infant elderly hospice born birthday portal proxy sister brother aunt uncle niece nephew ' +
      'grandmother grandfather grandson granddaughter',
  ],
];

/** Lower-case word → bit set of cues. */
export const CUE_MAP: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [cue, words] of CUE_WORDS) {
    for (const w of words.split(/\s+/)) if (w) map.set(w, (map.get(w) ?? 0) | cue);
  }
  return map;
})();

/** A lower-case word with its cue bits and the tags rules gave it (see `tagWords`). */
export interface KnownEntry {
  readonly word: string;
  readonly cues: number;
  tags: number;
  /** A slot for a rule's own per-word facts (patterns.ts: the matchers the word triggers). */
  rule: unknown;
  /** Where the word's first digit is ("hl7": 2), or 0 when it has none (a known word starts with a letter). */
  readonly digitAt: number;
}
const ENTRIES = new Map<string, KnownEntry>();
function entryOf(w: string): KnownEntry {
  let e = ENTRIES.get(w);
  if (e === undefined) ENTRIES.set(w, (e = { word: w, cues: CUE_MAP.get(w) ?? 0, tags: 0, rule: undefined, digitAt: Math.max(0, w.search(/\d/)) }));
  return e;
}

/** Cue words and rule trigger words. */
const KNOWN = new Map<string, KnownEntry>();
/** Whether the lookup structures below reflect KNOWN. */
let built = false;
export function registerWords(words: Iterable<string>): void {
  for (const w of words) {
    const l = w.toLowerCase();
    const c = l.charCodeAt(0);
    // the scan looks for known words only where a lower-case ASCII letter starts a word
    if (!(c >= 97 && c <= 122)) throw new Error(`known word "${w}" must start with a letter a-z`);
    KNOWN.set(l, entryOf(l));
  }
  built = false;
}
registerWords(CUE_MAP.keys());

/**
 * Tags `bit` on these (exact, case-sensitive) words: a known word found in a text carries the
 * tags of its lower-cased form in `KnownWord.tags`, so rules test a bit instead of a set.
 */
export function tagWords(words: Iterable<string>, bit: number): void {
  for (const w of words) entryOf(w).tags |= bit;
}

/** Facts about a capitalised word as written, shared by all scans: its known-word entry, if any, and a slot for patterns.ts. */
export interface TokenInfo {
  /** The spelling as written. */
  readonly raw: string;
  readonly known: KnownEntry | undefined;
  /** 1 Capitalised, 2 ALL CAPS. */
  readonly caps: number;
  /** Lower-cased spelling. */
  readonly lower: string;
  /** A slot for a rule's own per-spelling object (patterns.ts: what the spelling triggers). */
  trig: unknown;
}

/**
 * Bits of a capitalised spelling's facts, worked out once per spelling (shared by all scans) and
 * copied per word into `Scan.facts`, so that the rules read one integer per word instead of the
 * word's text or its TokenInfo. The low bits are the rules' own (see `registerSpellingFacts`).
 */
export const enum Fact {
  /** Bits a rule may claim for its own per-spelling facts (names.ts: the name evidence code). */
  RuleBits = 0xffffff,
  /** A rule's bit that lists the word in `Scan.listed` (patterns.ts: words that trigger a rule). */
  Listed = 0x800000,
  /** Set by the scan: `caps` (1 Capitalised, 2 ALL CAPS) from this bit up. */
  CapsShift = 24,
  /** Set by the scan: the spelling is a known word (`TokenInfo.known`). */
  Known = 1 << 26,
  /**
   * Set by the scan per word (not a fact of the spelling): the next capitalised word follows it
   * after one space, two spaces, or '. ' ("Mary Ann", "J. Smith") — how names.ts joins words into runs.
   */
  JoinedNext = 1 << 27,
}

/** The rules' per-spelling facts: each with the bits it owns. */
const factRules: Array<{ mask: number; of: (info: TokenInfo) => number }> = [];
let claimedBits = 0;
/**
 * Has `of(info)`, masked to `mask` (bits of Fact.RuleBits no other rule claimed), worked out for
 * every capitalised spelling when the scan first meets it, and kept in `Scan.facts` per word.
 */
export function registerSpellingFacts(mask: number, of: (info: TokenInfo) => number): void {
  if ((mask & ~Fact.RuleBits) !== 0 || (mask & claimedBits) !== 0) throw new Error('spelling fact bits already taken');
  claimedBits |= mask;
  factRules.push({ mask, of });
  built = false; // spellings met before lack these facts: start afresh
}

// ---------------------------------------------------------------------------------------------
// Character classes. The scan reads the text one UTF-16 code unit at a time (as the regular
// expressions of the rules do: no 'u' flag) and looks each code below 0x500 up here.

/** [A-Za-z0-9_]: a regex word character (`\b`). */
const CH_WORD = 1;
/** Letters a word is made of: A-Z a-z À-Ö Ø-ö ø-ɏ Ͱ-ӿ. */
const CH_LETTER = 2;
/** Letters a capitalised word starts with: A-Z À-Ö Ø-Þ Α-Ω А-Я. */
const CH_UPPER = 4;
/** Characters of a digit run: 0-9 : . , / - */
const CH_RUN = 8;
const CLASS = (() => {
  const t = new Uint8Array(0x500);
  const set = (from: number, to: number, bit: number) => {
    for (let c = from; c <= to; c++) t[c]! |= bit;
  };
  set(48, 57, CH_WORD | CH_RUN);
  set(65, 90, CH_WORD | CH_LETTER | CH_UPPER);
  set(97, 122, CH_WORD | CH_LETTER);
  t[95]! |= CH_WORD;
  for (const c of ':.,/-') t[c.charCodeAt(0)]! |= CH_RUN;
  set(0xc0, 0xd6, CH_LETTER | CH_UPPER);
  set(0xd8, 0xde, CH_UPPER);
  set(0xd8, 0xf6, CH_LETTER);
  set(0xf8, 0x24f, CH_LETTER);
  set(0x370, 0x4ff, CH_LETTER);
  set(0x391, 0x3a9, CH_UPPER);
  set(0x410, 0x42f, CH_UPPER);
  return t;
})();
const isWordCh = (c: number) => c < 0x500 && (CLASS[c]! & CH_WORD) !== 0;
const isLetter = (c: number) => c < 0x500 && (CLASS[c]! & CH_LETTER) !== 0;

// ---------------------------------------------------------------------------------------------
// Known lower-case words. Those of letters a-z only ("plain") are found by a hash of their codes
// (see lowerWordAt); the few others ("x-ray", "d.o.b", "member_id", "hl7") by a trie over their
// characters, walked where a run of letters is followed by one of their non-letters. A plain word
// can only match a whole run of letters, and any other word is longer than the run it starts
// with, so the trie's words are tried first, longest first, then the run as a plain word.

/** Child table: node * ALPHABET + symbol → child node + 1 (0: none). */
let trieNext = new Int32Array(0);
/** Per node: the known word ending there, if any. */
let trieWord: Array<KnownEntry | undefined> = [];
/** Character code → trie symbol + 1 (0: in none of the trie's words). */
const trieSym = new Uint8Array(128);
let alphabet = 0;
/** Bit set of the first two codes of the trie's words (c0 << 7 | c1; a code >= 128 as 0): a cheap test before walking it. */
const triePairs = new Int32Array(512);

/** Known words as their makers spell them, with inner capitals ("MyChart"): known in that spelling too. */
const INNER_CAPITALS: Readonly<Record<string, readonly string[]>> = {
  mychart: ['MyChart'],
  mycarelink: ['MyCareLink'],
  carelink: ['CareLink'],
  // payers and state Medicaid programmes
  caresource: ['CareSource'],
  unitedhealthcare: ['UnitedHealthcare', 'UnitedHealthCare'],
  masshealth: ['MassHealth'],
  tenncare: ['TennCare'],
  soonercare: ['SoonerCare'],
  badgercare: ['BadgerCare'],
  kancare: ['KanCare'],
  mainecare: ['MaineCare'],
  peachcare: ['PeachCare'],
  arkids: ['ARKids'],
  providerone: ['ProviderOne'],
  pacificsource: ['PacificSource'],
  selecthealth: ['SelectHealth'],
  emblemhealth: ['EmblemHealth'],
  healthfirst: ['HealthFirst'],
  carefirst: ['CareFirst'],
  wellpoint: ['WellPoint'],
  healthpartners: ['HealthPartners'],
  alohacare: ['AlohaCare'],
  ucare: ['UCare'],
  minnesotacare: ['MinnesotaCare'],
  medquest: ['MedQUEST', 'MedQuest'],
  'med-quest': ['Med-QUEST'],
  // a palm-vein system's person ID
  patientsecure: ['PatientSecure'],
};
/**
 * The capitalised and upper-case spellings of a lower-case word: "Member", "MEMBER", a hyphenated
 * word capitalised in each part ("Medi-Cal"), and product spellings with inner capitals ("MyChart").
 */
export function casedSpellings(w: string): string[] {
  const out = [w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()];
  if (w.includes('-')) out.push(w.split('-').map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join('-'));
  const inner = INNER_CAPITALS[w];
  if (inner !== undefined) out.push(...inner);
  return out;
}
/** Capitalised and upper-case spellings of the known words, for the capitalised-word branch. */
let casedKnown = new Map<string, KnownEntry>();
/** (first letter, length) pairs of those spellings: a cheap test before the map lookup. */
const casedShapes = new Uint8Array(32 * 32);
const shapeOf = (tok: string) => ((tok.charCodeAt(0) & 31) << 5) | Math.min(tok.length, 31);

function build(): void {
  trieSym.fill(0);
  alphabet = 0;
  const plain = (w: string) => /^[a-z]+$/.test(w);
  for (const w of KNOWN.keys()) {
    for (let i = 0; i < w.length; i++) {
      if (w.charCodeAt(i) >= 128) throw new Error(`known word "${w}" must be ASCII`);
      // the scan steps over a known word (up to a digit in it): it would not list a '@' or ':' in it
      if (w[i] === '@' || w[i] === ':') throw new Error(`known word "${w}" must not hold '@' or ':'`);
      // nor white space or '|' (each '\n', '\t', '|' and second space of two is met by the scan: see tableLines)
      if (/[\s|]/.test(w[i]!)) throw new Error(`known word "${w}" must not hold white space or '|'`);
    }
  }
  const others = [...KNOWN].filter(([w]) => !plain(w));
  for (const [w] of others) {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (trieSym[c] === 0) trieSym[c] = ++alphabet;
    }
  }
  let next = new Int32Array(Math.max(1, 64 * alphabet));
  const words: Array<KnownEntry | undefined> = [undefined];
  for (const [w, e] of others) {
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const slot = node * alphabet + trieSym[w.charCodeAt(i)]! - 1;
      let child = next[slot]! - 1;
      if (child < 0) {
        child = words.length;
        words.push(undefined);
        if ((child + 1) * alphabet > next.length) {
          const grown = new Int32Array(next.length * 2);
          grown.set(next);
          next = grown;
        }
        next[slot] = child + 1;
      }
      node = child;
    }
    words[node] = e;
  }
  trieNext = next;
  trieWord = words;
  triePairs.fill(0);
  for (const [w] of others) {
    // (a letter first and a non-letter in it: at least two codes)
    const pair = (w.charCodeAt(0) << 7) | w.charCodeAt(1);
    triePairs[pair >>> 5]! |= 1 << (pair & 31);
  }
  lowerWords = [...KNOWN.values()].filter((e) => plain(e.word));
  lowerShapes.fill(0);
  for (const e of lowerWords) {
    const w = e.word;
    const shape = lowerShapeOf(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0, w.charCodeAt(w.length - 1), w.length);
    lowerShapes[shape >>> 5]! |= 1 << (shape & 31);
  }
  lowerTable = new Int32Array(1 << Math.ceil(Math.log2(lowerWords.length * 4 + 1)));
  const mask = lowerTable.length - 1;
  lowerWords.forEach((e, k) => {
    let slot = hashOf(e.word) & mask;
    while (lowerTable[slot] !== 0) slot = (slot + 1) & mask;
    lowerTable[slot] = k + 1;
  });
  casedKnown = new Map();
  clearTokenInfo();
  casedShapes.fill(0);
  for (const [w, e] of KNOWN) {
    for (const cased of casedSpellings(w)) {
      casedKnown.set(cased, e);
      casedShapes[shapeOf(cased)] = 1;
      casedShapes[shapeOf(cased + "'s")] = 1;
    }
  }
  built = true;
}

/** Known words of letters a-z only, by the hash of their codes (open addressing; slot → index + 1). */
let lowerTable = new Int32Array(0);
let lowerWords: KnownEntry[] = [];
/** Bit set of a 16-bit hash of (first letter, second letter, last letter, length) of those words: a cheap test before hashing all of a word. */
const lowerShapes = new Int32Array(2048);
const lowerShapeOf = (c0: number, c1: number, cl: number, len: number) =>
  Math.imul(c0 | (c1 << 7) | (cl << 14) | ((len < 127 ? len : 127) << 21), 0x9e3779b1) >>> 16;

function lowerWordAt(u: Uint16Array, s: number, e: number, hash: number): KnownEntry | undefined {
  const mask = lowerTable.length - 1;
  const len = e - s;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const k = lowerTable[slot]!;
    if (k === 0) return undefined;
    const entry = lowerWords[k - 1]!;
    const w = entry.word;
    if (w.length === len) {
      let i = 0;
      while (i < len && w.charCodeAt(i) === u[s + i]) i++;
      if (i === len) return entry;
    }
  }
}

/**
 * Is text[p, e), a whole run of letters a-z, a known word followed by a word boundary (or by 's and
 * a word boundary)? Then `knownEnd` holds it and where it ends.
 */
function plainKnownAt(u: Uint16Array, n: number, p: number, e: number): boolean {
  let h = 0x811c9dc5;
  for (let q = p; q < e; q++) h = Math.imul(h ^ u[q]!, 0x01000193);
  const entry = lowerWordAt(u, p, e, h >>> 0);
  if (entry === undefined) return false;
  const after = u[e]!; // 0 past the end
  if ((after === 39 || after === 0x2019) && e + 1 < n && u[e + 1] === 115 && !(e + 2 < n && isWordCh(u[e + 2]!))) knownEnd.end = e + 2;
  else if (isWordCh(after)) return false;
  else knownEnd.end = e;
  knownEnd.entry = entry;
  return true;
}

/**
 * Where the known word starting at `p` ends: the longest one followed by a word boundary, with an
 * optional 's. The scan goes on from `end`: for a word with a digit ("hl7", "k8s"), that is its
 * first digit, so that the scan lists the digit runs in it too ("hl7.10.20.30").
 */
const knownEnd = { end: 0, entry: undefined as KnownEntry | undefined };
const trieDepths: number[] = [];
const trieNodes: number[] = [];
function matchKnown(u: Uint16Array, n: number, p: number): boolean {
  let node = 0;
  let found = 0;
  for (let q = p; q < n; q++) {
    const c = u[q]!;
    if (c >= 128) break;
    const sym = trieSym[c]!;
    if (sym === 0) break;
    const child = trieNext[node * alphabet + sym - 1]! - 1;
    if (child < 0) break;
    node = child;
    if (trieWord[node] !== undefined) {
      trieDepths[found] = q + 1;
      trieNodes[found++] = node;
    }
  }
  // longest first: "word's" then "word", each needing a word boundary after it
  for (let k = found - 1; k >= 0; k--) {
    const e = trieDepths[k]!;
    const c = e < n ? u[e]! : -1;
    if ((c === 39 || c === 0x2019) && e + 1 < n && u[e + 1] === 115 && !(e + 2 < n && isWordCh(u[e + 2]!))) {
      const entry = trieWord[trieNodes[k]!]!;
      knownEnd.end = entry.digitAt === 0 ? e + 2 : p + entry.digitAt;
      knownEnd.entry = entry;
      return true;
    }
    if (isWordCh(u[e - 1]!) !== (c >= 0 && isWordCh(c))) {
      const entry = trieWord[trieNodes[k]!]!;
      knownEnd.end = entry.digitAt === 0 ? e : p + entry.digitAt;
      knownEnd.entry = entry;
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Capitalised spellings → TokenInfo: an open-addressing table keyed by a hash of the char codes,
// so the scan neither slices nor hashes a string for a spelling it has seen before.

/**
 * The entries: TokenInfo by index, and per index (`<< 3`, 32 bytes: one cache line holds all an
 * entry's fields): pool offset, length, facts (`Fact`), hash, and the spelling's codes packed as
 * `packCodes` does (two zeros for a spelling it cannot pack).
 */
let infoList: TokenInfo[] = [];
let infoMeta = new Int32Array(8 << 12);
/** The codes of the entries' spellings, one after another. */
let infoPool = new Uint16Array(1 << 14);
let infoPoolEnd = 0;
/** Slot → 0, or the entry's index + 1 in the low INDEX_BITS bits and the rest of its hash above them. */
const INDEX_BITS = 17;
const INDEX_MASK = (1 << INDEX_BITS) - 1;
let infoTable = new Int32Array(1 << 13);
/** Entries in infoTable. */
let infoCount = 0;
/** The same for one- and two-letter ASCII spellings ("T", "PM"), by char codes: entry index + 1. */
const SHORT_INFO = new Int32Array(128 + 128 * 128);

function clearTokenInfo(): void {
  infoTable = new Int32Array(1 << 13);
  infoCount = 0;
  infoList = [];
  infoPoolEnd = 0;
  SHORT_INFO.fill(0);
}

function newInfo(tok: string): TokenInfo {
  let caps = 1;
  if (tok.length > 1) {
    // (the first letter after an inner apostrophe: "O'ROURKE" is in capitals, "O'Rourke" is not)
    let c2 = tok.charCodeAt(1);
    if ((c2 === 39 || c2 === 0x2019) && tok.length > 2) c2 = tok.charCodeAt(2);
    if (((c2 >= 65 && c2 <= 90) || (c2 >= 0xc0 && c2 <= 0xde)) && tok === tok.toUpperCase()) caps = 2;
  }
  let known: KnownEntry | undefined;
  if (casedShapes[shapeOf(tok)] === 1) {
    known = casedKnown.get(tok) ?? (tok.length > 2 && (tok.endsWith("'s") || tok.endsWith('\u2019s')) ? casedKnown.get(tok.slice(0, -2)) : undefined);
  }
  return { raw: tok, known, caps, lower: tok.toLowerCase(), trig: undefined };
}

/** A new entry for `tok`: its index. */
function newEntry(tok: string, hash: number): number {
  const info = newInfo(tok);
  const k = infoList.length;
  infoList.push(info);
  if ((k + 1) << 3 > infoMeta.length) {
    const grown = new Int32Array(infoMeta.length * 2);
    grown.set(infoMeta);
    infoMeta = grown;
  }
  let facts = (info.caps << Fact.CapsShift) | (info.known !== undefined ? Fact.Known : 0);
  for (const rule of factRules) facts |= rule.of(info) & rule.mask;
  infoMeta[(k << 3) + 2] = facts;
  infoMeta[(k << 3) + 3] = hash;
  // the packed codes (see packCodes), worked out here from the spelling itself
  let lo = 0;
  let hi = 0;
  let any = 0;
  for (let i = 0; i < tok.length; i++) {
    const d = tok.charCodeAt(i);
    hi = (hi << 8) | (lo >>> 24);
    lo = (lo << 8) | d;
    any |= d;
  }
  const packable = tok.length <= 8 && any < 256;
  infoMeta[(k << 3) + 4] = packable ? lo : 0;
  infoMeta[(k << 3) + 5] = packable ? hi : 0;
  return k;
}

/**
 * Packed codes: a spelling of at most 8 codes, each below 256 (ASCII and Latin-1 letters), is
 * the pair (lo, hi) of its last four codes and the four before them, 8 bits each, that the scan
 * builds as it reads the word (hi = hi << 8 | lo >>> 24; lo = lo << 8 | code). Such a pair is the
 * spelling itself (its first code is a letter, never 0), so an entry is found by comparing two
 * integers instead of its codes; no such spelling packs to (0, 0), which marks the others.
 */
const PACK_MAX = 8;

/** The index of the entry of the spelling that packs to (lo, hi) and hashes to `hash`, or -1 if there is none yet. */
function packedInfo(hash: number, lo: number, hi: number): number {
  const table = infoTable;
  const mask = table.length - 1;
  const tag = hash & ~INDEX_MASK;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const v = table[slot]!;
    if (v === 0) return -1;
    if ((v & ~INDEX_MASK) === tag) {
      const m = ((v & INDEX_MASK) - 1) << 3;
      if (infoMeta[m + 4] === lo && infoMeta[m + 5] === hi) return (v & INDEX_MASK) - 1;
    }
  }
}

/**
 * The index of the entry (infoList, infoMeta) of the capitalised word text[s, e) (codes `u`, FNV-1a
 * hash `hash`; `lo`, `hi` its packed codes and `any` the OR of its codes, see PACK_MAX).
 * The scan calls it only when the quick look-ups (SHORT_INFO, packedInfo) found nothing: for a
 * new spelling, or one that does not pack.
 */
function infoAt(text: string, u: Uint16Array, s: number, e: number, hash: number, lo: number, hi: number, any: number): number {
  const len = e - s;
  if (len <= 2) {
    const c = u[s]!;
    const c1 = len === 2 ? u[s + 1]! : 0;
    if (c < 128 && c1 < 128) {
      const key = len === 1 ? c : 128 + (c << 7) + c1;
      const k = SHORT_INFO[key]!;
      if (k !== 0) return k - 1;
      const made = newEntry(text.slice(s, e), hash);
      SHORT_INFO[key] = made + 1;
      return made;
    }
  }
  const packed = len <= PACK_MAX && any < 256;
  const table = infoTable;
  const mask = table.length - 1;
  const tag = hash & ~INDEX_MASK;
  let slot = hash & mask;
  for (;;) {
    const v = table[slot]!;
    if (v === 0) break;
    if ((v & ~INDEX_MASK) === tag) {
      const k = (v & INDEX_MASK) - 1;
      const m = k << 3;
      if (packed) {
        if (infoMeta[m + 4] === lo && infoMeta[m + 5] === hi) return k;
      } else if (infoMeta[m + 1] === len) {
        const pool = infoPool;
        const off = infoMeta[m]! - s;
        let i = s;
        while (i < e && pool[off + i] === u[i]) i++;
        if (i === e) return k;
      }
    }
    slot = (slot + 1) & mask;
  }
  if (infoCount > 100_000) {
    clearTokenInfo();
    return infoAt(text, u, s, e, hash, lo, hi, any);
  }
  const k = newEntry(text.slice(s, e), hash);
  if (infoPoolEnd + len > infoPool.length) {
    const grown = new Uint16Array(Math.max(infoPool.length * 2, infoPoolEnd + len));
    grown.set(infoPool.subarray(0, infoPoolEnd));
    infoPool = grown;
  }
  infoPool.set(u.subarray(s, e), infoPoolEnd);
  infoMeta[k << 3] = infoPoolEnd;
  infoMeta[(k << 3) + 1] = len;
  infoPoolEnd += len;
  table[slot] = tag | (k + 1);
  if (++infoCount * 2 > table.length) rehash();
  return k;
}

function rehash(): void {
  const old = infoTable;
  const table = new Int32Array(old.length * 2);
  const mask = table.length - 1;
  for (let from = 0; from < old.length; from++) {
    const v = old[from]!;
    if (v === 0) continue;
    let slot = infoMeta[(((v & INDEX_MASK) - 1) << 3) + 3]! & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = v;
  }
  infoTable = table;
}

function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// The text's UTF-16 code units in a reused typed array (Node: one native copy), with a 0 after
// the last one so that loops over a run stop at the end of the text without testing for it.

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const NODE_BUFFER = LITTLE_ENDIAN && typeof Buffer === 'function' && typeof Buffer.allocUnsafeSlow === 'function';
let codeBuf: Buffer | undefined;
let codes: Uint16Array = new Uint16Array(0);

function codesOf(text: string): Uint16Array {
  const n = text.length;
  if (codes.length <= n) {
    const size = Math.max(4096, 2 ** Math.ceil(Math.log2(n + 1)));
    if (NODE_BUFFER) {
      codeBuf = Buffer.allocUnsafeSlow(size * 2);
      codes = new Uint16Array(codeBuf.buffer, codeBuf.byteOffset, size);
    } else codes = new Uint16Array(size);
  }
  const u = codes;
  if (codeBuf === undefined || codeBuf.write(text, 0, 'utf16le') !== n * 2) {
    for (let i = 0; i < n; i++) u[i] = text.charCodeAt(i);
  }
  u[n] = 0;
  return u;
}

// ---------------------------------------------------------------------------------------------
// The lists a scan fills, reused (each sized for the longest text scanned so far: a text of n
// code units has fewer than n of each) and copied out at the end at their exact lengths.

let listCap = 0;
let sWs: number[] = [];
let sWe: number[] = [];
let sFacts: number[] = [];
let sListed: number[] = [];
let sDigitStarts: number[] = [];
let sDigitEnds: number[] = [];
let sKnownPos: number[] = [];
let sListedInfos: TokenInfo[] = [];
let sKnownEntries: KnownEntry[] = [];
let sTriggerPos: number[] = [];
let sTriggerEntries: KnownEntry[] = [];
/** Scratch for `Scan.indexCues`. */
const sCuePos: number[] = [];
let sCuesAt = new Int32Array(0);
/** How many `Cue` bits there are (Patient is the highest) and all of them. */
const CUE_COUNT = 32 - Math.clz32(Cue.Patient);
const CUE_BITS = (1 << CUE_COUNT) - 1;
const NO_POS: readonly number[] = [];

/** A list of `n` copies of `x`, packed (no holes), so that its copies are too. */
function packed<T>(n: number, x: T): T[] {
  const list: T[] = [];
  for (let i = 0; i < n; i++) list.push(x);
  return list;
}

function growLists(n: number): void {
  listCap = Math.max(4096, 2 ** Math.ceil(Math.log2(n + 1)));
  sWs = packed(listCap, 0);
  sWe = packed(listCap, 0);
  sFacts = packed(listCap, 0);
  sListed = packed(listCap, 0);
  sDigitStarts = packed(listCap, 0);
  sDigitEnds = packed(listCap, 0);
  sKnownPos = packed(listCap, 0);
  sListedInfos = packed(listCap, newInfo('X'));
  sKnownEntries = packed(listCap, NO_ENTRY);
  sTriggerPos = packed(listCap, 0);
  sTriggerEntries = packed(listCap, NO_ENTRY);
}

/** After a long text, the lists (and codes) are let go rather than kept at its size. */
const KEEP_CAP = 1 << 17;
function releaseLists(): void {
  listCap = 0;
  sWs = sWe = sFacts = sListed = sDigitStarts = sDigitEnds = sKnownPos = sTriggerPos = [];
  sListedInfos = [];
  sKnownEntries = sTriggerEntries = [];
  codes = new Uint16Array(0);
  codeBuf = undefined;
}
const NO_ENTRY: KnownEntry = { word: '', cues: 0, tags: 0, rule: undefined, digitAt: 0 };

/**
 * One pass over a text, in text order:
 * - capitalised words (a letter of UPPERS with no letter before it, letters, and inner ' ’ . -
 *   each followed by letters);
 * - maximal runs of digits, and colons with a hex digit or ':' on the left (IPv6 candidates);
 * - '@';
 * - the known lower-case words (cue and trigger words), at a word boundary, with an optional 's,
 *   followed by a word boundary; their capitalised spellings arrive as capitalised words.
 */
/** Titles written with a period before a name ("Dr. Patel", "Mrs. Garcia", "St. John"). */
const DOTTED_TITLES: ReadonlySet<string> = new Set([
  ...[...TITLES].filter((t) => !t.endsWith('.')),
  // abbreviations that join the next word but do not introduce a name (TITLES do: "St. Mary's" is a place)
  ...'st jr sr capt rev hon sgt gen col maj lt fr atty supt msgr'.split(' '),
]);
function isTitleAt(u: Uint16Array, s: number, e: number): boolean {
  if (e - s > 5) return false;
  let w = '';
  for (let k = s; k < e; k++) w += String.fromCharCode(u[k]! | 32);
  return DOTTED_TITLES.has(w);
}

export class Scan {
  readonly text: string;
  /** Capitalised words: start / end offsets. */
  readonly ws: number[];
  readonly we: number[];
  /** Per capitalised word: its spelling's facts (`Fact`: caps, known, and the rules' own bits). */
  readonly facts: number[];
  /** The capitalised words (indices into ws) whose spelling has `Fact.Listed`, in text order, and their shared `TokenInfo`. */
  readonly listed: number[];
  readonly listedInfos: TokenInfo[];
  /** Start and end offsets of maximal digit runs. */
  readonly digitStarts: number[];
  readonly digitEnds: number[];
  /** Offsets of '@'. */
  readonly ats: number[] = [];
  /** Offsets of ':' with a hex digit or ':' on the left (IPv6 candidates). */
  readonly colons: number[] = [];
  /** Offsets of line breaks ('\n'), in order. */
  readonly newlines: number[] = [];
  /**
   * The lines (indices into the lines `newlines` splits the text into) holding a '|', a tab or two
   * spaces side by side, in order: the lines a table's header may be (structured.ts, tableRule).
   */
  readonly tableLines: number[] = [];
  /** Known words (cue and trigger words, any case) in text order: where each starts, and its entry. */
  readonly knownPos: number[];
  readonly knownEntries: KnownEntry[];
  /** The lower-case known words tagged `WordTag.Trigger`, in text order: where each starts, and its entry. */
  readonly triggerPos: number[];
  readonly triggerEntries: KnownEntry[];
  /** See `indexCues`, made when `near` is first asked. */
  private cueStarts: number[] | undefined = undefined;
  private cuePos: readonly number[] = NO_POS;

  constructor(text: string) {
    this.text = text;
    if (!built) build();
    const n = text.length;
    const u = codesOf(text);
    // a long text fills lists of its own (appended to in order, so they stay packed): sizing the
    // reused lists for it up front would cost more than the scan
    const long = n >= KEEP_CAP;
    if (!long && listCap <= n) growLists(n);
    const ws = long ? [] : sWs, we = long ? [] : sWe, facts = long ? [] : sFacts;
    const listed = long ? [] : sListed, listedInfos: TokenInfo[] = long ? [] : sListedInfos;
    const digitStarts = long ? [] : sDigitStarts, digitEnds = long ? [] : sDigitEnds, knownPos = long ? [] : sKnownPos, knownEntries: KnownEntry[] = long ? [] : sKnownEntries;
    const triggerPos = long ? [] : sTriggerPos, triggerEntries: KnownEntry[] = long ? [] : sTriggerEntries;
    let nw = 0;
    let nl = 0;
    let nd = 0;
    let nk = 0;
    let nt = 0;
    /** The end and facts of capitalised word nw - 1 (none yet: an end too far back to join). */
    let lastEnd = -3;
    let lastStart = -3;
    let lastFacts = 0;
    /** Line breaks so far, and the last line listed in tableLines. */
    let lines = 0;
    let lastTableLine = -1;
    let p = 0;
    while (p < n) {
      const c = u[p]!;
      if (c >= 97 && c <= 122) {
        // a run of lower-case letters: no word boundary inside it, so a known word can only
        // start at its first letter (after a non-word character) and end at or after its end
        let e = p + 1;
        let after = u[e]!; // 0 past the end
        while (after >= 97 && after <= 122) after = u[++e]!;
        if (p > 0 && isWordCh(u[p - 1]!)) {
          p = after === 32 ? e + 1 : e; // (a space is nothing to the scan: step over it here)
          continue;
        }
        // the known word starting here (if any: knownEnd), found out of line (it keeps this loop small)
        const c1 = u[p + 1]!;
        const pair = (c << 7) | (c1 < 128 ? c1 : 0);
        if (!(after < 128 && trieSym[after] !== 0 && (triePairs[pair >>> 5]! & (1 << (pair & 31))) !== 0 && matchKnown(u, n, p))) {
          // most words are not known: (first, second and last letter, length) rules them out before hashing
          const len = e - p;
          const shape = lowerShapeOf(c, len > 1 ? c1 : 0, u[e - 1]!, len);
          if ((lowerShapes[shape >>> 5]! & (1 << (shape & 31))) === 0 || !plainKnownAt(u, n, p, e)) {
            p = after === 32 ? e + 1 : e;
            continue;
          }
        }
        const entry = knownEnd.entry!;
        const end = knownEnd.end;
        knownPos[nk] = p;
        knownEntries[nk++] = entry;
        if ((entry.tags & WordTag.Trigger) !== 0) {
          triggerPos[nt] = p;
          triggerEntries[nt++] = entry;
        }
        p = end;
      } else if (c <= 57) {
        if (c >= 48) {
          // a maximal digit run
          const s = p;
          let d = u[++p]!;
          while (d >= 48 && d <= 57) d = u[++p]!;
          digitStarts[nd] = s;
          digitEnds[nd++] = p;
          if (d === 32) p++;
        } else {
          if (c === 10) {
            this.newlines.push(p);
            lines++;
          } else if ((c === 9 || (c === 32 && p > 0 && u[p - 1] === 32)) && lastTableLine !== lines) this.tableLines.push((lastTableLine = lines));
          p++;
        }
      } else if (c < 0x500 && (CLASS[c]! & CH_UPPER) !== 0) {
        if (p > 0 && isLetter(u[p - 1]!)) {
          p++;
          continue;
        }
        let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
        // the codes packed as the word is read (see PACK_MAX) and their OR
        let lo = c;
        let hi = 0;
        let any = c;
        let e = p + 1;
        let d = 0;
        for (;;) {
          d = u[e]!; // 0 past the end
          // (letters A-Z a-z tested by arithmetic, before the class table: below 0xc0 they are the only letters)
          while ((d | 32) - 97 >>> 0 < 26 || (d >= 0xc0 && d < 0x500 && (CLASS[d]! & CH_LETTER) !== 0)) {
            h = Math.imul(h ^ d, 0x01000193);
            hi = (hi << 8) | (lo >>> 24);
            lo = (lo << 8) | d;
            any |= d;
            d = u[++e]!;
          }
          // inner ' ’ . - followed by a letter
          if ((d === 39 || d === 0x2019 || d === 46 || d === 45) && e + 1 < n && isLetter(u[e + 1]!)) {
            h = Math.imul(h ^ d, 0x01000193);
            hi = (hi << 8) | (lo >>> 24);
            lo = (lo << 8) | d;
            any |= d;
            e++;
            continue;
          }
          break;
        }
        const before = p > 0 ? u[p - 1]! : 0;
        if (before === 91 ? e - p === 3 && c === 80 && u[p + 1] === 72 && u[p + 2] === 73 : before === 58 && text.startsWith('[PHI:', p - 5)) {
          // this app's own masks ("[PHI:NAME]") are neither words nor context
        } else {
          // most spellings seen before are found here, without the call (see infoAt)
          const len = e - p;
          let k = -1;
          if (len > 2) {
            if (len <= PACK_MAX && any < 256) k = packedInfo(h, lo, hi);
          } else if (any < 128) k = SHORT_INFO[len === 1 ? c : 128 + (c << 7) + (lo & 127)]! - 1;
          if (k < 0) k = infoAt(text, u, p, e, h, lo, hi, any);
          const f = infoMeta[(k << 3) + 2]!;
          if ((f & Fact.Listed) !== 0) {
            listedInfos[nl] = infoList[k]!;
            listed[nl++] = nw;
          }
          if ((f & Fact.Known) !== 0) {
            knownPos[nk] = p;
            knownEntries[nk++] = infoList[k]!.known!;
          }
          // (the previous word's end and facts kept at hand: no reading back from the lists)
          const gap = p - lastEnd;
          if (gap <= 2) {
            const c0 = u[lastEnd]!;
            // after a '.', only an initial or a title joins the next word ("J. Smith", "Dr. Patel"):
            // "Delmer Byers. He" is two sentences
            if (gap === 1 ? c0 === 32 : u[lastEnd + 1] === 32 && (c0 === 32 || (c0 === 46 && (lastEnd - lastStart === 1 || isTitleAt(u, lastStart, lastEnd))))) facts[nw - 1] = lastFacts | Fact.JoinedNext;
          }
          ws[nw] = p;
          we[nw] = e;
          facts[nw++] = f;
          lastStart = p;
          lastEnd = e;
          lastFacts = f;
        }
        p = d === 32 ? e + 1 : e;
      } else if (c === 58) {
        const prev = p > 0 ? u[p - 1]! : 0;
        if ((prev >= 48 && prev <= 58) || (prev >= 97 && prev <= 102) || (prev >= 65 && prev <= 70)) this.colons.push(p);
        p++;
      } else if (c === 64) {
        this.ats.push(p++);
      } else {
        if (c === 124 && lastTableLine !== lines) this.tableLines.push((lastTableLine = lines));
        p++;
      }
    }
    if (long) {
      this.ws = ws;
      this.we = we;
      this.facts = facts;
      this.listed = listed;
      this.listedInfos = listedInfos;
      this.digitStarts = digitStarts;
      this.digitEnds = digitEnds;
      this.knownPos = knownPos;
      this.knownEntries = knownEntries;
      this.triggerPos = triggerPos;
      this.triggerEntries = triggerEntries;
      releaseLists();
    } else {
      this.ws = ws.slice(0, nw);
      this.we = we.slice(0, nw);
      this.facts = facts.slice(0, nw);
      this.listed = listed.slice(0, nl);
      this.listedInfos = listedInfos.slice(0, nl);
      this.digitStarts = digitStarts.slice(0, nd);
      this.digitEnds = digitEnds.slice(0, nd);
      this.knownPos = knownPos.slice(0, nk);
      this.knownEntries = knownEntries.slice(0, nk);
      this.triggerPos = triggerPos.slice(0, nt);
      this.triggerEntries = triggerEntries.slice(0, nt);
    }
  }

  get wordCount(): number {
    return this.ws.length;
  }

  /** Capitalised word i: 1 Capitalised, 2 ALL CAPS (from `facts`). */
  capsAt(i: number): number {
    return (this.facts[i]! >>> Fact.CapsShift) & 3;
  }

  /** Lower-cased capitalised word i. */
  word(i: number): string {
    return this.raw(i).toLowerCase();
  }

  /** Capitalised word i as written. */
  raw(i: number): string {
    return this.text.slice(this.ws[i]!, this.we[i]!);
  }

  /** Is there a cue word of kind `cue` starting in [from - before, to + after]? */
  /** The start of every word giving `cue` (one cue at a time), in text order. */
  cueWords(cue: Cue): readonly number[] {
    if ((cue & (cue - 1)) !== 0 || cue <= 0 || cue > CUE_BITS) return [];
    const starts = this.cueStarts ?? this.indexCues();
    const bit = 31 - Math.clz32(cue);
    return this.cuePos.slice(starts[bit]!, starts[bit + 1]!);
  }

  near(cue: Cue, from: number, to: number, before: number, after = 0): boolean {
    if ((cue & (cue - 1)) !== 0 || cue <= 0 || cue > CUE_BITS) return false; // one cue at a time
    const starts = this.cueStarts ?? this.indexCues();
    const list = this.cuePos;
    const bit = 31 - Math.clz32(cue);
    const end = starts[bit + 1]!;
    const lo = from - before;
    let a = starts[bit]!;
    let b = end;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (list[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    return a < end && list[a]! <= to + after;
  }

  /**
   * `near`, counting only the cue words outside [from, to): one starting in the `before`
   * characters before `from`, or in the `after` characters from `to` on. For a span whose own words
   * are no context (a link's "/v2/records/123").
   */
  nearOutside(cue: Cue, from: number, to: number, before: number, after = 0): boolean {
    return this.near(cue, from - 1, from - 1, before - 1, 0) || (after > 0 && this.near(cue, to, to, 0, after));
  }

  /** `cuePos`: the known words' positions grouped by cue bit, each group in text order; `cueStarts`: where each group starts. */
  private indexCues(): number[] {
    const { knownPos, knownEntries, text } = this;
    const nk = knownPos.length;
    const starts: number[] = new Array<number>(CUE_COUNT + 1).fill(0);
    // each word's cues in context, worked out once (counted, then placed)
    if (sCuesAt.length < nk) sCuesAt = new Int32Array(Math.max(256, 2 ** Math.ceil(Math.log2(nk + 1))));
    const cuesAt = sCuesAt;
    for (let k = 0; k < nk; k++) {
      let cues = knownEntries[k]!.cues & CUE_BITS;
      if (cues !== 0) cues = cuesInContext(text, knownPos[k]!, knownEntries[k]!.word.length, cues);
      cuesAt[k] = cues;
      for (; cues !== 0; cues &= cues - 1) starts[32 - Math.clz32(cues & -cues)]!++;
    }
    for (let i = 1; i <= CUE_COUNT; i++) starts[i]! += starts[i - 1]!;
    const total = starts[CUE_COUNT]!;
    const out = sCuePos;
    while (out.length < total) out.push(0);
    const next = starts.slice();
    for (let k = 0; k < nk; k++) {
      const pos = knownPos[k]!;
      for (let cues = cuesAt[k]!; cues !== 0; cues &= cues - 1) out[next[31 - Math.clz32(cues & -cues)]!++] = pos;
    }
    this.cuePos = out.slice(0, total);
    if (out.length > KEEP_CAP) out.length = 0; // not kept at a long text's size either
    if (sCuesAt.length > KEEP_CAP) sCuesAt = new Int32Array(0);
    return (this.cueStarts = starts);
  }
}

/** The cues (`cues`, not 0) of the known word of length `len` at `p`, as its context lets it give them. */
function cuesInContext(text: string, p: number, len: number, cues: number): number {
  // a word inside a dotted name is no context: "pacs12.imaging.local", "portal.example.org"
  if (p > 1 && text.charCodeAt(p - 1) === 46 && isWordCh(text.charCodeAt(p - 2))) return 0;
  // a file path's folder or file is technical context only: "/var/log/MyChart", "\\fs01\\nursing"
  if (p > 1 && (text.charCodeAt(p - 1) === 47 || text.charCodeAt(p - 1) === 92) && isWordCh(text.charCodeAt(p - 2))) return cues & (Cue.Tech | Cue.ItDevice);
  const e = p + len;
  const c = text.charCodeAt(e);
  if (c === 46 && isLetter(text.charCodeAt(e + 1))) return 0;
  // the first label of a hostname: "portal-web12.valleychildrens.org"
  if (c === 45 && isWordCh(text.charCodeAt(e + 1))) {
    for (let q = e + 1; q < e + 64 && q < text.length; q++) {
      const d = text.charCodeAt(q);
      if (d === 46) return isLetter(text.charCodeAt(q + 1)) ? 0 : cues;
      if (d !== 45 && !isWordCh(d)) break;
    }
  }
  return cues;
}
