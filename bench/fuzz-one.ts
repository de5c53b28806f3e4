/**
 * Audit one file alone, as a batch worker would (bench/fuzz.ts runs this in a fresh process per file
 * and reads its JSON line): wall time, peak RSS of this process, outcome, and how many OCR pages it
 * started.
 */
import { auditFile } from '../src/cli/audit-file.js';
import { loadConfig } from '../src/cli/config.js';
import { ocrActivity } from '../src/ingest/ocr.js';

const file = process.argv[2]!;
const config = loadConfig(process.argv[3]);
const t0 = performance.now();
const r = await auditFile(file, config);
const ms = performance.now() - t0;
const out = {
  file,
  ms: Math.round(ms),
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  reason: r.error?.reason ?? null,
  message: r.error?.message.id ?? null,
  findings: r.error ? 0 : r.findings.length,
  ocr: ocrActivity.documents > 0,
};
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
