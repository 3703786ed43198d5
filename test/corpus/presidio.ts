/**
 * Loader for Microsoft presidio-research's synthetic PII corpus (`third_party/presidio-synth-v2.json`,
 * MIT licence, 1,500 sentences), re-labelled with PHI Guard's Safe Harbor types.
 *
 * Mapping decisions (presidio entity -> PHI Guard), applied per span:
 *  - PERSON            -> NAME.
 *  - STREET_ADDRESS    -> ADDRESS. Presidio splits some addresses into several STREET_ADDRESS spans
 *                         and some spans run over city / country / postcode; they stay one ADDRESS span.
 *                         Exception: a digits-only STREET_ADDRESS span that ends the text or a line
 *                         (e.g. "Estonia 62488") is the postal code -> ZIP.
 *  - ZIP_CODE          -> ZIP (all countries' postal codes; Safe Harbor protects the ZIP).
 *  - PHONE_NUMBER      -> PHONE, or FAX when followed by "-Fax" or preceded by a "fax" label.
 *  - EMAIL_ADDRESS     -> EMAIL.
 *  - US_SSN            -> SSN.
 *  - IP_ADDRESS        -> IP.
 *  - US_DRIVER_LICENSE -> LICENSE.
 *  - CREDIT_CARD, IBAN_CODE -> ACCOUNT (account numbers are a Safe Harbor identifier).
 *  - AGE               -> AGE only when the age is over 89; otherwise neutral (Safe Harbor only protects
 *                         ages over 89; flagging a younger age is neither required nor penalised).
 *  - DATE_TIME         -> DATE when it holds a date element finer than the year: a numeric date with
 *                         month and day ("2/8/1935", "2000-04-16 11:34:35"), or a month name next to a
 *                         number ("March 14", "March 2019"). Otherwise (a bare year, a weekday, "morning")
 *                         neutral: a year alone is not PHI and weekdays are not dates of a person.
 *  - GPE               -> ADDRESS when it names a city / town / village (Safe Harbor covers geographic
 *                         subdivisions smaller than a state); neutral when it is a country, a US state or a
 *                         state/province abbreviation, a Canadian province / Australian state, a large
 *                         region, a demonym, or the corpus artefact "nan".
 *  - DOMAIN_NAME       -> neutral (these are URLs of websites; whether one is the person's own "Web URL"
 *                         cannot be told from the sentence).
 *  - ORGANIZATION, TITLE, NRP -> neutral (not Safe Harbor identifiers, but a detector that flags an employer
 *                         or a name-like organisation should not be punished on this corpus).
 *  - any other type    -> neutral.
 * Spans keep presidio's offsets exactly (UTF-16 indexes into `full_text`, end exclusive).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhiType } from '../../src/phi/types';
import type { LabelledDoc, LabelledSpan, NeutralRegion } from './types';

export interface PresidioSpan {
  entity_type: string;
  entity_value: string;
  start_position: number;
  end_position: number;
}

export interface PresidioRecord {
  full_text: string;
  masked: string;
  spans: PresidioSpan[];
  template_id: number;
  metadata: unknown;
}

const FILE = ['third_party', 'presidio-synth-v2.json'] as const;

/** Finds the corpus from the working directory (repo root) or, failing that, relative to this file. */
export function presidioPath(): string {
  const candidates: string[] = [path.join(process.cwd(), ...FILE)];
  try {
    candidates.push(fileURLToPath(new URL('../../third_party/presidio-synth-v2.json', import.meta.url)));
  } catch {
    // import.meta.url is unavailable when bundled to CommonJS; fall through to __dirname.
  }
  if (typeof __dirname !== 'undefined') candidates.push(path.resolve(__dirname, '..', '..', ...FILE));
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(`presidio corpus not found; tried ${candidates.join(', ')}`);
}

export function readPresidioRecords(): PresidioRecord[] {
  return JSON.parse(fs.readFileSync(presidioPath(), 'utf8')) as PresidioRecord[];
}

// --- geography lists (lower case) ------------------------------------------------------------

const COUNTRIES = new Set(
  [
    'afghanistan', 'albania', 'algeria', 'andorra', 'angola', 'argentina', 'armenia', 'australia', 'austria',
    'azerbaijan', 'bahamas', 'bahrain', 'bangladesh', 'barbados', 'belarus', 'belgium', 'belize', 'benin',
    'bhutan', 'bolivia', 'bosnia and herzegovina', 'botswana', 'brazil', 'brunei', 'bulgaria', 'burkina faso',
    'burundi', 'cambodia', 'cameroon', 'canada', 'cape verde', 'chad', 'chile', 'china', 'colombia', 'comoros',
    'congo', 'costa rica', 'croatia', 'cuba', 'cyprus', 'czech republic', 'czechia', 'denmark', 'djibouti',
    'dominica', 'dominican republic', 'ecuador', 'egypt', 'el salvador', 'england', 'eritrea', 'estonia',
    'eswatini', 'ethiopia', 'fiji', 'finland', 'france', 'gabon', 'gambia', 'georgia', 'germany', 'ghana',
    'greece', 'greenland', 'grenada', 'guatemala', 'guinea', 'guyana', 'haiti', 'honduras', 'hong kong',
    'hungary', 'iceland', 'india', 'indonesia', 'iran', 'iraq', 'ireland', 'israel', 'italy', 'ivory coast',
    'jamaica', 'japan', 'jordan', 'kazakhstan', 'kenya', 'korea', 'south korea', 'north korea', 'kosovo',
    'kuwait', 'kyrgyzstan', 'laos', 'latvia', 'lebanon', 'lesotho', 'liberia', 'libya', 'liechtenstein',
    'lithuania', 'luxembourg', 'madagascar', 'malawi', 'malaysia', 'maldives', 'mali', 'malta', 'mauritania',
    'mauritius', 'mexico', 'moldova', 'monaco', 'mongolia', 'montenegro', 'morocco', 'mozambique', 'myanmar',
    'namibia', 'nepal', 'netherlands', 'the netherlands', 'new zealand', 'nicaragua', 'niger', 'nigeria',
    'north macedonia', 'northern ireland', 'norway', 'oman', 'pakistan', 'panama', 'papua new guinea',
    'paraguay', 'peru', 'philippines', 'poland', 'portugal', 'puerto rico', 'qatar', 'romania', 'russia',
    'rwanda', 'samoa', 'san marino', 'saudi arabia', 'scotland', 'senegal', 'serbia', 'seychelles',
    'sierra leone', 'singapore', 'slovakia', 'slovenia', 'somalia', 'south africa', 'south sudan', 'spain',
    'sri lanka', 'sudan', 'suriname', 'sweden', 'switzerland', 'syria', 'taiwan', 'tajikistan', 'tanzania',
    'thailand', 'togo', 'tonga', 'trinidad and tobago', 'tunisia', 'turkey', 'türkiye', 'turkmenistan',
    'uganda', 'ukraine', 'united arab emirates', 'uae', 'united kingdom', 'uk', 'great britain', 'britain',
    'united states', 'united states of america', 'usa', 'us', 'america', 'uruguay', 'uzbekistan', 'vanuatu',
    'vatican', 'venezuela', 'vietnam', 'viet nam', 'wales', 'yemen', 'zambia', 'zimbabwe', 'faroe islands',
  ],
);

const US_STATES: ReadonlyArray<readonly [string, string]> = [
  ['alabama', 'al'], ['alaska', 'ak'], ['arizona', 'az'], ['arkansas', 'ar'], ['california', 'ca'],
  ['colorado', 'co'], ['connecticut', 'ct'], ['delaware', 'de'], ['florida', 'fl'], ['georgia', 'ga'],
  ['hawaii', 'hi'], ['idaho', 'id'], ['illinois', 'il'], ['indiana', 'in'], ['iowa', 'ia'], ['kansas', 'ks'],
  ['kentucky', 'ky'], ['louisiana', 'la'], ['maine', 'me'], ['maryland', 'md'], ['massachusetts', 'ma'],
  ['michigan', 'mi'], ['minnesota', 'mn'], ['mississippi', 'ms'], ['missouri', 'mo'], ['montana', 'mt'],
  ['nebraska', 'ne'], ['nevada', 'nv'], ['new hampshire', 'nh'], ['new jersey', 'nj'], ['new mexico', 'nm'],
  ['new york state', 'ny'], ['north carolina', 'nc'], ['north dakota', 'nd'], ['ohio', 'oh'], ['oklahoma', 'ok'],
  ['oregon', 'or'], ['pennsylvania', 'pa'], ['rhode island', 'ri'], ['south carolina', 'sc'],
  ['south dakota', 'sd'], ['tennessee', 'tn'], ['texas', 'tx'], ['utah', 'ut'], ['vermont', 'vt'],
  ['virginia', 'va'], ['washington state', 'wa'], ['west virginia', 'wv'], ['wisconsin', 'wi'], ['wyoming', 'wy'],
  ['district of columbia', 'dc'], ['guam', 'gu'], ['american samoa', 'as'], ['u.s. virgin islands', 'vi'],
];

/** Provinces, states of other federations and large regions: bigger than a city, not Safe Harbor. */
const REGIONS = new Set([
  'ontario', 'quebec', 'british columbia', 'alberta', 'saskatchewan', 'manitoba', 'nova scotia',
  'new brunswick', 'newfoundland', 'prince edward island', 'yukon', 'nunavut', 'northwest territories',
  'new south wales', 'queensland', 'victoria', 'tasmania', 'western australia', 'south australia',
  'northern territory', 'bavaria', 'catalonia', 'andalusia', 'lapland', 'scandinavia', 'europe', 'asia',
  'africa', 'north america', 'south america', 'latin america', 'middle east', 'siberia', 'patagonia',
  'highveld', 'the highveld', 'lowveld', 'karoo', 'midwest', 'new england', 'the south', 'balkans',
  'caribbean', 'oceania', 'antarctica', 'jutland', 'zealand', 'west bank', 'gaza',
]);

/** Demonyms that presidio occasionally tags as GPE. */
const DEMONYMS = new Set(['greenlander', 'greenlanders', 'american', 'canadian', 'european', 'danish', 'swedish', 'finnish']);

const STATE_NAMES = new Set(US_STATES.map(([n]) => n).concat(['new york', 'washington']));
const STATE_ABBRS = new Set(US_STATES.map(([, a]) => a));

/** True when a GPE value is a city / town rather than a country, state, province or region. */
export function isCityLike(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.toLowerCase() === 'nan') return false;
  // Two- or three-letter upper-case codes are state / province / country abbreviations (SK, NO, NS, SA).
  if (/^[A-Z]{2,3}$/.test(v) || (v.length <= 3 && STATE_ABBRS.has(v.toLowerCase()))) return false;
  const key = v.toLowerCase().replace(/\s*\([^)]*\)\s*$/, '').replace(/\s+/g, ' ').trim();
  if (COUNTRIES.has(key) || STATE_NAMES.has(key) || REGIONS.has(key) || DEMONYMS.has(key)) return false;
  return true;
}

const MONTH_RE =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|jun(e)?|jul(y)?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?/i;

/** True when a DATE_TIME value holds a month/day element (not just a year, weekday or time of day). */
export function isSpecificDate(value: string): boolean {
  if (/\b\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?\b/.test(value)) return true;
  const m = MONTH_RE.exec(value);
  if (m && /\d/.test(value)) return true;
  return false;
}

function mapSpan(rec: PresidioRecord, s: PresidioSpan): PhiType | null {
  const text = rec.full_text;
  switch (s.entity_type) {
    case 'PERSON':
      return 'NAME';
    case 'STREET_ADDRESS': {
      const after = text.slice(s.end_position, s.end_position + 1);
      if (/^\d{3,6}$/.test(s.entity_value) && (after === '' || after === '\n')) return 'ZIP';
      return 'ADDRESS';
    }
    case 'ZIP_CODE':
      return 'ZIP';
    case 'PHONE_NUMBER': {
      const after = text.slice(s.end_position, s.end_position + 4).toLowerCase();
      const before = text.slice(Math.max(0, s.start_position - 12), s.start_position);
      return after === '-fax' || /fax[\s:#.\-]*$/i.test(before) ? 'FAX' : 'PHONE';
    }
    case 'EMAIL_ADDRESS':
      return 'EMAIL';
    case 'US_SSN':
      return 'SSN';
    case 'IP_ADDRESS':
      return 'IP';
    case 'US_DRIVER_LICENSE':
      return 'LICENSE';
    case 'CREDIT_CARD':
    case 'IBAN_CODE':
      return 'ACCOUNT';
    case 'AGE': {
      const n = Number.parseInt(s.entity_value.replace(/\D+/g, ''), 10);
      return Number.isFinite(n) && n > 89 ? 'AGE' : null;
    }
    case 'DATE_TIME':
      return isSpecificDate(s.entity_value) ? 'DATE' : null;
    case 'GPE':
      return isCityLike(s.entity_value) ? 'ADDRESS' : null;
    default:
      // DOMAIN_NAME, ORGANIZATION, TITLE, NRP and anything unknown.
      return null;
  }
}

/** The presidio corpus as labelled documents, one per record, in file order. */
export function loadPresidio(): LabelledDoc[] {
  const records = readPresidioRecords();
  return records.map((rec, i) => {
    const spans: LabelledSpan[] = [];
    const neutral: NeutralRegion[] = [];
    for (const s of rec.spans) {
      const type = mapSpan(rec, s);
      if (type) spans.push({ type, start: s.start_position, end: s.end_position });
      else neutral.push({ start: s.start_position, end: s.end_position });
    }
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    neutral.sort((a, b) => a.start - b.start || a.end - b.end);
    return { id: `presidio-${String(i).padStart(4, '0')}-t${rec.template_id}`, text: rec.full_text, spans, neutral };
  });
}
