/**
 * The site's workforce directory: the people who work there, by display name (the Jira users an
 * admin names as internal staff, and names the admin adds). At a healthcare IT desk most of the
 * names in a ticket are theirs: the nurse who called, the analyst who fixed it, the manager who
 * approved. Context alone cannot always tell such a name from a patient's; the directory can,
 * because a site's staff recur across its tickets and its patients are not Jira users.
 *
 * A name is recognised in the forms tickets write it: "Maria Lopez", "MARIA LOPEZ", "maria lopez",
 * "Maria J. Lopez", "Lopez, Maria", "LOPEZ, MARIA J", with a title or credentials around it
 * ("Dr. Maria Lopez", "Maria Lopez, RN"), accents or not. A directory entry needs a first name and
 * a surname: a single word ("Maria") is never an entry, as it could be anyone's.
 *
 * What the detector does with it (detect.ts): a NAME finding that is a directory person, or a
 * lone first name or surname of a directory person the same text names in full, is not PHI —
 * unless the text ties that name to a patient (patient words next to it), because staff are
 * patients too, and then every copy of it stays.
 *
 * Pure: no Forge imports. Names are held only as normalised keys in memory, never stored here.
 */

/** Titles, credentials and suffixes, which say nothing about who the person is. */
const NOISE_WORDS: ReadonlySet<string> = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'sr', 'jr', 'ii', 'iii', 'iv',
  'rn', 'lpn', 'lvn', 'cna', 'cma', 'md', 'do', 'np', 'pa', 'pa-c', 'crna', 'pharmd', 'bsn', 'msn', 'dnp', 'phd', 'rph', 'rt', 'mba', 'mph', 'facs',
  'aprn', 'fnp', 'crnp', 'cnm', 'cns', 'lcsw', 'lpc', 'lmft', 'psyd', 'dpm', 'dds', 'dmd', 'slp', 'cbet', 'rrt', 'rdms', 'arrt',
]);

/** Words before a name that are no part of it: verbs and greetings that open a sentence ("Call Maria Lopez", "Thanks Maria Lopez"). */
const LEAD_WORDS: ReadonlySet<string> = new Set([
  'call', 'called', 'ask', 'asked', 'ping', 'page', 'paged', 'contact', 'email', 'emailed', 'text', 'texted', 'cc', 'per', 'thanks', 'thank',
  'hi', 'hello', 'hey', 'dear', 'see', 'tell', 'told', 'notify', 'notified', 'via', 'from', 'to', 'with', 'by', 'attn', 'fyi', 'escalate', 'escalated',
]);

/** The most names a directory holds (a large health system's workforce, with room to spare). */
export const MAX_DIRECTORY_NAMES = 100_000;
/** The longest display name taken. */
const MAX_NAME_LENGTH = 120;

export interface StaffDirectory {
  /** How many entries were taken. */
  readonly size: number;
  /**
   * The directory person a name as written is ("Lopez, Maria J." -> their key), or undefined.
   * The key is the person's first name and surname, normalised.
   */
  personOf(written: string): string | undefined;
  /**
   * The directory people a written list of names is ("Nora Blevins, Cedric Obi, Jamal Whitfield",
   * "Lopez, Maria and Kevin Park"): each part one of them, or one word of a name among them (the
   * end of a list a rule read as "Surname, First Last"); undefined unless every part is.
   */
  peopleOf(written: string): string[] | undefined;
  /** Is the word (lower case, as nameWords gives it) a surname in the directory? */
  isSurname(word: string): boolean;
}

/**
 * The words of a written name, lower case, accents and punctuation gone, "Last, First" put in
 * order, titles, credentials and initials dropped: "Dr. LÓPEZ, María J., RN" -> ["maria", "lopez"].
 */
export function nameWords(written: string): string[] {
  let s = written.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’`]/g, "'");
  // "Lopez, Maria J" -> "Maria J Lopez"; a comma before a credential only ("Maria Lopez, RN") is no reordering
  const comma = s.indexOf(',');
  if (comma !== -1) {
    const before = words(s.slice(0, comma));
    const after = words(s.slice(comma + 1)).filter((w) => !NOISE_WORDS.has(w));
    s = after.length > 0 ? [...after, ...before].join(' ') : before.join(' ');
  }
  return words(s).filter((w) => w.length > 1 && !NOISE_WORDS.has(w));
}

/** Runs of letters, '\'' and '-' (inner only). */
function words(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/[\p{L}][\p{L}'-]*/gu)) {
    const w = m[0].replace(/['-]+$/, '');
    if (w.length > 0) out.push(w);
  }
  return out;
}

/** The key a name is found by: its first word and its last (middle names and particles aside). */
const keyOf = (ws: readonly string[]): string | undefined => (ws.length >= 2 ? `${ws[0]} ${ws[ws.length - 1]}` : undefined);

/**
 * A directory from display names. Entries that are not a name (one word, too long, not text) are
 * skipped; at most MAX_DIRECTORY_NAMES are taken.
 */
export function compileDirectory(names: readonly unknown[] | undefined): StaffDirectory {
  const keys = new Set<string>();
  const surnames = new Set<string>();
  let size = 0;
  for (const n of names ?? []) {
    if (size >= MAX_DIRECTORY_NAMES) break;
    if (typeof n !== 'string' || n.length > MAX_NAME_LENGTH) continue;
    const ws = nameWords(n);
    const key = keyOf(ws);
    if (key === undefined) continue;
    keys.add(key);
    surnames.add(ws[ws.length - 1]!);
    size++;
  }
  const personOf = (written: string): string | undefined => {
    if (keys.size === 0 || written.length > MAX_NAME_LENGTH) return undefined;
    let ws = nameWords(written);
    // a verb or greeting a rule read into the name at a sentence's start ("Call Maria Lopez")
    if (ws.length >= 3 && LEAD_WORDS.has(ws[0]!)) ws = ws.slice(1);
    const key = keyOf(ws);
    return key !== undefined && keys.has(key) ? key : undefined;
  };
  return {
    size,
    personOf,
    peopleOf(written) {
      const one = personOf(written);
      if (one !== undefined) return [one];
      if (keys.size === 0 || written.length > MAX_NAME_LENGTH * 4) return undefined;
      const parts = written.split(/[,;&/]|\band\b/);
      if (parts.length < 2) return undefined;
      const people: string[] = [];
      const single: string[] = [];
      for (const part of parts) {
        const ws = nameWords(part);
        if (ws.length === 0) continue;
        if (ws.length === 1) {
          single.push(ws[0]!);
          continue;
        }
        const key = keyOf(ws);
        if (key === undefined || !keys.has(key)) return undefined;
        people.push(key);
      }
      if (people.length === 0) return undefined;
      // a lone word must be a word of a directory name: a surname, or a first name of the people listed
      const firsts = new Set(people.map((k) => k.slice(0, k.indexOf(' '))));
      return single.every((w) => surnames.has(w) || firsts.has(w)) ? people : undefined;
    },
    isSurname: (word) => surnames.has(word),
  };
}
