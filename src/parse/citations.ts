/**
 * Citations in prose: regulations ("Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang ...") and
 * tables ("tabel 4 berikut"). Pure: reads text only.
 */

export interface RegulationCitation {
  /** The regulation's kind as printed ("Peraturan Menteri Pendayagunaan Aparatur Negara ..."). */
  jenis: string;
  /** Comparable key of the kind: lower case, letters only, "RI"/"Republik Indonesia" dropped. */
  jenisKey: string;
  nomor: string;
  tahun: number;
  /** First words of the title after "tentang", normalised; null when no title is printed. */
  tentangKey: string | null;
  tentang: string | null;
  /** Offset of the citation in the text, and its printed form. */
  index: number;
  printed: string;
}

const KIND = '(?:peraturan|permen[a-z]*|undang[- ]undang|uu|perpres|inpres|instruksi|keputusan|kepmen[a-z]*|perda|perbup|perwali|pergub|pp)';
const CITE_RE = new RegExp(`\\b(${KIND}\\b[A-Za-z.,&/ -]{0,110}?)\\s+(?:nomor|no\\.?)\\s*:?\\s*([0-9]+[A-Za-z]?)\\s*(?:tahun|th\\.?|/)\\s*((?:19|20)\\d\\d)\\b`, 'gi');

/** The kind of regulation, whatever the spelling ("Peraturan Menteri Negara PAN RB", "PermenPANRB" → permen). */
function key(s: string): string {
  const k = s.toLowerCase().replace(/[^a-z]+/g, '');
  const kinds: [RegExp, string][] = [
    [/^(keputusan|kepmen)/, 'keputusan'],
    [/^(instruksi|inpres)/, 'inpres'],
    [/^(undangundang|uu)/, 'uu'],
    [/^(peraturanpresiden|perpres)/, 'perpres'],
    [/^(peraturanpemerintah|pp)/, 'pp'],
    [/^(peraturanmenteri|permen)/, 'permen'],
    [/^(peraturanbupati|perbup)/, 'perbup'],
    [/^(peraturanwali|perwali)/, 'perwali'],
    [/^(peraturangubernur|pergub)/, 'pergub'],
    [/^(peraturandaerah|perda)/, 'perda'],
  ];
  for (const [re, name] of kinds) if (re.test(k)) return name;
  return k;
}

/** Regulations cited in a text, with their kind, number, year and the start of their title. */
export function regulationCitations(text: string): RegulationCitation[] {
  const out: RegulationCitation[] = [];
  CITE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CITE_RE.exec(text))) {
    // the kind starts at the last regulation word before the number ("... dan Peraturan Presiden Nomor")
    let jenis = m[1]!;
    const inner = [...jenis.matchAll(new RegExp(`\\b${KIND}\\b`, 'gi'))];
    const last = inner[inner.length - 1];
    if (last && last.index! > 0 && !/^(undang|peraturan)$/i.test(jenis.slice(0, last.index!).trim().split(/\s+/).pop() ?? '')) jenis = jenis.slice(last.index!);
    const rest = text.slice(m.index + m[0].length);
    const t = /^\s*,?\s*tentang\s+([^.;()]{4,160})/i.exec(rest);
    const tentang = t ? t[1]!.trim() : null;
    const words = tentang ? tentang.toLowerCase().replace(/[^a-z ]+/g, ' ').split(/\s+/).filter(Boolean).slice(0, 6) : null;
    out.push({
      jenis: jenis.trim(),
      jenisKey: key(jenis),
      nomor: m[2]!.toUpperCase(),
      tahun: Number(m[3]),
      tentangKey: words && words.length >= 3 ? words.join(' ') : null,
      tentang,
      index: m.index,
      printed: m[0].trim(),
    });
  }
  return out;
}

/** "tabel 4. berikut", "Tabel 3.1 di bawah ini": a table said to follow; the number as printed, normalised ("3.1"). */
export function followingTableCitations(text: string): { number: string; printed: string; index: number }[] {
  const out: { number: string; printed: string; index: number }[] = [];
  const re = /\btabel\s+([0-9]+(?:\s*[.-]\s*[0-9]+)*)\.?\s*(?:,\s*)?(?:(?:yang\s+)?(?:ter)?(?:sebut\s+)?(?:sebagai\s+)?berikut|(?:yang\s+ada\s+)?di\s?bawah\s+ini)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ number: m[1]!.replace(/\s+/g, '').replace(/-/g, '.'), printed: m[0].trim(), index: m.index });
  return out;
}

/** The number of a table caption line ("Tabel 3.1 CAPAIAN ...", "TABEL 3-1"), normalised; null when the line is not a caption. */
export function captionNumber(line: string): string | null {
  const m = /^\s*[#*]*\s*tab[el]{2}\s*([0-9]+(?:\s*[.-]\s*[0-9]+)*)/i.exec(line);
  return m ? m[1]!.replace(/\s+/g, '').replace(/-/g, '.').replace(/\.$/, '') : null;
}
