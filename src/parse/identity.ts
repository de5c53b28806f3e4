/**
 * Names and NIPs of civil servants (ASN). Pure.
 *
 * NIP (18 digits, PP 2008 / BKN): YYYYMMDD birth date, YYYYMM appointment (TMT CPNS), 1 digit sex
 * (1 = male, 2 = female), 3 digits sequence. Printed as "19691212 198911 1 001" or run together.
 */

/** Academic and honorific titles, compared without dots, upper case. */
const TITLES = new Set([
  'DRS', 'DRA', 'DR', 'IR', 'H', 'HJ', 'PROF', 'DIS', // prefixes ("Dis." is a scan slip of "Drs.")
  'S', 'M', 'SH', 'SE', 'ST', 'SP', 'SS', 'SAG', 'SHI', 'SIP', 'SKOM', 'SPD', 'SPDI', 'SSOS', 'SSTP', 'STP', 'SSI', 'SKM', 'SKEP', 'SPSI', 'STR', 'SAB', 'SIKOM',
  'MM', 'MSI', 'MH', 'MAP', 'MPD', 'MT', 'MKES', 'MSC', 'MA', 'MAG', 'MKN', 'MPA', 'MPP', 'ME', 'MAK', 'MHUM', 'MKOM', 'MIP', 'MSOS',
  'AMD', 'AK', 'IPU', 'IPM', 'BSC', 'BA', 'SI', 'SOS', 'PHD',
]);

/** The person's name without titles, upper case, single-spaced: "Drs. BASUKIK" → "BASUKIK". */
export function normalizeName(printed: string): string {
  let s = printed.replace(/[*_`]/g, ' ').trim();
  // titles after the name follow the first comma: "RACHMAD HIDAYAT, S.Sos"
  const comma = s.indexOf(',');
  if (comma > 0) s = s.slice(0, comma);
  const tokens = s
    .split(/\s+/)
    .map((t) => t.trim())
    .filter(Boolean);
  const key = (t: string) => t.replace(/[.,'’]/g, '').toUpperCase();
  // leading titles: "Drs.", "Ir.", "H.", "Dis." (any short token ending with a dot counts)
  while (tokens.length > 1 && (TITLES.has(key(tokens[0]!)) || /^[A-Za-z]{1,4}\.$/.test(tokens[0]!))) tokens.shift();
  // trailing titles without comma: "MUHAMMAD NAJMUL HUDA S.STP M.Si", "MUHAMMAD ZAMRONI SH"
  while (tokens.length > 1 && (TITLES.has(key(tokens[tokens.length - 1]!)) || /\./.test(tokens[tokens.length - 1]!))) tokens.pop();
  return tokens.map(key).join(' ');
}

export interface NipCheck {
  nip: string;
  birth: { y: number; m: number; d: number };
  appointment: { y: number; m: number };
  sex: string;
  /** Problems found, in Indonesian and English. Empty when the NIP is plausible. */
  problems: { id: string; en: string }[];
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Decompose and check an 18-digit NIP. Returns null when the text is not 18 digits. */
export function checkNip(raw: string): NipCheck | null {
  const nip = raw.replace(/\D/g, '');
  if (nip.length !== 18) return null;
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const sex = nip.slice(14, 15);
  const problems: { id: string; en: string }[] = [];
  const birthOk = by >= 1930 && by <= 2015 && bm >= 1 && bm <= 12 && bd >= 1 && bd <= daysIn(by, bm);
  if (!birthOk) problems.push({ id: `tanggal lahir ${nip.slice(0, 8)} tidak mungkin`, en: `birth date ${nip.slice(0, 8)} is impossible` });
  const apptOk = ay >= 1950 && ay <= 2035 && am >= 1 && am <= 12;
  if (!apptOk) problems.push({ id: `bulan pengangkatan ${nip.slice(8, 14)} tidak mungkin`, en: `appointment month ${nip.slice(8, 14)} is impossible` });
  if (birthOk && apptOk && (ay - by) * 12 + (am - bm) < 18 * 12) {
    problems.push({ id: `diangkat ${nip.slice(8, 14)} sebelum berumur 18 tahun (lahir ${nip.slice(0, 8)})`, en: `appointed ${nip.slice(8, 14)} before the age of 18 (born ${nip.slice(0, 8)})` });
  }
  if (sex !== '1' && sex !== '2') problems.push({ id: `kode jenis kelamin ${sex} bukan 1 atau 2`, en: `sex code ${sex} is neither 1 nor 2` });
  return { nip, birth: { y: by, m: bm, d: bd }, appointment: { y: ay, m: am }, sex, problems };
}

/** "196912121989111001" → "19691212 198911 1 001". */
export function formatNip(nip: string): string {
  const d = nip.replace(/\D/g, '');
  return d.length === 18 ? `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}` : nip;
}
