/**
 * Geometry shared by the PDF ingest helpers. All coordinates are points in the normalised page
 * space of the document model: origin top-left of the page after /Rotate is applied, x right,
 * y down.
 */
import type { Box, Cell } from '../../model/document.js';

/** A run of text on one baseline (a pdfjs text item, normalised). */
export interface TextRun {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width. */
  w: number;
  /** Font size (points). */
  size: number;
  /** False for text not running left to right after normalisation (vertical, upside down). */
  upright: boolean;
}

/** Horizontal ruling segment. */
export interface HSeg {
  y: number;
  x1: number;
  x2: number;
}

/** Vertical ruling segment. */
export interface VSeg {
  x: number;
  y1: number;
  y2: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  runs: TextRun[];
  hsegs: HSeg[];
  vsegs: VSeg[];
}

/** One line of a page as the layout step sees it, before page furniture is removed. */
export interface PageLine {
  text: string;
  cells: Cell[] | null;
  box: Box;
  /** Largest font size on the line. */
  size: number;
  /** Set for rows of a ruled table: an id unique on the page, and the table's column count. */
  table?: { id: number; columns: number };
}
