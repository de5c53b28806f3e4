/**
 * Does a page put any ink on paper? A page whose operator list paints nothing (no text shown, no
 * path filled or stroked, no image, no shading) is blank: it is neither rendered nor sent to OCR.
 * Pure: works on pdfjs's `fnArray`/`argsArray` and its OPS numbers.
 */
export type InkOps = Record<string, number>;

const PAINT = [
  'showText',
  'showSpacedText',
  'nextLineShowText',
  'nextLineSetSpacingShowText',
  'stroke',
  'closeStroke',
  'fill',
  'eoFill',
  'fillStroke',
  'eoFillStroke',
  'closeFillStroke',
  'closeEOFillStroke',
  'shadingFill',
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintInlineImageXObjectGroup',
  'paintImageXObjectRepeat',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintImageMaskXObjectRepeat',
  'paintSolidColorImageMask',
];

export function hasInk(fnArray: ArrayLike<number>, argsArray: ReadonlyArray<unknown>, OPS: InkOps): boolean {
  const paint = new Set(PAINT.map((k) => OPS[k]).filter((n): n is number => typeof n === 'number'));
  const construct = OPS.constructPath;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    if (paint.has(fn)) return true;
    // pdfjs 5: constructPath(paintOp, data, minMax) carries its painting operator
    if (fn === construct) {
      const op = (argsArray[i] as unknown[] | null)?.[0];
      if (typeof op === 'number' && paint.has(op)) return true;
    }
  }
  return false;
}
