/**
 * One pass over a pdfjs operator list gives
 *  - ruling lines: stroked straight segments and thin filled rectangles, split into horizontal and
 *    vertical segments;
 *  - optionally the text runs, rebuilt from the `showText` glyphs (unicode + advance widths) and the
 *    text state, the way pdfjs's canvas renderer positions them. This makes getTextContent (a second
 *    parse of every content stream) unnecessary.
 * Everything is transformed by the CTM and the page viewport, so /Rotate is normalised.
 *
 * pdfjs 5.x encodes paths as `constructPath(paintOp, [Float32Array of DrawOPS], minMax)`:
 * DrawOPS moveTo=0 (x,y), lineTo=1 (x,y), curveTo=2 (6 numbers), quadraticCurveTo=3 (4 numbers),
 * closePath=4.
 */
import type { HSeg, TextRun, VSeg } from './types.js';

type Matrix = [number, number, number, number, number, number];

export interface OpsConstants {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setGState: number;
  beginText: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setLeading: number;
  setFont: number;
  setTextRise: number;
  moveText: number;
  setLeadingMoveText: number;
  setTextMatrix: number;
  nextLine: number;
  showText: number;
  showSpacedText: number;
}

/** What the walker needs to know about a font (from page.commonObjs). */
export interface FontInfo {
  fontMatrix?: number[];
  vertical?: boolean;
}

interface TextState {
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  font: FontInfo | null;
  fontSize: number;
  fontDirection: number;
}

const newTextState = (): TextState => ({
  tm: [1, 0, 0, 1, 0, 0],
  x: 0,
  y: 0,
  lineX: 0,
  lineY: 0,
  charSpacing: 0,
  wordSpacing: 0,
  hScale: 1,
  leading: 0,
  rise: 0,
  font: null,
  fontSize: 0,
  fontDirection: 1,
});

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Thickest filled rectangle side still taken as a rule. */
const MAX_RULE_THICKNESS = 3;
const AXIS_TOL = 0.6;

function addSeg(hsegs: HSeg[], vsegs: VSeg[], ax: number, ay: number, bx: number, by: number) {
  if (Math.abs(ay - by) <= AXIS_TOL && Math.abs(ax - bx) > 1) hsegs.push({ y: (ay + by) / 2, x1: Math.min(ax, bx), x2: Math.max(ax, bx) });
  else if (Math.abs(ax - bx) <= AXIS_TOL && Math.abs(ay - by) > 1) vsegs.push({ x: (ax + bx) / 2, y1: Math.min(ay, by), y2: Math.max(ay, by) });
}

/** One subpath (flat x,y page points): stroked → its straight edges; filled thin rectangle → a rule. */
function endSubpath(pts: number[], closed: boolean, straight: boolean, stroke: boolean, fill: boolean, hsegs: HSeg[], vsegs: VSeg[]) {
  const n = pts.length;
  if (n < 4) return;
  if (stroke) {
    for (let k = 0; k + 3 < n; k += 2) addSeg(hsegs, vsegs, pts[k]!, pts[k + 1]!, pts[k + 2]!, pts[k + 3]!);
    if (closed) addSeg(hsegs, vsegs, pts[n - 2]!, pts[n - 1]!, pts[0]!, pts[1]!);
  } else if (fill && straight && n >= 8) {
    // A thin filled axis-aligned rectangle is a rule drawn as a fill.
    let x1 = Infinity;
    let x2 = -Infinity;
    let y1 = Infinity;
    let y2 = -Infinity;
    for (let k = 0; k < n; k += 2) {
      const x = pts[k]!;
      const y = pts[k + 1]!;
      if (x < x1) x1 = x;
      if (x > x2) x2 = x;
      if (y < y1) y1 = y;
      if (y > y2) y2 = y;
    }
    for (let k = 0; k < n; k += 2) {
      const x = pts[k]!;
      const y = pts[k + 1]!;
      if (!((Math.abs(x - x1) < 0.5 || Math.abs(x - x2) < 0.5) && (Math.abs(y - y1) < 0.5 || Math.abs(y - y2) < 0.5))) return;
    }
    if (y2 - y1 <= MAX_RULE_THICKNESS && x2 - x1 > 1) hsegs.push({ y: (y1 + y2) / 2, x1, x2 });
    else if (x2 - x1 <= MAX_RULE_THICKNESS && y2 - y1 > 1) vsegs.push({ x: (x1 + x2) / 2, y1, y2 });
  }
}

/** A run from text-space advances [start, end) of one showText. */
function emitRun(runs: TextRun[], str: string, start: number, end: number, m: Matrix, ox: number, oy: number, hs: number, vertical: boolean, upright: boolean, size: number) {
  const px0 = vertical ? ox : ox + start * hs;
  const py0 = vertical ? oy - start : oy;
  const px1 = vertical ? ox : ox + end * hs;
  const py1 = vertical ? oy - end : oy;
  const x0 = m[0] * px0 + m[2] * py0 + m[4];
  const y0 = m[1] * px0 + m[3] * py0 + m[5];
  const x1 = m[0] * px1 + m[2] * py1 + m[4];
  const y1 = m[1] * px1 + m[3] * py1 + m[5];
  runs.push({ str, x: upright ? x0 : Math.min(x0, x1), y: y0, w: upright ? x1 - x0 : Math.hypot(x1 - x0, y1 - y0), size, upright });
}

export function walkOperatorList(
  fnArray: ArrayLike<number>,
  argsArray: ReadonlyArray<unknown>,
  OPS: OpsConstants,
  viewportTransform: number[],
  getFont: ((name: string) => FontInfo | null) | null,
): { hsegs: HSeg[]; vsegs: VSeg[]; runs: TextRun[] } {
  const hsegs: HSeg[] = [];
  const vsegs: VSeg[] = [];
  const runs: TextRun[] = [];
  const vt = viewportTransform as Matrix;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let ts = newTextState();
  const stack: { ctm: Matrix; ts: TextState }[] = [];
  const wantText = getFont !== null;

  const setFont = (name: string, size: number) => {
    ts.font = getFont?.(name) ?? null;
    ts.fontDirection = size < 0 ? -1 : 1;
    ts.fontSize = Math.abs(size);
  };

  /** Position runs of one showText; a new run starts at every gap wider than a font size. */
  const showText = (glyphs: ReadonlyArray<unknown>) => {
    const font = ts.font;
    const fontSize = ts.fontSize;
    if (!font || fontSize === 0) return;
    const fm = font.fontMatrix;
    const vertical = !!font.vertical;
    const widthScale = fontSize * (fm?.[0] ?? 0.001);
    const dir = ts.fontDirection;
    const hs = ts.hScale * dir;
    const wordSpacing = ts.wordSpacing;
    const charSpacing = ts.charSpacing;
    // Text space → page: viewport × CTM × Tm × translate(x, y + rise).
    const m = mul(mul(vt, ctm), ts.tm);
    const ox = ts.x;
    const oy = ts.y + ts.rise;
    // Page-space font size: length of the text-space vector (0, fontSize).
    const size = Math.hypot(m[2], m[3]) * fontSize || 1;
    const ux = m[0] * hs;
    const uy = m[1] * hs;
    const upright = !vertical && ux > 0 && Math.abs(uy) <= 0.1 * Math.abs(ux);
    let x = 0;
    let str = '';
    let inked = false;
    let start = 0;
    let end = 0;
    // Positioning adjustments (TJ numbers): a gap of 0.1–1 em becomes a space (as pdfjs's text
    // content does), a wider one ends the run (layout decides: space or cell break).
    for (let i = 0, n = glyphs.length; i < n; i++) {
      const g = glyphs[i];
      if (typeof g === 'number') {
        const d = ((vertical ? 1 : -1) * (g * fontSize)) / 1000;
        x += d;
        if (d > fontSize) {
          if (inked) emitRun(runs, str.trimEnd(), start, end, m, ox, oy, hs, vertical, upright, size);
          str = '';
          inked = false;
        } else if (d > 0.1 * fontSize && inked && str.charCodeAt(str.length - 1) !== 32) str += ' ';
        continue;
      }
      const glyph = g as { unicode?: string; width?: number; isSpace?: boolean; vmetric?: number[] };
      let width = glyph.width ?? 0;
      if (vertical && glyph.vmetric) width = -(glyph.vmetric[0] ?? 0);
      const u = glyph.unicode ?? '';
      const spacing = (glyph.isSpace ? wordSpacing : 0) + charSpacing;
      const adv = vertical ? width * widthScale - spacing * dir : width * widthScale + spacing * dir;
      const blank = u.length === 0 || (u.length === 1 && (u.charCodeAt(0) <= 32 || u === '\u00a0'));
      // Runs start and end at ink: leading/trailing spaces are not part of the run's extent.
      if (!blank) {
        if (!inked) {
          str = '';
          start = x;
          inked = true;
        }
        str += u;
        end = x + adv;
      } else if (inked) str += ' ';
      x += adv;
    }
    if (inked) emitRun(runs, str.trimEnd(), start, end, m, ox, oy, hs, vertical, upright, size);
    if (vertical) ts.y -= x;
    else ts.x += x * hs;
  };
  const strokeOps = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set([OPS.fill, OPS.eoFill]);

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === OPS.save) stack.push({ ctm, ts: { ...ts } });
    else if (fn === OPS.restore) {
      const st = stack.pop();
      if (st) {
        ctm = st.ctm;
        ts = st.ts;
      }
    } else if (fn === OPS.transform) ctm = mul(ctm, argsArray[i] as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, ts: { ...ts } });
      const fm = (argsArray[i] as [Matrix | null])[0];
      if (fm && fm.length === 6) ctm = mul(ctm, fm);
    } else if (fn === OPS.paintFormXObjectEnd) {
      const st = stack.pop();
      if (st) {
        ctm = st.ctm;
        ts = st.ts;
      }
    } else if (wantText && fn !== OPS.constructPath) {
      const a = argsArray[i] as unknown[] | null;
      switch (fn) {
        case OPS.showText:
        case OPS.showSpacedText:
          showText((a?.[0] as unknown[]) ?? []);
          break;
        case OPS.beginText:
          ts.tm = [1, 0, 0, 1, 0, 0];
          ts.x = ts.lineX = ts.y = ts.lineY = 0;
          break;
        case OPS.setTextMatrix: {
          const tm = (a && a.length === 6 ? a : (a?.[0] as unknown[] | undefined)) as Matrix | undefined;
          if (tm) ts.tm = [...tm] as Matrix;
          ts.x = ts.lineX = ts.y = ts.lineY = 0;
          break;
        }
        case OPS.moveText:
          ts.x = ts.lineX += a![0] as number;
          ts.y = ts.lineY += a![1] as number;
          break;
        case OPS.setLeadingMoveText:
          ts.leading = a![1] as number;
          ts.x = ts.lineX += a![0] as number;
          ts.y = ts.lineY += a![1] as number;
          break;
        case OPS.nextLine:
          ts.x = ts.lineX;
          ts.y = ts.lineY += ts.leading;
          break;
        case OPS.setLeading:
          ts.leading = -(a![0] as number);
          break;
        case OPS.setCharSpacing:
          ts.charSpacing = a![0] as number;
          break;
        case OPS.setWordSpacing:
          ts.wordSpacing = a![0] as number;
          break;
        case OPS.setHScale:
          ts.hScale = (a![0] as number) / 100;
          break;
        case OPS.setTextRise:
          ts.rise = a![0] as number;
          break;
        case OPS.setFont:
          setFont(a![0] as string, a![1] as number);
          break;
        case OPS.setGState:
          for (const kv of (a?.[0] as [string, unknown][] | undefined) ?? []) {
            if (kv[0] === 'Font' && Array.isArray(kv[1])) setFont(kv[1][0] as string, kv[1][1] as number);
          }
          break;
      }
    } else if (fn === OPS.constructPath) {
      const args = argsArray[i] as [number, [ArrayLike<number> | null | undefined], unknown];
      const paint = args[0];
      const stroke = strokeOps.has(paint);
      const fill = fillOps.has(paint);
      if (!stroke && !fill) continue;
      const data = args[1]?.[0];
      if (!data) continue;
      const m = mul(vt, ctm);
      // Walk subpaths, collecting their points (flat x,y pairs) in page space.
      let pts: number[] = [];
      let straight = true;
      for (let k = 0; k < data.length; ) {
        const op = data[k++];
        if (op === 0 || op === 1) {
          if (op === 0) {
            endSubpath(pts, false, straight, stroke, fill, hsegs, vsegs);
            pts = [];
            straight = true;
          }
          const x = data[k]!;
          const y = data[k + 1]!;
          pts.push(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
          k += 2;
        } else if (op === 2 || op === 3) {
          // Curves are never rules: end the subpath, continue from the curve's end point.
          endSubpath(pts, false, straight, stroke, fill, hsegs, vsegs);
          straight = false;
          const o = op === 2 ? 4 : 2;
          const x = data[k + o]!;
          const y = data[k + o + 1]!;
          pts = [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
          k += op === 2 ? 6 : 4;
        } else if (op === 4) {
          endSubpath(pts, true, straight, stroke, fill, hsegs, vsegs);
          pts = [];
          straight = true;
        } else break;
      }
      endSubpath(pts, false, straight, stroke, fill, hsegs, vsegs);
    }
  }
  return { hsegs, vsegs, runs };
}
