/**
 * Word-level context: one tokenisation pass over the text gives every word's position and the
 * positions of context cue words, so each candidate finding can ask "is there a patient word
 * close before me?" with a binary search instead of rescanning the text.
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
}

const CUE_WORDS: Array<[Cue, string]> = [
  [
    Cue.Clinical,
    'patient patients pt pts patient\'s pt\'s dob d.o.b mrn chart clinic clinical clinician physician doctor nurse rn md np pa ' +
      'lab labs results result prescription rx medication meds allergy allergies appointment appt visit encounter ' +
      'insurance insured medicare medicaid member subscriber guardian mother father mom dad son daughter wife husband spouse ' +
      'family relative relatives nok kin caregiver deceased died death expired surgery procedure diagnosis dx admitted admission ' +
      'discharged discharge inpatient outpatient er ed icu ward bed pharmacy referral radiology imaging mri ct xray x-ray ' +
      'oncology cardiology pediatric pediatrics newborn baby infant resident residents elderly hospice claim billing ' +
      'portal mychart record records chart\'s demographics registration intake triage vitals specimen pathology treatment ' +
      'therapy counseling pregnancy prenatal birthday born',
  ],
  [
    Cue.Tech,
    'server servers host hostname deploy deployed deployment release released version versions build builds patch patched ' +
      'log logs logged error errors exception stack stacktrace trace port ports firewall vpn subnet gateway dns dhcp router ' +
      'switch cluster node pod container docker kubernetes k8s api endpoint ssl tls cert certificate database db sql backup ' +
      'maintenance sprint commit branch pipeline ci cd jenkins upgrade upgraded install installed reboot rebooted restart ' +
      'restarted outage incident latency timeout cpu memory disk vm vms snapshot config configuration kb cve hotfix ' +
      'firmware driver drivers sccm intune gpo ldap ad sso saml oauth token ip ping traceroute nslookup proxy load balancer ' +
      'cron job jobs queue script scripts repo git service services interface vlan wifi wlan ssid mac packet tcp udp http ' +
      'https url uri hl7 fhir interface feed ticket tickets changelog rollback migration cutover downtime window scheduled ' +
      'ssh rdp citrix vdi ssd nas san raid storage',
  ],
  [
    Cue.DateEvent,
    'dob d.o.b born birth birthday birthdate bday admitted admission admit discharged discharge died death deceased expired ' +
      'visit visited seen appointment appt surgery procedure dos encounter delivered delivery passed',
  ],
  [
    Cue.NameIntro,
    'patient pt mr mrs ms miss mx dr name named called mother father son daughter wife husband spouse guardian parent ' +
      'sister brother aunt uncle grandmother grandfather nok caregiver resident newborn baby child kid client customer ' +
      'dear regarding re member subscriber insured beneficiary',
  ],
  [Cue.Phone, 'phone ph tel telephone cell mobile cellphone call callback contact reach number mob home work'],
  [Cue.Fax, 'fax faxed fx'],
  [
    Cue.MedDevice,
    'pacemaker defibrillator icd implant implanted implantable pump insulin cgm glucose monitor dexcom omnipod hearing ' +
      'cochlear neurostimulator stimulator stent prosthesis prosthetic wheelchair cpap bipap concentrator ventilator ' +
      'glucometer holter loop recorder lvad',
  ],
  [
    Cue.ItDevice,
    'laptop desktop pc workstation printer scanner server switch router thinkpad latitude optiplex elitebook macbook ' +
      'ipad iphone tablet dock docking keyboard mouse monitor badge reader zebra asset tag hostname',
  ],
  [Cue.Personal, 'my his her their patient\'s pt\'s our mine him them'],
  [Cue.Address, 'address lives living resides residence street home addr mailing apartment apt'],
];

/** Lower-case word → bit set of cues. */
export const CUE_MAP: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [cue, words] of CUE_WORDS) {
    for (const w of words.split(/\s+/)) if (w) map.set(w, (map.get(w) ?? 0) | cue);
  }
  // "monitor" is ambiguous (glucose monitor vs screen); "home" both phone and address.
  return map;
})();

/** A word of the text. */
export interface Token {
  start: number;
  end: number;
  /** The word as written. */
  word: string;
  /** Lower-cased word. */
  lower: string;
  /** 0 lower/other, 1 Capitalised, 2 ALL CAPS (length ≥ 2). */
  caps: 0 | 1 | 2;
  cues: number;
}

// Words: letters (Latin incl. accents, Greek, Cyrillic), joined by inner apostrophes, hyphens and dots (d.o.b, O'Brien).
const L = 'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
const WORD_RE = new RegExp(`[${L}]+(?:['’.-][${L}]+)*`, 'g');
const HAS_UPPER = /[A-Z\u00C0-\u00DE\u0391-\u03A9\u0410-\u042F]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) {
    const word = m[0];
    let lower = word;
    let caps: 0 | 1 | 2 = 0;
    if (HAS_UPPER.test(word)) {
      lower = word.toLowerCase();
      if (word[0] !== lower[0]) caps = word.length > 1 && word === word.toUpperCase() ? 2 : 1;
    }
    let cues = CUE_MAP.get(lower) ?? 0;
    if (cues === 0 && (lower.endsWith("'s") || lower.endsWith('’s'))) cues = CUE_MAP.get(lower.slice(0, -2)) ?? 0;
    tokens.push({ start: m.index, end: m.index + word.length, word, lower, caps, cues });
  }
  return tokens;
}

/** Sorted positions of every cue word, per cue bit, for range queries. */
export class CueIndex {
  private readonly positions = new Map<number, number[]>();

  constructor(tokens: readonly Token[]) {
    for (const t of tokens) {
      if (t.cues === 0) continue;
      for (let bit = 1; bit <= Cue.Address; bit <<= 1) {
        if (t.cues & bit) {
          let list = this.positions.get(bit);
          if (!list) this.positions.set(bit, (list = []));
          list.push(t.start);
        }
      }
    }
  }

  /** Distance in characters from the closest cue word of kind `cue` starting in [from - before, to + after], or -1. */
  near(cue: Cue, from: number, to: number, before: number, after = 0): boolean {
    const list = this.positions.get(cue);
    if (!list || list.length === 0) return false;
    const lo = from - before;
    const hi = to + after;
    // first index with position >= lo
    let a = 0;
    let b = list.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (list[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    return a < list.length && list[a]! <= hi;
  }

  /** Distance from `pos` back to the nearest preceding cue of kind `cue`, or Infinity. */
  distanceBefore(cue: Cue, pos: number): number {
    const list = this.positions.get(cue);
    if (!list || list.length === 0) return Infinity;
    let a = 0;
    let b = list.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (list[mid]! < pos) a = mid + 1;
      else b = mid;
    }
    return a === 0 ? Infinity : pos - list[a - 1]!;
  }
}
