// The V8 flags the launcher (bin/lkip-audit.js) runs the CLI with; bench/batch.ts uses the same.
// LKIP_AUDIT_V8_FLAGS overrides them ("" = V8's defaults). Measured with bench/batch.ts (README,
// "Batch and benchmarks") on 1,000 reports:
//  - --single-threaded: garbage collection and JIT compilation on the thread that runs the code.
//    The batch's own workers (one per core) are the parallelism; V8's helper threads made a single
//    worker keep ~1.4 cores busy, mostly with parallel young-generation GC that cost more CPU than
//    it saved, and competed with the workers at concurrency 2.
//  - --no-turbo-inlining, --interrupt-budget=1000000: optimise only code that is really hot, and
//    without inlining. The rules are many large functions run a few times per report; inlining
//    them into each other made TurboFan compile (and recompile after deoptimisations) for seconds
//    per worker, which every worker pays again. Faster at every concurrency (text and PDF).
export const V8_FLAGS = (process.env.LKIP_AUDIT_V8_FLAGS ?? '--single-threaded --no-turbo-inlining --interrupt-budget=1000000').split(/\s+/).filter(Boolean);

// A lone input file up to this size is audited in the CLI's own thread (src/cli/main.ts: no worker
// thread to start) and the launcher does not restart Node for the flags above (bin/lkip-audit.js).
export const LONE_FILE_MAX_BYTES = 2 * 1024 * 1024;
