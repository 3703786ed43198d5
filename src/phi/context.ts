/**
 * Scanning a text for the rules, in two native regular-expression passes (V8 runs these at
 * hundreds of MB/s; the rules then do JavaScript work only where something can match):
 * 1. capitalised words, digit runs, '@' and ':' — what the rules dispatch on;
 * 2. the known lower-case vocabulary: context cue words ("patient", "server", "DOB") and rule
 *    trigger words ("member", "account", "serial").
 * Lower-case prose between them is never tokenised in JavaScript.
 */

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

/** Cue words and rule trigger words. */
const KNOWN = new Set<string>();
let knownRe: RegExp | undefined;
export function registerWords(words: Iterable<string>): void {
  for (const w of words) KNOWN.add(w.toLowerCase());
  knownRe = undefined;
}
registerWords(CUE_MAP.keys());

/** Capitalised and upper-case spellings of the known words, for the capitalised-word branch. */
let casedKnown = new Map<string, string>();
/** (first letter, length) pairs of those spellings: a cheap test before the map lookup. */
const casedShapes = new Uint8Array(32 * 32);
const shapeOf = (tok: string) => ((tok.charCodeAt(0) & 31) << 5) | Math.min(tok.length, 31);

/**
 * The scanning pattern: capitalised words, digit runs, '@', ':' and, case-sensitively, the known
 * lower-case words (their capitalised spellings arrive through the first branch).
 */
function scanRe(): RegExp {
  if (!knownRe) {
    const alts = [...KNOWN].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    knownRe = new RegExp(`${INTEREST_SOURCE}|\\b(?:${alts.join('|')})(?:['\u2019]s)?\\b`, 'g');
    casedKnown = new Map();
    casedShapes.fill(0);
    for (const w of KNOWN) {
      for (const cased of [w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]) {
        casedKnown.set(cased, w);
        casedShapes[shapeOf(cased)] = 1;
        casedShapes[shapeOf(cased + "'s")] = 1;
      }
    }
  }
  return knownRe;
}

const LETTERS = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u04FF';
const UPPERS = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0391-\\u03A9\\u0410-\\u042F';
/** Capitalised words (with inner ' ’ . -), digit runs, '@' and ':'. */
const INTEREST_SOURCE = `[${UPPERS}](?<![${LETTERS}].)[${LETTERS}]*(?:['\u2019.-][${LETTERS}]+)*|\\d+|[@:]`;

/** A known word (cue or trigger) found in the text, lower-cased. */
export interface KnownWord {
  pos: number;
  end: number;
  word: string;
  cues: number;
}

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
  private readonly lowers: Array<string | undefined> = [];
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
  private readonly cuePositions = new Map<number, number[]>();

  constructor(text: string) {
    this.text = text;
    const re = scanRe();
    const cased = casedKnown;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const tok = m[0];
      const c = tok.charCodeAt(0);
      if (c >= 48 && c <= 57) {
        this.digitStarts.push(m.index);
        this.digitEnds.push(m.index + tok.length);
      }
      else if (c === 64) this.ats.push(m.index);
      else if (c === 58) {
        const prev = m.index > 0 ? text.charCodeAt(m.index - 1) : 0;
        if ((prev >= 48 && prev <= 58) || (prev >= 97 && prev <= 102) || (prev >= 65 && prev <= 70)) this.colons.push(m.index);
      } else if (c >= 97 && c <= 122) {
        // a known lower-case word
        const possessive = !KNOWN.has(tok);
        this.addKnown(m.index, possessive ? tok.slice(0, -2) : tok);
      } else if (text.charCodeAt(m.index - 1) === 91 ? tok === 'PHI' : text.charCodeAt(m.index - 1) === 58 && text.startsWith('[PHI:', m.index - 5)) {
        // this app's own masks ("[PHI:NAME]") are neither words nor context
      } else {
        let caps = 1;
        if (tok.length > 1) {
          const c2 = tok.charCodeAt(1);
          if (((c2 >= 65 && c2 <= 90) || (c2 >= 0xc0 && c2 <= 0xde)) && tok === tok.toUpperCase()) caps = 2;
        }
        this.ws.push(m.index);
        this.we.push(m.index + tok.length);
        this.caps.push(caps);
        this.tokens.push(tok);
        this.lowers.push(undefined);
        if (casedShapes[shapeOf(tok)] === 1) {
          const known = cased.get(tok) ?? (tok.length > 2 && (tok.endsWith("'s") || tok.endsWith('\u2019s')) ? cased.get(tok.slice(0, -2)) : undefined);
          if (known !== undefined) this.addKnown(m.index, known);
        }
      }
    }
  }

  private addKnown(pos: number, word: string): void {
    const cues = CUE_MAP.get(word) ?? 0;
    this.known.push({ pos, end: pos + word.length, word, cues });
    this.knownPos.push(pos);
    if (cues === 0) return;
    for (let bit = 1; bit <= Cue.WeakIntro; bit <<= 1) {
      if (cues & bit) {
        let list = this.cuePositions.get(bit);
        if (!list) this.cuePositions.set(bit, (list = []));
        list.push(pos);
      }
    }
  }

  get wordCount(): number {
    return this.ws.length;
  }

  /** Lower-cased capitalised word i. */
  word(i: number): string {
    let w = this.lowers[i];
    if (w === undefined) this.lowers[i] = w = this.tokens[i]!.toLowerCase();
    return w;
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
    const list = this.cuePositions.get(cue);
    if (!list) return false;
    const a = lowerBound(list, from - before);
    return a < list.length && list[a]! <= to + after;
  }
}
