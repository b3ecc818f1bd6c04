// Prints the gzipped size (zlib level 9) of the .wasm and .js files a trunk build produced.
// Informational only: it never fails on size.
//
// Usage: node tests/e2e/size.mjs [dist-dir]   (default target/e2e-dist)

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const TARGET_KB = 300;
const dist = resolve(process.argv[2] || 'target/e2e-dist');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) yield* files(path);
    } else if (/\.(wasm|js|mjs)$/.test(entry.name)) {
      yield path;
    }
  }
}

let raw = 0;
let gz = 0;
for (const path of files(dist)) {
  const data = readFileSync(path);
  const zipped = gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
  raw += data.length;
  gz += zipped;
  console.log(`  ${relative(dist, path)}: ${data.length} bytes, ${zipped} gzipped`);
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`wasm+js gzipped: ${kb(gz)} KB (target ≤ ${TARGET_KB} KB; ${kb(raw)} KB before gzip)`);
