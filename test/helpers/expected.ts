/** A finding's expected value as the Indonesian CSV writes it (src/audit/format.ts). */
import { formatExpected } from '../../src/audit/format.js';
import type { Finding } from '../../src/model/finding.js';

export function exp(f: Finding): string;
export function exp(f: Finding | undefined): string | undefined;
export function exp(f: Finding | undefined): string | undefined {
  return f ? formatExpected(f.expected, 'id') : undefined;
}
