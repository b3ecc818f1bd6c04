// The size of what a browser downloads from a trunk build, and the size budget of issue #19.
//
// Prints every file in the dist directory with its raw, gzipped (zlib level 9) and brotli
// (quality 11) size, then the total of the .wasm and .js files, gzipped. Exits with 1 when that
// total is over BUDGET_KB: `make test-e2e` (and so `make test`) runs it after the release build,
// so the app cannot grow past the budget unnoticed.
//
// Usage: node tests/e2e/size.mjs [dist-dir]   (default target/e2e-dist)
//        node tests/e2e/size.mjs --check-only [dist-dir]   (only the total and the verdict)

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The enforced budget for the gzipped .wasm + .js, in KB (1,024 bytes). Issue #19 asks for
 * 300 KB; the app measured 984 KB when the issue was taken up (#17 and #18 had doubled it) and
 * 993 KB after its frame-time work (benches/README.md, "Download size"). The budget leaves
 * under 1 % for small changes and only ever comes down: a change that needs more must take the
 * bytes from elsewhere.
 */
export const BUDGET_KB = 1000;
/** Issue #19's goal, printed beside the budget until the budget reaches it. */
export const TARGET_KB = 300;

/** Every file under `dir` (hidden folders skipped), as paths. */
function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) yield* files(path);
    } else {
      yield path;
    }
  }
}

/** `{ raw, gzip, brotli }` byte counts of one buffer. */
export function sizes(data) {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}

const kb = (n) => (n / 1024).toFixed(1);

function main(argv) {
  const checkOnly = argv.includes('--check-only');
  const dist = resolve(argv.find((a) => !a.startsWith('--')) || 'target/e2e-dist');
  const rows = [...files(dist)].sort().map((path) => ({ path: relative(dist, path), ...sizes(readFileSync(path)) }));
  const code = rows.filter((r) => /\.(wasm|js|mjs)$/.test(r.path));
  const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
  if (!checkOnly) {
    const width = Math.max(...rows.map((r) => r.path.length), 4);
    console.log(`  ${'file'.padEnd(width)}  ${'raw KB'.padStart(8)}  ${'gzip KB'.padStart(8)}  ${'brotli KB'.padStart(9)}`);
    for (const r of rows) {
      console.log(`  ${r.path.padEnd(width)}  ${kb(r.raw).padStart(8)}  ${kb(r.gzip).padStart(8)}  ${kb(r.brotli).padStart(9)}`);
    }
    console.log(
      `  ${'all files'.padEnd(width)}  ${kb(sum(rows, 'raw')).padStart(8)}  ${kb(sum(rows, 'gzip')).padStart(8)}  ${kb(sum(rows, 'brotli')).padStart(9)}`,
    );
  }
  const gz = sum(code, 'gzip');
  const over = gz > BUDGET_KB * 1024;
  console.log(
    `wasm+js gzipped: ${kb(gz)} KB (brotli ${kb(sum(code, 'brotli'))} KB, raw ${kb(sum(code, 'raw'))} KB); ` +
      `budget ≤ ${BUDGET_KB} KB: ${over ? 'OVER' : 'within'}; issue #19's goal ≤ ${TARGET_KB} KB`,
  );
  if (code.length === 0) {
    console.error(`size: no .wasm or .js file under ${dist}: build the app first`);
    return 1;
  }
  if (over) {
    console.error(`size: the gzipped wasm + js (${kb(gz)} KB) is over the budget of ${BUDGET_KB} KB (tests/e2e/size.mjs)`);
    return 1;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));
