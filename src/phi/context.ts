/**
 * One pass over the text, character by character, collects everything the rules dispatch on:
 * words (with capitalisation class and context cues), starts of digit runs, starts of mixed
 * letter+digit runs, and '@' / ':' positions. Rules then run their (sticky) patterns only at
 * those positions instead of each scanning the whole text, which keeps the detector fast on
 * megabyte bodies. Word strings are materialised only for capitalised words and for words the
 * lexicon knows (found by a rolling hash of the lower-cased word).
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
const LAST_CUE = Cue.Address;

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
      'visit visited seen appointment appt surgery procedure dos encounter delivered delivery passed',
  ],
  [
    Cue.NameIntro,
    'patient pt name named called mother father son daughter wife husband spouse guardian parent ' +
      'sister brother aunt uncle grandmother grandfather nok caregiver resident newborn baby child kid client customer ' +
      'dear regarding re member subscriber insured beneficiary',
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
];

/** Lower-case word → bit set of cues. */
export const CUE_MAP: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [cue, words] of CUE_WORDS) {
    for (const w of words.split(/\s+/)) if (w) map.set(w, (map.get(w) ?? 0) | cue);
  }
  return map;
})();

// ---------------------------------------------------------------------------------------------
// Word hashing: FNV-1a over lower-cased UTF-16 code units.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
export function hashWord(lower: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < lower.length; i++) h = Math.imul(h ^ lower.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Words whose string the scan must materialise even when lower-case (cue words, rule triggers). */
const KNOWN_HASHES = new Set<number>();
export function registerWords(words: Iterable<string>): void {
  for (const w of words) KNOWN_HASHES.add(hashWord(w));
}
registerWords(CUE_MAP.keys());

// Character classes for code points below 0x500 (Latin, Latin-1, Latin Extended, Greek, Cyrillic).
const LETTER = 1;
const UPPER = 2;
const CLASS = new Uint8Array(0x500);
const LOWER = new Uint16Array(0x500);
for (let c = 0; c < 0x500; c++) {
  const ch = String.fromCharCode(c);
  const letter =
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x4ff);
  const lower = ch.toLowerCase();
  CLASS[c] = (letter ? LETTER : 0) | (letter && lower !== ch && lower.length === 1 ? UPPER : 0);
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** The result of scanning a text. Words are stored column-wise to avoid an object per word. */
export class Scan {
  readonly text: string;
  /** Word start / end offsets. */
  readonly ws: number[] = [];
  readonly we: number[] = [];
  /** 0 lower-case, 1 Capitalised, 2 ALL CAPS (length ≥ 2). */
  readonly caps: number[] = [];
  /** Lower-cased word for capitalised words and known words; undefined otherwise. */
  readonly lower: Array<string | undefined> = [];
  /** Cue bits of each word. */
  readonly cues: number[] = [];
  /** Start offsets of maximal digit runs. */
  readonly digitStarts: number[] = [];
  /** Offsets of '@'. */
  readonly ats: number[] = [];
  /** Offsets of ':' with a hex digit on the left (IPv6 candidates). */
  readonly colons: number[] = [];
  private readonly cuePositions = new Map<number, number[]>();

  constructor(text: string) {
    this.text = text;
    this.run();
  }

  get wordCount(): number {
    return this.ws.length;
  }

  /** Lower-cased word i (materialised on demand). */
  word(i: number): string {
    let w = this.lower[i];
    if (w === undefined) {
      w = this.text.slice(this.ws[i]!, this.we[i]!).toLowerCase();
      this.lower[i] = w;
    }
    return w;
  }

  /** Word i as written. */
  raw(i: number): string {
    return this.text.slice(this.ws[i]!, this.we[i]!);
  }

  private run(): void {
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        this.digitStarts.push(i);
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d < 48 || d > 57) break;
          i++;
        }
        continue;
      }
      const cls = c < 0x500 ? CLASS[c]! : 0;
      if ((cls & LETTER) === 0) {
        if (c === 64) this.ats.push(i);
        else if (c === 58) {
          const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
          if ((prev >= 48 && prev <= 58) || (prev >= 97 && prev <= 102) || (prev >= 65 && prev <= 70)) this.colons.push(i);
        }
        i++;
        continue;
      }
      // a word: letters, joined by ' ’ . - when a letter follows
      const start = i;
      let h = FNV_OFFSET;
      let hBeforeApos = 0;
      let upperCount = 0;
      let letters = 0;
      for (;;) {
        const d = text.charCodeAt(i);
        const dc = d < 0x500 ? CLASS[d]! : 0;
        if (dc & LETTER) {
          if (dc & UPPER) upperCount++;
          letters++;
          h = Math.imul(h ^ LOWER[d]!, FNV_PRIME);
          i++;
          continue;
        }
        if ((d === 39 || d === 0x2019 || d === 46 || d === 45) && i + 1 < n) {
          const e = text.charCodeAt(i + 1);
          if (e < 0x500 && CLASS[e]! & LETTER) {
            if (d === 39 || d === 0x2019) hBeforeApos = h;
            h = Math.imul(h ^ (d === 0x2019 ? 39 : d), FNV_PRIME);
            i++;
            continue;
          }
        }
        break;
      }
      const end = i;
      const caps = cls & UPPER ? (letters > 1 && upperCount === letters ? 2 : 1) : 0;
      const hash = h >>> 0;
      let lower: string | undefined;
      let cues = 0;
      if (caps > 0 || KNOWN_HASHES.has(hash)) {
        lower = text.slice(start, end).toLowerCase();
        cues = CUE_MAP.get(lower) ?? 0;
      }
      if (cues === 0 && hBeforeApos !== 0 && KNOWN_HASHES.has(hBeforeApos >>> 0)) {
        lower ??= text.slice(start, end).toLowerCase();
        cues = CUE_MAP.get(lower.replace(/['’]s$/, '')) ?? 0;
      }
      this.ws.push(start);
      this.we.push(end);
      this.caps.push(caps);
      this.lower.push(lower);
      this.cues.push(cues);
      if (cues !== 0) {
        for (let bit = 1; bit <= LAST_CUE; bit <<= 1) {
          if (cues & bit) {
            let list = this.cuePositions.get(bit);
            if (!list) this.cuePositions.set(bit, (list = []));
            list.push(start);
          }
        }
      }
    }
  }

  /** Is there a cue word of kind `cue` starting in [from - before, to + after]? */
  near(cue: Cue, from: number, to: number, before: number, after = 0): boolean {
    const list = this.cuePositions.get(cue);
    if (!list) return false;
    const lo = from - before;
    const hi = to + after;
    let a = 0;
    let b = list.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (list[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    return a < list.length && list[a]! <= hi;
  }

  /** Index of the first word starting at or after `pos`. */
  wordAt(pos: number): number {
    let a = 0;
    let b = this.ws.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.ws[mid]! < pos) a = mid + 1;
      else b = mid;
    }
    return a;
  }
}
