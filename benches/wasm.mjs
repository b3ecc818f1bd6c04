// The engine in the browser next to the engine natively (`make bench-wasm`; figures in
// benches/README.md).
//
// Runs the native runner (examples/engine_workload.rs, built for the host) and the same example
// built for wasm32 (one or more builds, e.g. opt-level 3 and the app's own profile), each
// loaded by a page in headless Chromium through playwright-core. Both time the same workload
// code (benches/workload/mod.rs) with the same loop: the native side with `Instant`, the wasm
// side with `performance.now()`. Prints one table: records/s per workload and target, wasm as a
// percentage of native, and each target's PutRecord as a percentage of its own MD5 floor.
//
//   node benches/wasm.mjs --native target/release/examples/engine_workload \
//     --wasm 'opt 3=target/bench-wasm/release' --wasm 'app (z, lto)=target/bench-wasm/wasm-release'
//
// A `--wasm` directory is wasm-bindgen's `--target web` output for engine_workload. CHROMIUM
// (default /usr/bin/chromium) is the browser; BENCH_TIMEOUT_MS (default 300000) bounds a page.

import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const E2E = join(ROOT, 'tests', 'e2e');
const require = createRequire(join(E2E, 'package.json'));
const { chromium } = require('playwright-core');
const { startServer } = await import(pathToFileURL(join(E2E, 'server.mjs')).href);

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS || 300000);
const WORKLOADS = ['put_record_cold', 'put_record_steady', 'md5_route_only'];

function parseArgs(argv) {
  const out = { native: null, wasm: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--native' && v) {
      out.native = v;
      i++;
    } else if (a === '--wasm' && v && v.includes('=')) {
      const at = v.indexOf('=');
      out.wasm.push({ label: v.slice(0, at), dir: resolve(v.slice(at + 1)) });
      i++;
    } else {
      throw new Error(`usage: wasm.mjs --native <bin> --wasm <label>=<dir> [--wasm …] (got ${a})`);
    }
  }
  if (!out.native || out.wasm.length === 0) throw new Error('wasm.mjs needs --native and at least one --wasm');
  return out;
}

/** Figures (workload → records/s) from the runner's JSON lines. */
function figures(lines) {
  const map = new Map();
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    const f = JSON.parse(line);
    map.set(f.workload, f.records_per_s);
  }
  for (const w of WORKLOADS) {
    if (!map.has(w)) throw new Error(`no figure for ${w} in:\n${lines.join('\n')}`);
  }
  return map;
}

function runNative(bin) {
  const r = spawnSync(bin, [], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} failed (${r.status}): ${r.stderr}`);
  return figures(r.stdout.split('\n'));
}

const PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>engine workload</title>
<script type="module">
import init from './engine_workload.js';
init().then(() => { window.__done = true; }, (e) => { window.__error = String(e); });
</script>
</html>
`;

async function runWasm(browser, dir) {
  await writeFile(join(dir, 'index.html'), PAGE);
  const server = await startServer({ root: dir, prefix: '/' });
  const page = await browser.newPage();
  const lines = [];
  page.on('console', (m) => lines.push(m.text()));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.__done || window.__error, null, { timeout: TIMEOUT_MS, polling: 500 });
    const error = await page.evaluate(() => window.__error);
    if (error) throw new Error(`${dir}: ${error}`);
    return figures(lines);
  } finally {
    await page.close();
    await server.close();
  }
}

const pct = (a, b) => `${((100 * a) / b).toFixed(0)} %`;
const rate = (r) => `${(r / 1e6).toFixed(2)} M/s`;

const args = parseArgs(process.argv.slice(2));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
let wasm;
let native;
try {
  // Native first, then each wasm build, one at a time (the machine has 2 cores).
  native = runNative(args.native);
  wasm = [];
  for (const w of args.wasm) wasm.push({ ...w, figures: await runWasm(browser, w.dir) });
  console.log(`bench-wasm: Chromium ${browser.version()}, ${process.platform}/${process.arch}`);
} finally {
  await browser.close();
}

const header = ['workload', 'native', ...wasm.flatMap((w) => [`wasm ${w.label}`, 'wasm/native'])];
const rows = WORKLOADS.map((name) => [
  name,
  rate(native.get(name)),
  ...wasm.flatMap((w) => [rate(w.figures.get(name)), pct(w.figures.get(name), native.get(name))]),
]);
const floor = (m) => [pct(m.get('put_record_steady'), m.get('md5_route_only')), pct(m.get('put_record_cold'), m.get('md5_route_only'))];
rows.push(['steady / cold of MD5 floor', floor(native).join(' / '), ...wasm.flatMap((w) => [floor(w.figures).join(' / '), ''])]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
