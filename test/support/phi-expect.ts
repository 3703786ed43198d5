/**
 * Expectations on the detector's findings, shared by the PHI unit tests: a value covered by a
 * finding of its type, a value no finding touches. Values are located by their first occurrence.
 */
import { expect } from 'vitest';
import { detect } from '../../src/phi/detect';
import type { PhiType } from '../../src/phi/types';

/** The findings as [type, text] pairs (for failure messages). */
export const found = (text: string): Array<[PhiType, string]> => detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);

/** Every value is covered by a finding of its type. */
export function expectAll(text: string, values: Array<[PhiType, string]>): void {
  const hits = detect(text);
  for (const [type, value] of values) {
    const at = text.indexOf(value);
    expect(at, value).toBeGreaterThanOrEqual(0);
    const hit = hits.find((f) => f.start <= at && f.end >= at + value.length);
    expect(hit, `${type} "${value}" in ${JSON.stringify(text)}; found ${JSON.stringify(found(text))}`).toBeDefined();
    expect(hit!.type, value).toBe(type);
  }
}
/** The value is covered by a finding of the type. */
export const expectFound = (text: string, type: PhiType, value: string): void => expectAll(text, [[type, value]]);

/** None of the values is touched by any finding. */
export function expectNone(text: string, values: string[]): void {
  const hits = detect(text);
  for (const value of values) {
    const at = text.indexOf(value);
    expect(at, value).toBeGreaterThanOrEqual(0);
    const hit = hits.find((f) => f.start < at + value.length && f.end > at);
    expect(hit, `"${value}" should be clean in ${JSON.stringify(text)}; found ${JSON.stringify(found(text))}`).toBeUndefined();
  }
}
/** No finding touches the value. */
export const expectClean = (text: string, value: string): void => expectNone(text, [value]);
