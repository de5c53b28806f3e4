/**
 * Name matching shared by the cross-table rules: budget node names (Program / Kegiatan / Sub
 * Kegiatan) and sasaran / indicator names printed differently in different tables.
 *
 * A key keeps letters only (split words like "Si nergi" join again), drops the level keyword and
 * any numbering or code ("1.1.2", "A.1 :", "Program : PROGRAM ..."), and folds a few spellings the
 * seeds use interchangeably (pemerintahan/pemerintah, efektivitas/efektifitas, fasilitasi/fasilitas,
 * cetakan/cetak) and the trailing "Kabupaten/Kota" of the Penunjang programme. Two keys match when
 * equal, when the shorter (≥ 25 letters) is a prefix of the longer (a name cut short), or when their
 * Dice bigram similarity is ≥ 0.85.
 */
import { dice } from '../../parse/performance.js';

export const MIN_DICE = 0.85;

const FOLDS: [RegExp, string][] = [
  [/pemerintahan/g, 'pemerintah'],
  [/efektivitas/g, 'efektifitas'],
  [/fasilitasi/g, 'fasilitas'],
  [/cetakan/g, 'cetak'],
  [/rehabilitaasi/g, 'rehabilitasi'],
  [/kabupatenkota$/, ''],
];

/** Matching key of a budget node name. */
export function budgetKey(label: string): string {
  let s = label.toLowerCase().replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s
      .replace(/^(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\)|[a-z]\.\d+(?:\.\d+)*\s*:?)\s+/, '')
      .replace(/^(?:sub\.?\s*kegiatan|kegiatan|program)\b\s*(?:[a-z]\.\d+(?:\.\d+)*)?\s*:?\s*/, '')
      .trim();
    if (s === before) break;
  }
  let k = s.replace(/[^a-z]/g, '');
  for (const [re, to] of FOLDS) k = k.replace(re, to);
  return k;
}

/** Matching key of a sasaran or indicator name ("Sasaran 3 : ...", "Indikator 1.1 ...", "3. ..."). */
export function nameKey(label: string): string {
  let s = label.toLowerCase().replace(/\s+/g, ' ').trim();
  s = s.replace(/^(?:sasaran(?:\s+strategi[s]?)?|indikator(?:\s+sasaran)?)\s*[\d.]*\s*:?\s*/, '').replace(/^\d+(?:\.\d+)*\.?\s+/, '');
  let k = s.replace(/[^a-z]/g, '');
  for (const [re, to] of FOLDS) k = k.replace(re, to);
  return k;
}

/** Similarity of two keys: 1 when equal, 0.95 for a prefix match, else Dice (0 when below the threshold). */
export function similarity(a: string, b: string): number {
  if (a.length < 4 || b.length < 4) return a === b && a.length > 0 ? 1 : 0;
  if (a === b) return 1;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  if (s.length >= 25 && l.startsWith(s)) return 0.95;
  const d = dice(a, b, MIN_DICE);
  return d >= MIN_DICE ? d : 0;
}

/**
 * Group items that name the same thing: an item joins the most similar group of the same level
 * that has no member from its own table yet; otherwise it starts a group.
 */
/** Groups visited plus similarity comparisons one `cluster` call may make (see there). */
export const MAX_FUZZY_COMPARISONS = 400_000;

export function cluster<T>(items: T[], key: (t: T) => string, table: (t: T) => string, level: (t: T) => number): T[][] {
  type Group = { order: number; level: number; keys: string[]; keySet: Set<string>; tables: Set<string>; members: T[] };
  const groups: Group[] = [];
  // exact keys first (similarity 1 is the best any group can give): keeps long documents linear
  const byKey = new Map<string, Group[]>();
  // the groups of each level in creation order, and how many of them already hold a member of each
  // table: when all do, no group can take the item and the similarity scan is skipped (issue 18:
  // 20,000 distinct budget lines in one table were 20,000 scans of every group)
  const byLevel = new Map<number, Group[]>();
  const holding = new Map<string, number>();
  const cursors = new Map<string, Map<string, number>>();
  // the groups visited and similarity comparisons made are bounded per call: a report's few hundred
  // names need a few hundred thousand; past the bound (tens of thousands of distinct names) only
  // exact keys still match
  let fuzzyLeft = MAX_FUZZY_COMPARISONS;
  const hold = (g: Group, t: string) => {
    if (g.tables.has(t)) return;
    g.tables.add(t);
    holding.set(`${g.level}|${t}`, (holding.get(`${g.level}|${t}`) ?? 0) + 1);
  };
  for (const it of items) {
    const k = key(it);
    if (!k) continue;
    const lv = level(it);
    const tb = table(it);
    // the earliest eligible group with this exact key, as the full scan would pick; a group once
    // ineligible for (level, table) stays so (tables only grow), so each scan resumes where the last
    // one for the same key, level and table stopped (many rows sharing one key stay linear)
    let best: Group | null = null;
    const list = byKey.get(k);
    if (list) {
      const ck = `${lv}|${tb}`;
      let cur = cursors.get(k);
      if (!cur) cursors.set(k, (cur = new Map()));
      let i = cur.get(ck) ?? 0;
      while (i < list.length && (list[i]!.level !== lv || list[i]!.tables.has(tb))) i++;
      cur.set(ck, i);
      if (i < list.length) best = list[i]!;
    }
    let top = best ? 1 : 0;
    const sameLevel = byLevel.get(lv) ?? [];
    if (!best && (holding.get(`${lv}|${tb}`) ?? 0) < sameLevel.length && fuzzyLeft > 0) {
      for (const g of sameLevel) {
        if (--fuzzyLeft < 0) break;
        if (g.tables.has(tb)) continue;
        fuzzyLeft -= g.keys.length;
        const sim = Math.max(...g.keys.map((x) => similarity(x, k)));
        if (sim > top) {
          top = sim;
          best = g;
        }
      }
    }
    if (best) {
      if (!best.keySet.has(k)) best.keys.push(k);
      hold(best, tb);
      best.members.push(it);
    } else {
      best = { order: groups.length, level: lv, keys: [k], keySet: new Set(), tables: new Set(), members: [it] };
      hold(best, tb);
      groups.push(best);
      if (!byLevel.has(lv)) byLevel.set(lv, []);
      byLevel.get(lv)!.push(best);
    }
    // groups join a key's list in creation order (a group found by similarity may be older than
    // ones already listed: kept sorted by order)
    if (!list) byKey.set(k, [best]);
    else if (!best.keySet.has(k)) {
      let j = list.length;
      while (j > 0 && list[j - 1]!.order > best.order) j--;
      list.splice(j, 0, best);
      // scans of this key that had passed position j look at the new group too
      for (const [ck, i] of cursors.get(k) ?? []) if (i > j) cursors.get(k)!.set(ck, j);
    }
    best.keySet.add(k);
  }
  return groups.map((g) => g.members);
}

/** A name shortened for a message: spaces collapsed, cut at 90 characters with an ellipsis. */
export function short(s: string, n = 90): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t;
}
