/** Character-code tests shared by the rules (names.ts, patterns.ts); each is false for NaN. */

/** Regex `\s` (ECMAScript WhiteSpace and LineTerminator). */
export const isRegexSpace = (c: number) =>
  c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);

/** [A-Za-z0-9_]: a regex word character (`\b`, `\w` without the u flag). */
export const isWordCode = (c: number) => (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 || c === 95 : c >= 48 && c <= 57);

/** [A-Z]. */
export const isUpperAscii = (c: number) => c >= 65 && c <= 90;
/** [0-9]. */
export const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** How many ASCII digits a string holds. */
export function digitCount(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) if (isDigitCode(s.charCodeAt(k))) n++;
  return n;
}
/** [A-Za-z]. */
export const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
/** [a-z]. */
export const isLowerAscii = (c: number) => c >= 97 && c <= 122;
/** Does a character `first` accepts stand right before one `second` accepts in s ("eC" of "nursingCare", "IT")? */
export function hasPair(s: string, first: (c: number) => boolean, second: (c: number) => boolean): boolean {
  for (let k = 1; k < s.length; k++) if (second(s.charCodeAt(k)) && first(s.charCodeAt(k - 1))) return true;
  return false;
}
/** [A-Za-z0-9]. */
export const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/** Does text spell `lower` (lower-case ASCII letters only) at p, in any case? */
export function lettersAtIgnoreCase(text: string, p: number, lower: string): boolean {
  if (p < 0 || p + lower.length > text.length) return false;
  for (let i = 0; i < lower.length; i++) if ((text.charCodeAt(p + i) | 32) !== lower.charCodeAt(i)) return false;
  return true;
}

/** The index of the first element >= v in an ascending list (its length when there is none). */
export function firstAtOrAbove(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** The index of the line holding offset p, given the offsets of every '\n' in order (the first at or after p). */
export const lineIndexOf = (newlines: readonly number[], p: number): number => firstAtOrAbove(newlines, p);
/** Where the line holding p starts, looked for at most `max` characters back (p - max if further): bounded, so linear when asked at every place of one long line. */
export function lineStartWithin(text: string, p: number, max: number): number {
  let k = p;
  while (k > 0 && p - k < max && text.charCodeAt(k - 1) !== 10) k--;
  return k;
}
/** The line holding offset p, at most 160 characters either side of it (a megabyte line is read near p only). */
export function lineAt(text: string, p: number): string {
  const to = Math.min(text.length, p + 160);
  const ls = lineStartWithin(text, p, 160);
  let le = p;
  while (le < to && text.charCodeAt(le) !== 10) le++;
  return text.slice(ls, le);
}
