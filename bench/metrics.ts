/**
 * Accuracy metrics for the PHI benchmark. Pure functions, no I/O.
 *
 * Definitions (all offsets UTF-16, end exclusive):
 * - recall (type-agnostic): a gold span is found when any predicted span overlaps it, whatever the
 *   predicted type — what matters is that the span gets redacted;
 * - type-aware recall: found by an overlapping prediction of the same type;
 * - strict recall: every non-whitespace character of the gold span is covered by the union of the
 *   predicted spans (nothing leaks after redaction);
 * - precision: a prediction overlapping a gold span is a true positive; one overlapping only
 *   neutral regions (annotated non-PHI such as organisations) is ignored; any other is a false
 *   positive;
 * - F2 = 5PR / (4P + R) from type-agnostic recall and precision.
 */

export interface Region {
  start: number;
  end: number;
}

export interface GoldSpan extends Region {
  type: string;
}

/** Structurally the same as `test/corpus/types.ts` LabelledDoc (kept local so the bench has no hard dependency on it). */
export interface LabelledDoc {
  id: string;
  text: string;
  spans: GoldSpan[];
  neutral?: Region[];
}

export interface PredSpan extends Region {
  type?: string;
}

export interface TypeCounts {
  /** Gold spans of this type. */
  gold: number;
  /** Found by any overlapping prediction. */
  found: number;
  /** Found by an overlapping prediction of the same type. */
  foundTyped: number;
  /** Every non-whitespace character covered. */
  strict: number;
}

export interface Evaluation {
  perType: Record<string, TypeCounts>;
  overall: TypeCounts;
  /** Predictions counted (non-empty spans). */
  predicted: number;
  tp: number;
  fp: number;
  /** Predictions overlapping only neutral regions. */
  ignored: number;
  recall: number;
  typedRecall: number;
  strictRecall: number;
  precision: number;
  f2: number;
  /**
   * Tickets without any PHI (no gold span), and how many of them the engine reports anything in
   * (neutral regions included: a flag on a staff signature still flags the ticket).
   */
  cleanDocs: number;
  cleanFlagged: number;
}

/** Outcome for one gold span. */
export interface GoldOutcome {
  span: GoldSpan;
  found: boolean;
  foundTyped: boolean;
  strict: boolean;
}

export type PredVerdict = 'tp' | 'fp' | 'ignored';

export interface DocOutcome {
  gold: GoldOutcome[];
  preds: { span: PredSpan; verdict: PredVerdict }[];
}

export function overlaps(a: Region, b: Region): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorted, merged union of non-empty regions. */
export function mergeRegions(regions: readonly Region[]): Region[] {
  const sorted = regions.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Region[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      if (r.end > last.end) last.end = r.end;
    } else {
      out.push({ start: r.start, end: r.end });
    }
  }
  return out;
}

const WS = /\s/;

/** True when every non-whitespace character of `text[span]` lies inside `merged` (sorted, disjoint). */
export function strictlyCovered(text: string, span: Region, merged: readonly Region[]): boolean {
  // First merged region that could cover span.start.
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  for (let i = span.start; i < span.end; i++) {
    while (k < merged.length && merged[k]!.end <= i) k++;
    const r = merged[k];
    if (r && r.start <= i) continue; // covered
    const ch = text[i];
    if (ch === undefined || !WS.test(ch)) return false;
  }
  return true;
}

/** Per-span outcomes for one document. */
export function evaluateDoc(doc: LabelledDoc, predictions: readonly PredSpan[]): DocOutcome {
  const preds = predictions.filter((p) => p.end > p.start);
  const merged = mergeRegions(preds);
  const gold: GoldOutcome[] = [];
  for (const g of doc.spans) {
    if (g.end <= g.start) continue;
    let found = false;
    let foundTyped = false;
    for (const p of preds) {
      if (!overlaps(p, g)) continue;
      found = true;
      if (p.type === g.type) {
        foundTyped = true;
        break;
      }
    }
    gold.push({ span: g, found, foundTyped, strict: found && strictlyCovered(doc.text, g, merged) });
  }
  const neutral = doc.neutral ?? [];
  const verdicts = preds.map((p) => {
    let verdict: PredVerdict = 'fp';
    if (doc.spans.some((g) => g.end > g.start && overlaps(p, g))) verdict = 'tp';
    else if (neutral.some((n) => overlaps(p, n))) verdict = 'ignored';
    return { span: p, verdict };
  });
  return { gold, preds: verdicts };
}

function emptyCounts(): TypeCounts {
  return { gold: 0, found: 0, foundTyped: 0, strict: 0 };
}

export function ratio(num: number, den: number): number {
  return den === 0 ? Number.NaN : num / den;
}

/** F-beta with beta = 2; 0 when recall is 0 (or undefined), NaN only when recall is undefined and precision too. */
export function f2Score(precision: number, recall: number): number {
  if (Number.isNaN(recall)) return Number.NaN;
  if (recall === 0) return 0;
  if (Number.isNaN(precision)) return Number.NaN;
  const den = 4 * precision + recall;
  return den === 0 ? 0 : (5 * precision * recall) / den;
}

/** Aggregates outcomes over a corpus. `predictions[i]` belongs to `docs[i]`. */
export function evaluate(docs: readonly LabelledDoc[], predictions: readonly (readonly PredSpan[])[]): Evaluation {
  if (docs.length !== predictions.length) throw new Error(`evaluate: ${docs.length} docs but ${predictions.length} prediction lists`);
  const perType: Record<string, TypeCounts> = {};
  const overall = emptyCounts();
  let predicted = 0;
  let tp = 0;
  let fp = 0;
  let ignored = 0;
  let cleanDocs = 0;
  let cleanFlagged = 0;
  docs.forEach((doc, i) => {
    const outcome = evaluateDoc(doc, predictions[i] ?? []);
    if (!doc.spans.some((g) => g.end > g.start)) {
      cleanDocs++;
      if (outcome.preds.length > 0) cleanFlagged++;
    }
    for (const g of outcome.gold) {
      const c = (perType[g.span.type] ??= emptyCounts());
      for (const t of [c, overall]) {
        t.gold++;
        if (g.found) t.found++;
        if (g.foundTyped) t.foundTyped++;
        if (g.strict) t.strict++;
      }
    }
    for (const p of outcome.preds) {
      predicted++;
      if (p.verdict === 'tp') tp++;
      else if (p.verdict === 'fp') fp++;
      else ignored++;
    }
  });
  const recall = ratio(overall.found, overall.gold);
  const precision = ratio(tp, tp + fp);
  return {
    perType,
    overall,
    predicted,
    tp,
    fp,
    ignored,
    recall,
    typedRecall: ratio(overall.foundTyped, overall.gold),
    strictRecall: ratio(overall.strict, overall.gold),
    precision,
    f2: f2Score(precision, recall),
    cleanDocs,
    cleanFlagged,
  };
}
