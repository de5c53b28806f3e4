/**
 * A private temporary folder that exists. `os.tmpdir()` is only what TMPDIR says: when TMPDIR
 * points at a folder that is missing or not writable, the system's own temp folder, the home
 * folder and the working folder are tried in turn (OCR still works; it does not become an error row).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Where temporary folders may go, best first, without repeats. */
export function tempCandidates(): string[] {
  const system = process.platform === 'win32' ? [process.env.SystemRoot ? path.join(process.env.SystemRoot, 'Temp') : ''] : ['/tmp', '/var/tmp'];
  return [...new Set([os.tmpdir(), ...system, os.homedir(), process.cwd()].filter((d) => d !== ''))];
}

export async function makeTempDir(prefix: string, candidates: string[] = tempCandidates()): Promise<string> {
  const tried: string[] = [];
  for (const dir of candidates) {
    try {
      return await mkdtemp(path.join(dir, prefix));
    } catch (e) {
      tried.push(`${dir} (${(e as NodeJS.ErrnoException).code ?? 'galat'})`);
    }
  }
  throw new Error(`tidak ada folder sementara yang dapat ditulis; dicoba: ${tried.join(', ')}`);
}
