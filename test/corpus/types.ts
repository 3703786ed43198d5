/**
 * Labelled corpora for measuring the PHI detector. Offsets are UTF-16 code unit indexes into
 * `text`; `end` is exclusive (the same convention as `Finding` in src/phi/types.ts).
 */
import type { PhiType } from '../../src/phi/types';

export interface LabelledSpan {
  type: PhiType;
  start: number;
  end: number;
}

/** A region of text that is neither required nor counted as a false positive when predicted. */
export interface NeutralRegion {
  start: number;
  end: number;
}

export interface LabelledDoc {
  id: string;
  text: string;
  spans: LabelledSpan[];
  /** regions where a prediction is neither required nor counted as a false positive (e.g. ambiguous labels) */
  neutral?: NeutralRegion[];
}
