/**
 * The OCR pool's dispatch (src/ingest/ocr/pool.ts), on stand-in workers (no tesseract): pages go
 * to page workers only; sheets to the cell-sheet worker and to any page worker that has no page
 * waiting, in PSM 6 and back to the page PSM for the next page; terminate rejects what waits.
 */
import { describe, expect, it } from 'vitest';
import type Tesseract from 'tesseract.js';
import { poolOf } from '../src/ingest/ocr/pool.js';

interface Call {
  worker: number;
  psm: string;
  image: number;
  done: () => void;
}

/** Stand-in workers: each recognize call waits until the test calls its `done`. */
function fakes() {
  const calls: Call[] = [];
  let made = 0;
  const newWorker = async () => {
    const id = made++;
    let psm = '?';
    const w = {
      setParameters: async (p: Partial<Tesseract.WorkerParams>) => {
        psm = String(p.tessedit_pageseg_mode);
      },
      recognize: (img: Uint8Array) =>
        new Promise((resolve) => {
          calls.push({ worker: id, psm, image: img[0]!, done: () => resolve({ data: { text: `w${id}:${img[0]}` } }) });
        }),
      terminate: async () => undefined,
    };
    return w as unknown as Tesseract.Worker;
  };
  return { calls, newWorker };
}

/** The call that read image `n`. */
const of = (calls: Call[], n: number) => calls.find((c) => c.image === n)!;
const tick = () => new Promise((r) => setTimeout(r, 5));
const img = (n: number) => new Uint8Array([n]);

describe('OCR pool dispatch', () => {
  it('reads a sheet on the page worker when no page waits, and the page PSM again for the next page', async () => {
    const f = fakes();
    const pool = await poolOf({ workers: 1, newWorker: f.newWorker, params: (psm) => ({ tessedit_pageseg_mode: psm as Tesseract.PSM }), image: (b) => b as unknown as Tesseract.ImageLike, eagerBlockWorker: true });
    // worker 0 is the page worker, worker 1 the cell-sheet worker (started after it)
    const page1 = pool.recognize(img(1));
    const sheets = [pool.recognizeBlock(img(2)), pool.recognizeBlock(img(3))];
    await tick();
    expect(f.calls.map((c) => [c.worker, c.psm, c.image]).sort()).toEqual([
      [0, '3', 1],
      [1, '6', 2],
    ]);
    of(f.calls, 1).done();
    await tick();
    // no page waits: the page worker takes the second sheet, in PSM 6
    expect(of(f.calls, 3)).toMatchObject({ worker: 0, psm: '6' });
    const page2 = pool.recognize(img(4));
    await tick();
    expect(of(f.calls, 4)).toBeUndefined();
    of(f.calls, 3).done();
    await tick();
    expect(of(f.calls, 4)).toMatchObject({ worker: 0, psm: '3' });
    of(f.calls, 2).done();
    of(f.calls, 4).done();
    expect(await Promise.all([page1, ...sheets, page2])).toEqual([{ text: 'w0:1' }, { text: 'w1:2' }, { text: 'w0:3' }, { text: 'w0:4' }]);
    await pool.terminate();
  });

  it('never gives a page to the cell-sheet worker, and rejects what waits when terminated', async () => {
    const f = fakes();
    const pool = await poolOf({ workers: 1, newWorker: f.newWorker, params: (psm) => ({ tessedit_pageseg_mode: psm as Tesseract.PSM }), image: (b) => b as unknown as Tesseract.ImageLike, eagerBlockWorker: true });
    const a = pool.recognize(img(1));
    const b = pool.recognize(img(2));
    await tick();
    expect(f.calls.map((c) => c.image)).toEqual([1]);
    of(f.calls, 1).done();
    await tick();
    expect(f.calls.map((c) => [c.worker, c.image])).toEqual([
      [0, 1],
      [0, 2],
    ]);
    const waiting = pool.recognize(img(3));
    await pool.terminate();
    await expect(waiting).rejects.toThrow('OCR pool terminated');
    await expect(pool.recognizeBlock(img(4))).rejects.toThrow('OCR pool terminated');
    of(f.calls, 2).done();
    expect(await a).toEqual({ text: 'w0:1' });
    expect(await b).toEqual({ text: 'w0:2' });
  });
});
