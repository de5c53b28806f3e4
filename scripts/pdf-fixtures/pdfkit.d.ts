// Minimal typings for the parts of pdfkit 0.20 that make-pdf-fixtures uses (pdfkit ships none and
// @types/pdfkit is not a dependency of this project).
declare module 'pdfkit' {
  import type { Writable } from 'node:stream';
  interface PDFPage {
    width: number;
    height: number;
    dictionary: { data: Record<string, unknown> };
  }
  interface FontkitFont {
    hasGlyphForCodePoint(cp: number): boolean;
  }
  interface PDFDocumentOptions {
    size?: string | [number, number];
    margin?: number;
    autoFirstPage?: boolean;
    compress?: boolean;
    info?: Record<string, string | Date>;
    pdfVersion?: string;
    lang?: string;
    displayTitle?: boolean;
    userPassword?: string;
    ownerPassword?: string;
  }
  export default class PDFDocument {
    constructor(options?: PDFDocumentOptions);
    page: PDFPage;
    _font: { font: FontkitFont } | null;
    pipe<T extends Writable>(dest: T): T;
    on(event: 'data', cb: (chunk: Buffer) => void): this;
    on(event: 'end', cb: () => void): this;
    addPage(options?: PDFDocumentOptions): this;
    registerFont(name: string, src: string | Buffer): this;
    font(name: string, size?: number): this;
    fontSize(size: number): this;
    widthOfString(s: string, options?: Record<string, unknown>): number;
    text(s: string, x?: number, y?: number, options?: Record<string, unknown>): this;
    transform(a: number, b: number, c: number, d: number, e: number, f: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    lineWidth(w: number): this;
    strokeColor(c: string): this;
    fillColor(c: string): this;
    stroke(): this;
    save(): this;
    restore(): this;
    end(): void;
  }
}
