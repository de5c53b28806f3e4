/** What a file's first bytes say it is. Pure (the CLI, the batch workers and the browser page share it). */

/** Binary data, not a text export: a NUL byte, or more than 5% control characters in the first 4 KB. */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 4096);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) ctrl++;
  }
  return n > 0 && ctrl / n > 0.05;
}

/** Word, Excel, images, archives: name the kind so the reviewer knows what to ask the agency for. */
export function sniffKind(bytes: Uint8Array, ext: string): string | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) {
    if (ext === '.docx') return 'dokumen Word (.docx)';
    if (ext === '.xlsx') return 'lembar kerja Excel (.xlsx)';
    return 'arsip ZIP/Office';
  }
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) return 'dokumen Office lama (.doc/.xls)';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'gambar PNG';
  if (b(0) === 0xff && b(1) === 0xd8) return 'gambar JPEG';
  return null;
}
