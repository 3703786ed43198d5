/**
 * Scanning a text for the rules, in two native regular-expression passes (V8 runs these at
 * hundreds of MB/s; the rules then do JavaScript work only where something can match):
 * 1. capitalised words, digit runs, '@' and ':' — what the rules dispatch on;
 * 2. the known lower-case vocabulary: context cue words ("patient", "server", "DOB") and rule
 *    trigger words ("member", "account", "serial").
 * Lower-case prose between them is never tokenised in JavaScript.
 */

/** Tags (`tagWords`) of the known words some rules look for. */
export const enum WordTag {
  /** A key=value key (structured.ts). */
  KvKey = 1,
  /** A lower-case trigger word of a pattern rule (patterns.ts). */
  Trigger = 2,
  /** A word lower-case name phrases start with (names.ts). */
  LowerIntro = 4,
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
      'https url uri hl7 fhir feed ticket tickets changelog rollback migration cutover downtime window scheduled ' +
      'ssh rdp citrix vdi ssd nas san raid storage',
  ],
  [
    Cue.DateEvent,
    'dob d.o.b born birth birthday birthdate bday admitted admission admit discharged discharge died death deceased expired ' +
      'visit visited seen appointment appt surgery procedure dos encounter delivered delivery passed adm disch dod ' +
      'deceased expired consult scheduled readmitted transferred d/c dc\'d adm. disch. birthdate bdate f/u follow-up ' +
      'followup diagnosed onset injury injured accident treated vaccinated immunized dod',
  ],
  [
    Cue.NameIntro,
    'patient pt name named called mother father son daughter wife husband spouse guardian parent ' +
      'sister brother aunt uncle grandmother grandfather nok caregiver resident newborn baby child kid client customer ' +
      'dear regarding re member subscriber insured beneficiary poa proxy guarantor contact',
  ],
  [Cue.Phone, 'phone ph tel telephone cell mobile cellphone call callback contact reach number mob'],
  [Cue.Fax, 'fax faxed fx'],
  [
    Cue.MedDevice,
    'pacemaker defibrillator icd implant implanted implantable pump insulin cgm glucose dexcom omnipod hearing ' +
      'cochlear neurostimulator stimulator stent prosthesis prosthetic wheelchair cpap bipap concentrator ventilator ' +
      'glucometer holter lvad',
  ],
  [
    Cue.ItDevice,
    'laptop desktop pc workstation printer scanner server switch router thinkpad latitude optiplex elitebook macbook ' +
      'ipad iphone tablet dock docking keyboard mouse monitor badge reader zebra asset tag hostname',
  ],
  [Cue.Personal, 'my his her their our mine him them'],
  [Cue.Address, 'address lives living resides residence street home addr mailing apartment apt'],
  [Cue.WeakIntro, 'is by for from'],
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
interface KnownEntry {
  readonly word: string;
  readonly cues: number;
  tags: number;
}
const ENTRIES = new Map<string, KnownEntry>();
function entryOf(w: string): KnownEntry {
  let e = ENTRIES.get(w);
  if (e === undefined) ENTRIES.set(w, (e = { word: w, cues: CUE_MAP.get(w) ?? 0, tags: 0 }));
  return e;
}

/** Cue words and rule trigger words. */
const KNOWN = new Map<string, KnownEntry>();
let knownRe: RegExp | undefined;
export function registerWords(words: Iterable<string>): void {
  for (const w of words) {
    const l = w.toLowerCase();
    KNOWN.set(l, entryOf(l));
  }
  knownRe = undefined;
}
registerWords(CUE_MAP.keys());

/**
 * Tags `bit` on these (exact, case-sensitive) words: a known word found in a text carries the
 * tags of its lower-cased form in `KnownWord.tags`, so rules test a bit instead of a set.
 */
export function tagWords(words: Iterable<string>, bit: number): void {
  for (const w of words) entryOf(w).tags |= bit;
}

/** Facts about a capitalised word as written, shared by all scans: its known-word entry, if any, and a slot for names.ts. */
export interface TokenInfo {
  readonly known: KnownEntry | undefined;
  /** 1 Capitalised, 2 ALL CAPS. */
  readonly caps: number;
  /** Lower-cased spelling. */
  readonly lower: string;
  /** Slots for the rules' own per-spelling facts (names.ts, patterns.ts). */
  ev: unknown;
  trig: unknown;
}
const TOKEN_INFO = new Map<string, TokenInfo>();
/** The same for one- and two-letter ASCII spellings ("T", "PM"), by char codes: no string hashing. */
const SHORT_INFO: Array<TokenInfo | undefined> = new Array(128 + 128 * 128).fill(undefined);

/** Capitalised and upper-case spellings of the known words, for the capitalised-word branch. */
let casedKnown = new Map<string, KnownEntry>();
/** (first letter, length) pairs of those spellings: a cheap test before the map lookup. */
const casedShapes = new Uint8Array(32 * 32);
const shapeOf = (tok: string) => ((tok.charCodeAt(0) & 31) << 5) | Math.min(tok.length, 31);

/**
 * The scanning pattern: capitalised words, digit runs, '@', ':' and, case-sensitively, the known
 * lower-case words (their capitalised spellings arrive through the first branch).
 */
function scanRe(): RegExp {
  if (!knownRe) {
    const alts = [...KNOWN.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    knownRe = new RegExp(`${INTEREST_SOURCE}|\\b(?:${alts.join('|')})(?:['\u2019]s)?\\b`, 'g');
    casedKnown = new Map();
    TOKEN_INFO.clear();
    SHORT_INFO.fill(undefined);
    casedShapes.fill(0);
    for (const [w, e] of KNOWN) {
      for (const cased of [w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]) {
        casedKnown.set(cased, e);
        casedShapes[shapeOf(cased)] = 1;
        casedShapes[shapeOf(cased + "'s")] = 1;
      }
    }
  }
  return knownRe;
}

const LETTERS = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u04FF';
const UPPERS = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0391-\\u03A9\\u0410-\\u042F';
/**
 * Capitalised words (with inner ' ’ . -), runs of digits and ':' (with the separators between
 * them: one match for "2023-03-14" or "10:22:33,123", split into digit runs and colons in
 * JavaScript; no other branch can start at those characters) and '@'.
 */
const INTEREST_SOURCE = `[${UPPERS}](?<![${LETTERS}].)[${LETTERS}]*(?:['\u2019.-][${LETTERS}]+)*|[\\d:][\\d:.,/-]*|@`;

/** A known word (cue or trigger) found in the text, lower-cased. */
export interface KnownWord {
  pos: number;
  end: number;
  word: string;
  cues: number;
  /** Bits given by `tagWords`. */
  tags: number;
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;

function lowerBound(list: readonly number[], value: number): number {
  let a = 0;
  let b = list.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (list[mid]! < value) a = mid + 1;
    else b = mid;
  }
  return a;
}

export class Scan {
  readonly text: string;
  /** Capitalised words: start / end offsets, 1 Capitalised or 2 ALL CAPS, lower-cased form, cue bits. */
  readonly ws: number[] = [];
  readonly we: number[] = [];
  readonly caps: number[] = [];
  /** The capitalised words as written. */
  readonly tokens: string[] = [];
  /** Per capitalised word: its shared `TokenInfo`. */
  readonly infos: TokenInfo[] = [];
  /** Start and end offsets of maximal digit runs. */
  readonly digitStarts: number[] = [];
  readonly digitEnds: number[] = [];
  /** Offsets of '@'. */
  readonly ats: number[] = [];
  /** Offsets of ':' with a hex digit or ':' on the left (IPv6 candidates). */
  readonly colons: number[] = [];
  /** Known words in text order. */
  readonly known: KnownWord[] = [];
  private readonly knownPos: number[] = [];
  /** Cue word positions per cue bit (index: the bit's position). */
  private readonly cueLists: number[][] = [[], [], [], [], [], [], [], [], [], [], []];

  constructor(text: string) {
    this.text = text;
    const re = scanRe();
    const cased = casedKnown;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const tok = m[0];
      const c = tok.charCodeAt(0);
      if (c <= 58) {
        // digit runs and colons, with '.' ',' '/' '-' between them
        const end = m.index + tok.length;
        let j = m.index;
        while (j < end) {
          const ch = text.charCodeAt(j);
          if (ch >= 48 && ch <= 57) {
            const s = j++;
            while (j < end && isDigitCode(text.charCodeAt(j))) j++;
            this.digitStarts.push(s);
            this.digitEnds.push(j);
            continue;
          }
          if (ch === 58) {
            const prev = j > 0 ? text.charCodeAt(j - 1) : 0;
            if ((prev >= 48 && prev <= 58) || (prev >= 97 && prev <= 102) || (prev >= 65 && prev <= 70)) this.colons.push(j);
          }
          j++;
        }
      } else if (c === 64) this.ats.push(m.index);
      else if (c >= 97 && c <= 122) {
        // a known lower-case word
        this.addKnown(m.index, KNOWN.get(tok) ?? KNOWN.get(tok.slice(0, -2))!);
      } else if (text.charCodeAt(m.index - 1) === 91 ? tok === 'PHI' : text.charCodeAt(m.index - 1) === 58 && text.startsWith('[PHI:', m.index - 5)) {
        // this app's own masks ("[PHI:NAME]") are neither words nor context
      } else {
        let short = -1;
        if (tok.length <= 2) {
          const c1 = tok.length === 2 ? tok.charCodeAt(1) : 0;
          if (c < 128 && c1 < 128) short = tok.length === 1 ? c : 128 + (c << 7) + c1;
        }
        let info = short >= 0 ? SHORT_INFO[short] : TOKEN_INFO.get(tok);
        if (info === undefined) {
          let caps = 1;
          if (tok.length > 1) {
            const c2 = tok.charCodeAt(1);
            if (((c2 >= 65 && c2 <= 90) || (c2 >= 0xc0 && c2 <= 0xde)) && tok === tok.toUpperCase()) caps = 2;
          }
          let known: KnownEntry | undefined;
          if (casedShapes[shapeOf(tok)] === 1) {
            known = cased.get(tok) ?? (tok.length > 2 && (tok.endsWith("'s") || tok.endsWith('\u2019s')) ? cased.get(tok.slice(0, -2)) : undefined);
          }
          info = { known, caps, lower: tok.toLowerCase(), ev: undefined, trig: undefined };
          if (short >= 0) SHORT_INFO[short] = info;
          else {
            if (TOKEN_INFO.size > 100_000) TOKEN_INFO.clear();
            TOKEN_INFO.set(tok, info);
          }
        }
        this.ws.push(m.index);
        this.we.push(m.index + tok.length);
        this.caps.push(info.caps);
        this.tokens.push(tok);
        this.infos.push(info);
        if (info.known !== undefined) this.addKnown(m.index, info.known);
      }
    }
  }

  private addKnown(pos: number, e: KnownEntry): void {
    const { word, cues } = e;
    this.known.push({ pos, end: pos + word.length, word, cues, tags: e.tags });
    this.knownPos.push(pos);
    if (cues === 0) return;
    for (let k = 0, bit = 1; bit <= Cue.WeakIntro; bit <<= 1, k++) {
      if (cues & bit) this.cueLists[k]!.push(pos);
    }
  }

  get wordCount(): number {
    return this.ws.length;
  }

  /** Lower-cased capitalised word i. */
  word(i: number): string {
    return this.infos[i]!.lower;
  }

  /** Capitalised word i as written. */
  raw(i: number): string {
    return this.tokens[i]!;
  }

  /** Known words (cue words and registered triggers) of any case starting in [from, to). */
  knownWords(from: number, to: number): KnownWord[] {
    const out: KnownWord[] = [];
    for (let k = lowerBound(this.knownPos, from); k < this.known.length && this.known[k]!.pos < to; k++) out.push(this.known[k]!);
    return out;
  }

  /** Is there a cue word of kind `cue` starting in [from - before, to + after]? */
  near(cue: Cue, from: number, to: number, before: number, after = 0): boolean {
    if ((cue & (cue - 1)) !== 0) return false; // one cue at a time
    const list = this.cueLists[31 - Math.clz32(cue)];
    if (!list) return false;
    const a = lowerBound(list, from - before);
    return a < list.length && list[a]! <= to + after;
  }
}
