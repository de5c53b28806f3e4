// The V8 flags the launcher (bin/lkip-audit.js) runs the CLI with; bench/batch.ts uses the same.
// LKIP_AUDIT_V8_FLAGS overrides them ("" = V8's defaults).
export const V8_FLAGS = (process.env.LKIP_AUDIT_V8_FLAGS ?? '--single-threaded').split(/\s+/).filter(Boolean);
