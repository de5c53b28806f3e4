/** A string matched literally inside a regular expression (every regex metacharacter escaped). */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
