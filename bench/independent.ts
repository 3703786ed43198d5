/**
 * `npm run bench:independent`: accuracy on hand-written tickets that no generator made.
 *
 * Each set in test/corpus/independent/ was written by a separate helper session that saw neither the
 * detector nor the corpus generator: `setN-clean.json` (tickets without any patient) and
 * `setN-phi.json` (tickets with labelled PHI, `[type, exact substring]`). Sets 1–3 were then used to
 * find and fix false alarms (dev sets); sets 4 to 24 were each measured once held out (the README
 * gives those figures), then used as dev sets too. A set 25, when one is written, is the held-out one.
 * States are not PHI, so they are not labelled. Prints, per set and engine: clean tickets flagged, recall, strict recall,
 * precision, F2.
 *
 * A set may have a `setN-directory.json`: the site's workforce directory (display names of its staff)
 * as PHI Guard's `workforceNames` setting would hold it. For sets 1–15 a helper session built it from
 * the tickets (every employee named with a first name and a surname; never a labelled patient); set
 * 16's to 24's were written with their tickets by the sets' authors (employee-patients and staff
 * relatives among their patients are in them). With one, PHI Guard is measured a second time
 * with the directory ("phi-guard + directory").
 *
 *   npm run bench:independent [-- --engines phi-guard,redact-pii]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, type LabelledDoc } from './metrics';
import { ENGINE_NAMES, loadEngines, type Engine, type EngineName } from './peers';
import { createDetector } from '../src/phi/detect';

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

export function loadSet(n: number): { clean: LabelledDoc[]; phi: LabelledDoc[]; directory?: string[] } | undefined {
  const cleanFile = join(DIR, `set${n}-clean.json`);
  const phiFile = join(DIR, `set${n}-phi.json`);
  if (!existsSync(cleanFile) || !existsSync(phiFile)) return undefined;
  const clean = (JSON.parse(readFileSync(cleanFile, 'utf8')) as string[]).map((text, i) => ({ id: `set${n}:clean:${i}`, text, spans: [] }));
  const phi = labelledDocs(`set${n}`, JSON.parse(readFileSync(phiFile, 'utf8')) as Array<{ text: string; phi: Array<[string, string]> }>);
  const directoryFile = join(DIR, `set${n}-directory.json`);
  const directory = existsSync(directoryFile) ? (JSON.parse(readFileSync(directoryFile, 'utf8')) as string[]) : undefined;
  return { clean, phi, ...(directory ? { directory } : {}) };
}

/** The set not yet used to tune anything (the next to be written). */
const HELD_OUT = 31;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { engines: { type: 'string' } } });
  const names = (values.engines ? values.engines.split(',') : [...ENGINE_NAMES]) as EngineName[];
  const engines = await loadEngines(names);
  const sets: Array<[string, ReturnType<typeof loadSet>]> = [];
  for (let n = 1; n <= HELD_OUT; n++) {
    const set = loadSet(n);
    if (set) sets.push([`set ${n}${n === HELD_OUT ? ' (held out)' : ' (dev)'}`, set]);
  }
  console.log('## Independent hand-written tickets\n');
  console.log('| set | engine | clean tickets flagged | recall | strict recall | precision | F2 |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, set] of sets) {
    if (!set) continue;
    const runs: Array<Pick<Engine, 'name' | 'detect'>> = [...engines];
    if (set.directory && names.includes('phi-guard')) {
      const withDirectory = createDetector({ workforceNames: set.directory });
      runs.splice(1, 0, { name: 'phi-guard + directory', detect: (t) => withDirectory.detect(t).map((f) => ({ start: f.start, end: f.end, type: f.type })) });
    }
    for (const engine of runs) {
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
