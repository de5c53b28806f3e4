/** Browser stand-in for `node:path`: URL-style paths ("/" only), enough for src/ingest/pdf.ts. */
export const sep = '/';

export function dirname(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i);
}

export function join(...parts: string[]): string {
  return parts
    .filter((s) => s !== '')
    .map((s, i) => (i === 0 ? s.replace(/\/+$/, '') : s.replace(/^\/+|\/+$/g, '')))
    .join('/');
}

export default { sep, dirname, join };
