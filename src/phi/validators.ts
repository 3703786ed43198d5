/**
 * Check-digit and format rules for structured identifiers. Pure functions over strings;
 * callers pass the matched characters (separators allowed where noted).
 */

const digitsOf = (s: string): string => s.replace(/\D+/g, '');

/** SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000; not a known advertising number. */
export function isValidSsn(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length !== 9) return false;
  const area = d.slice(0, 3);
  const group = d.slice(3, 5);
  const serial = d.slice(5);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  if (d === '078051120' || d === '219099999' || d === '123456789') return false;
  return true;
}

/** Luhn mod-10 over the digits of `raw`. */
export function luhnValid(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length < 2) return false;
  let sum = 0;
  let double = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let n = d.charCodeAt(i) - 48;
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

/** NPI: 10 digits starting 1 or 2, Luhn-valid when prefixed with 80840 (CMS rule). */
export function isValidNpi(raw: string): boolean {
  const d = digitsOf(raw);
  return d.length === 10 && (d[0] === '1' || d[0] === '2') && luhnValid('80840' + d);
}

/**
 * DEA registration number: 2 letters + 7 digits; first letter a registrant type, check digit
 * = (d1 + d3 + d5 + 2·(d2 + d4 + d6)) mod 10.
 */
export function isValidDea(raw: string): boolean {
  const m = /^([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})$/.exec(raw.toUpperCase());
  if (!m) return false;
  const d = m[3]!.split('').map(Number) as number[];
  const check = (d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)) % 10;
  return check === d[6];
}

const VIN_VALUES: Record<string, number> = {};
'ABCDEFGH'.split('').forEach((c, i) => (VIN_VALUES[c] = i + 1));
'JKLMN'.split('').forEach((c, i) => (VIN_VALUES[c] = i + 1));
VIN_VALUES.P = 7;
VIN_VALUES.R = 9;
'STUVWXYZ'.split('').forEach((c, i) => (VIN_VALUES[c] = i + 2));
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** ISO 3779 VIN with the North American check digit in position 9. */
export function isValidVin(raw: string): boolean {
  const v = raw.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  if (!/\d/.test(v) || !/[A-Z]/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i]!;
    const value = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : VIN_VALUES[c] ?? 0;
    sum += value * VIN_WEIGHTS[i]!;
  }
  const check = sum % 11;
  return v[8] === (check === 10 ? 'X' : String(check));
}

/**
 * Medicare Beneficiary Identifier (CMS format): 11 characters
 * C A AN N A AN N A A N N, where C is 1–9, N a digit, A a letter other than S L O I B Z.
 * Dashes after positions 4 and 7 are allowed.
 */
const MBI_ALPHA = '[AC-HJKMNP-RT-Y]';
const MBI_ALNUM = '[AC-HJKMNP-RT-Y0-9]';
export const MBI_SOURCE = `[1-9]${MBI_ALPHA}${MBI_ALNUM}\\d-?${MBI_ALPHA}${MBI_ALNUM}\\d-?${MBI_ALPHA}{2}\\d{2}`;
const MBI_RE = new RegExp(`^${MBI_SOURCE}$`);
export function isValidMbi(raw: string): boolean {
  const v = raw.toUpperCase();
  if (!MBI_RE.test(v)) return false;
  const plain = v.replace(/-/g, '');
  return plain.length === 11;
}

/** IBAN: country code, 2 check digits, mod-97 == 1. */
export function isValidIban(raw: string): boolean {
  const v = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(v)) return false;
  const moved = v.slice(4) + v.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const n = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rem = n > 9 ? (rem * 100 + n) % 97 : (rem * 10 + n) % 97;
  }
  return rem === 1;
}

/** Payment card: 13–19 digits, Luhn-valid, known issuer prefix. */
export function isLikelyCard(raw: string): boolean {
  const d = digitsOf(raw);
  if (d.length < 12 || d.length > 19) return false;
  if (/^(\d)\1+$/.test(d)) return false;
  return luhnValid(d);
}

/** IPv4 dotted quad with each octet 0–255 and no leading zeros beyond one digit. */
export function isValidIpv4(raw: string): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255) return false;
      parts++;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return false; // leading zero
      value = value * 10 + (c - 48);
      if (++digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}

/**
 * A date written as digits alone: MMDDYY (six), or YYYYMMDD / MMDDYYYY with a year in 1900-2099
 * (eight), with a valid month and day ("031452", "19921105", "03141952").
 */
export function isCompactDate(d: string): boolean {
  if (!/^(?:\d{6}|\d{8})$/.test(d)) return false;
  const n = (a: number, b: number) => Number(d.slice(a, b));
  if (d.length === 6) return isValidMonthDay(n(0, 2), n(2, 4));
  const y = n(0, 4);
  if (y >= 1900 && y <= 2099 && isValidMonthDay(n(4, 6), n(6, 8))) return true;
  const y2 = n(4, 8);
  return y2 >= 1900 && y2 <= 2099 && isValidMonthDay(n(0, 2), n(2, 4));
}

/** Calendar check for a month/day pair (year optional; Feb 29 allowed). */
export function isValidMonthDay(month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= max;
}

/**
 * GS1 check digit of a GTIN-8/12/13/14 (the device identifier of a GS1 UDI): from the right, the
 * digits before the check digit weigh 3, 1, 3, …; the check digit makes the sum a multiple of 10.
 */
export function isValidGtin(raw: string): boolean {
  if (!/^(?:\d{8}|\d{12,14})$/.test(raw)) return false;
  let sum = 0;
  for (let i = raw.length - 2, w = 3; i >= 0; i--, w = 4 - w) sum += (raw.charCodeAt(i) - 48) * w;
  return (10 - (sum % 10)) % 10 === raw.charCodeAt(raw.length - 1) - 48;
}
