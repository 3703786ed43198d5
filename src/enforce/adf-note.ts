/** A one-paragraph ADF document for the app's own notes. */
export function adfFromPlainText(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}
