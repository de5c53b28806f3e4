/**
 * A one-line progress bar on stderr, drawn only on a terminal (quiet in pipes, CI logs and files).
 * Redrawn at most 10 times a second; cleared at the end so the summary line stands alone.
 */
import path from 'node:path';
import type { Lang } from '../report/csv.js';

export class ProgressBar {
  private last = 0;
  private readonly t0 = Date.now();
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly lang: Lang,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  static enabled(stream: NodeJS.WriteStream = process.stderr): boolean {
    return Boolean(stream.isTTY) && !process.env.CI;
  }

  update(done: number, file: string): void {
    const now = Date.now();
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
    const cols = Math.max(20, this.stream.columns ?? 80);
    const frac = this.total ? done / this.total : 1;
    const secs = (now - this.t0) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 ? Math.round((this.total - done) / rate) : 0;
    const eng = this.lang === 'en';
    const stats = `${done}/${this.total} ${rate.toFixed(1)} ${eng ? 'files/s' : 'berkas/dtk'} ${eng ? 'ETA' : 'sisa'} ${eta}s`;
    // The counts matter most; the bar takes what is left (up to 30), the file name the rest.
    const width = Math.max(0, Math.min(30, cols - 1 - stats.length - 3));
    const fill = Math.round(frac * width);
    let line = width >= 5 ? `[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${stats}` : stats;
    const room = cols - 1 - line.length - 1;
    if (room >= 8) line += ` ${path.basename(file).slice(0, room)}`;
    if (line.length > cols - 1) line = line.slice(0, cols - 1);
    this.stream.write(`\r\x1b[2K${line}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
