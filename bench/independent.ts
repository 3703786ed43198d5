/**
 * `npm run bench:independent`: accuracy on hand-written tickets that no generator made.
 *
 * Each set in test/corpus/independent/ was written by a separate helper session that saw neither the
 * detector nor the corpus generator: `setN-clean.json` (tickets without any patient) and
 * `setN-phi.json` (tickets with labelled PHI, `[type, exact substring]`). Sets 1–3 were then used to
 * find and fix false alarms (dev sets); sets 4 to 15 were each measured once held out (the README
 * gives those figures), then used as dev sets too. A set 16, when one is written, is the held-out one.
 * States are not PHI, so they are not labelled. Prints, per set and engine: clean tickets flagged, recall, strict recall,
 * precision, F2.
 *
 *   npm run bench:independent [-- --engines phi-guard,redact-pii]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, type LabelledDoc } from './metrics';
import { ENGINE_NAMES, loadEngines, type EngineName } from './peers';

const DIR = resolve(__dirname, '../test/corpus/independent');

/** The labelled tickets of a `setN-phi.json`: every occurrence of each listed substring is a gold span. */
export function labelledDocs(name: string, items: Array<{ text: string; phi: Array<[string, string]> }>): LabelledDoc[] {
  return items.map((item, i) => {
    const spans: LabelledDoc['spans'] = [];
    for (const [type, value] of item.phi) {
      if (value.length === 0) continue;
      for (let k = item.text.indexOf(value); k !== -1; k = item.text.indexOf(value, k + 1)) {
        if (!spans.some((s) => s.start === k && s.end === k + value.length)) spans.push({ type, start: k, end: k + value.length });
      }
    }
    return { id: `${name}:phi:${i}`, text: item.text, spans };
  });
}

export function loadSet(n: number): { clean: LabelledDoc[]; phi: LabelledDoc[] } | undefined {
  const cleanFile = join(DIR, `set${n}-clean.json`);
  const phiFile = join(DIR, `set${n}-phi.json`);
  if (!existsSync(cleanFile) || !existsSync(phiFile)) return undefined;
  const clean = (JSON.parse(readFileSync(cleanFile, 'utf8')) as string[]).map((text, i) => ({ id: `set${n}:clean:${i}`, text, spans: [] }));
  const phi = labelledDocs(`set${n}`, JSON.parse(readFileSync(phiFile, 'utf8')) as Array<{ text: string; phi: Array<[string, string]> }>);
  return { clean, phi };
}

/** The set not yet used to tune anything (the newest). */
const HELD_OUT = 16;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { engines: { type: 'string' } } });
  const names = (values.engines ? values.engines.split(',') : [...ENGINE_NAMES]) as EngineName[];
  const engines = await loadEngines(names);
  const sets: Array<[string, ReturnType<typeof loadSet>]> = [];
  for (let n = 1; n <= 16; n++) {
    const set = loadSet(n);
    if (set) sets.push([`set ${n}${n === HELD_OUT ? ' (held out)' : ' (dev)'}`, set]);
  }
  console.log('## Independent hand-written tickets\n');
  console.log('| set | engine | clean tickets flagged | recall | strict recall | precision | F2 |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, set] of sets) {
    if (!set) continue;
    for (const engine of engines) {
      const cleanPreds = await Promise.all(set.clean.map((d) => engine.detect(d.text)));
      const phiPreds = await Promise.all(set.phi.map((d) => engine.detect(d.text)));
      const c = evaluate(set.clean, cleanPreds);
      const e = evaluate(set.phi, phiPreds);
      console.log(
        `| ${label} | ${engine.name} | ${c.cleanFlagged} of ${c.cleanDocs} | ${e.recall.toFixed(3)} | ${e.strictRecall.toFixed(3)} | ${e.precision.toFixed(3)} | ${e.f2.toFixed(3)} |`,
      );
    }
  }
}

if (require.main === module) void main();
