/**
 * The speed benchmark's documents: `count` texts of 2–10 KB (UTF-8), each a concatenation of
 * texts taken from the pools in turn, seeded so every run (bench:phi and the scripts/ speed
 * aids) times the same documents.
 */
import { seededRandom } from '../src/sandbox/forge/api';

export function speedDocs(pools: string[][], count: number): string[] {
  const nonEmpty = pools.map((p) => p.filter((t) => t.length > 0)).filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return [];
  const rand = seededRandom(0x5eed);
  const cursors = nonEmpty.map(() => 0);
  const docs: string[] = [];
  let turn = 0;
  for (let i = 0; i < count; i++) {
    const target = 2048 + Math.floor(rand() * 8 * 1024);
    let text = '';
    while (Buffer.byteLength(text) < target) {
      const p = turn++ % nonEmpty.length;
      const pool = nonEmpty[p]!;
      const piece = pool[cursors[p]! % pool.length]!;
      cursors[p]!++;
      const next = text ? `${text}\n\n${piece}` : piece;
      if (Buffer.byteLength(next) > 10 * 1024 && text.length > 0) break;
      text = next;
    }
    docs.push(text.length > 10 * 1024 ? text.slice(0, 10 * 1024) : text);
  }
  return docs;
}
