/** The parts of an LKIP the parser recognises (src/parse/structure.ts). */
import { z } from 'zod';

export const SectionKindSchema = z.enum([
  'cover',
  'kata_pengantar',
  'daftar_isi',
  'ikhtisar',
  'bab1',
  'bab2',
  'bab3',
  'bab4',
  'lampiran_renstra',
  'lampiran_rkt',
  'lampiran_pk',
  'lampiran_pk_perubahan',
  'lampiran_iku',
  'lampiran_lain',
  /** A text with no heading the parser recognises (an excerpt of a report): read as body. */
  'excerpt',
]);
export type SectionKind = z.infer<typeof SectionKindSchema>;
