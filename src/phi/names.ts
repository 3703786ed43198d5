/**
 * Person names without a trained model: runs of capitalised words scored by census name lists,
 * common-word and product-name lists, the shape of the run (First Last, Last, First, initials,
 * ALL CAPS) and the words around it (titles, "patient", "name is", clinical vs technical context).
 */
import { Cue, type CueIndex, type Token } from './context';
import { COMMON_WORDS, FIRST_NAMES, SURNAMES, TECH_WORDS, TITLES, US_STATE_CODES } from './lexicon';
import type { Emit } from './patterns';

const POSSESSIVE = /['’]s$/i;
const CAMEL = /[a-z][A-Z]/;
const HAS_NON_ASCII = /[\u00C0-\u024F]/;

/** How much a single word looks like part of a person's name: -1 (never) .. 1 (census name, not a common word). */
function evidence(tok: Token): number {
  let w = tok.lower;
  if (POSSESSIVE.test(w)) w = w.slice(0, -2);
  if (tok.caps === 0) return -1;
  if (TECH_WORDS.has(w) || CAMEL.test(tok.word) || TITLES.has(w)) return -1;
  if (tok.caps === 2 && w.length > 1 && US_STATE_CODES.has(tok.word)) return 0;
  const parts = w.includes('-') ? w.split('-') : [w];
  let best = -2;
  for (const p of parts) {
    const first = FIRST_NAMES.has(p);
    const last = SURNAMES.has(p);
    const common = COMMON_WORDS.has(p);
    let e: number;
    if (first || last) e = common ? 0.45 : 1;
    else if (common) e = 0;
    else if (tok.caps === 2) e = 0; // unknown ALL-CAPS word: an acronym far more often than a name
    else if (HAS_NON_ASCII.test(p)) e = 0.75;
    else if (p.length < 3) e = 0;
    else e = 0.55;
    if (e > best) best = e;
  }
  return best;
}

const isInitial = (t: Token) => t.word.length === 1 && t.caps === 1;

function gapOk(text: string, a: Token, b: Token): boolean {
  const gap = b.start - a.end;
  if (gap === 1) return text.charCodeAt(a.end) === 32;
  if (gap === 2) {
    const g = text.slice(a.end, b.start);
    return g === '. ' || (g === '  ');
  }
  return false;
}

export function nameRule(text: string, tokens: readonly Token[], cues: CueIndex, emit: Emit): void {
  const n = tokens.length;
  const ev = new Float32Array(n);
  for (let i = 0; i < n; i++) ev[i] = tokens[i]!.caps === 0 ? -1 : evidence(tokens[i]!);

  const introBefore = (i: number): number => {
    // strongest cue among the two words before token i: title 0.5, "name is"/patient 0.35
    let best = 0;
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const t = tokens[k]!;
      if (tokens[i]!.start - t.end > 24) break;
      if (TITLES.has(t.lower) && k === i - 1) best = Math.max(best, 0.5);
      else if (t.cues & Cue.NameIntro) best = Math.max(best, k === i - 1 ? 0.35 : 0.25);
      else if ((t.lower === 'is' || t.lower === 'by' || t.lower === 'for' || t.lower === 'from') && k === i - 1) best = Math.max(best, 0.05);
    }
    return best;
  };

  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    if (t.caps === 0 && !isInitial(t)) {
      // lower-case clinical shorthand: "pt john smith", "patient: mary jones"
      if ((t.lower === 'pt' || t.lower === 'patient' || t.lower === 'pt.') && i + 1 < n) {
        const a = tokens[i + 1]!;
        const b = i + 2 < n ? tokens[i + 2] : undefined;
        if (a.caps === 0 && a.start - t.end <= 3 && FIRST_NAMES.has(a.lower) && !COMMON_WORDS.has(a.lower)) {
          if (b && b.caps === 0 && gapOk(text, a, b) && SURNAMES.has(b.lower)) {
            emit('NAME', a.start, b.end, 0.85, 'name.lower');
            i += 3;
            continue;
          }
        }
      }
      i++;
      continue;
    }
    // collect a run of capitalised words / initials joined by single spaces
    let j = i;
    while (j + 1 < n && j - i < 5 && (tokens[j + 1]!.caps > 0 || isInitial(tokens[j + 1]!)) && gapOk(text, tokens[j]!, tokens[j + 1]!)) j++;
    // trim words that cannot be part of a name from both ends
    let a = i;
    let b = j;
    while (a <= b && ev[a]! <= 0 && !isInitial(tokens[a]!)) a++;
    while (b >= a && (ev[b]! <= 0 || isInitial(tokens[b]!))) b--;
    // a word that can never be a name inside the run splits it: keep the left part
    for (let k = a; k <= b; k++) {
      if (ev[k]! < 0 || (ev[k] === 0 && !isInitial(tokens[k]!))) {
        b = k - 1;
        while (b >= a && (ev[b]! <= 0 || isInitial(tokens[b]!))) b--;
        break;
      }
    }
    if (a <= b) scoreRun(a, b);
    i = Math.max(j + 1, i + 1);
  }

  function scoreRun(a: number, b: number): void {
    const first = tokens[a]!;
    const last = tokens[b]!;
    let words = 0;
    let sum = 0;
    for (let k = a; k <= b; k++) {
      if (isInitial(tokens[k]!)) continue;
      words++;
      sum += ev[k]!;
    }
    if (words === 0) return;
    const avg = sum / words;
    let score: number;
    const firstIsFirst = FIRST_NAMES.has(first.lower);
    const lastIsLast = SURNAMES.has(last.lower.replace(POSSESSIVE, ''));
    if (words >= 2 || (words === 1 && b > a)) {
      score = 0.3 + 0.55 * avg;
      if ((firstIsFirst || isInitial(first)) && lastIsLast) score += 0.15;
    } else {
      const e = ev[a]!;
      score = e >= 1 ? (firstIsFirst ? 0.48 : 0.42) : e * 0.5;
      if (first.caps === 2) score -= 0.2; // a lone ALL-CAPS word is an acronym unless introduced
    }
    // "Last, First": a run right after "Word, "
    let start = first.start;
    let lastEnd = last.end;
    if (a > 0) {
      const prev = tokens[a - 1]!;
      const between = text.slice(prev.end, first.start);
      if (between === ', ' && ev[a - 1]! > 0.4 && (prev.caps === first.caps || prev.caps === 2) && SURNAMES.has(prev.lower) && FIRST_NAMES.has(first.lower)) {
        start = prev.start;
        score = Math.max(score, 0.88);
        // keep a trailing middle initial: "SMITH, JOHN A"
        const next = tokens[b + 1];
        if (next && isInitial(next) && next.start === last.end + 1) lastEnd = next.end;
      }
    }
    const intro = introBefore(a);
    score += intro;
    if (POSSESSIVE.test(last.lower) && words === 1) score += 0.1;
    const clinical = cues.near(Cue.Clinical, first.start, last.end, 80, 40);
    const tech = cues.near(Cue.Tech, first.start, last.end, 30, 20);
    if (clinical) score += 0.08;
    else if (tech) score -= 0.15;
    let end = lastEnd;
    if (POSSESSIVE.test(last.word) && end === last.end) end -= 2;
    if (score > 1) score = 1;
    if (score <= 0) return;
    emit('NAME', start, end, score, words >= 2 ? 'name.full' : intro >= 0.35 ? 'name.intro' : 'name.single');
  }
}
