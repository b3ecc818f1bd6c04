// `make bench-web`: the frame benchmark alone (issue #19), on the release build served under
// /sub/ (the same build and server as tier e), in headless Chromium driven by playwright-core.
//
// Three cases, each in every view that redraws while the clock runs:
//   idle   the 1× page with its clock paused             (the baseline: what the browser alone
//                                                            costs per frame here)
//   1×     16 shards, 10,000 records/s, played at 1×      (target: rAF p95 ≤ 16.7 ms and at most
//                                                            8 ms of main-thread work per frame)
//   3600×  64 shards, 10,000 records/s, played at 3600×   (target: ≥ 30 fps; the simulation runs
//                                                            slower than asked, not the page)
//   phone  the 1× load on a phone's screen: 375 × 800 CSS px at a device pixel ratio of 3, touch
//          (the same targets as 1×; a real phone's core is slower than this machine's, so read
//          it against the 1× row, not as a phone's figure)
// For each it prints the rAF delta p50/p95, each frame's busy time p50/p95 (frame start to the
// end of its rendering, per frame: frames.mjs), the main thread's script, style and layout time
// per frame (CDP Performance), frames per second, simulated seconds per wall second, and the
// renderer's memory: the JS heap (CDP JSHeapUsedSize), the wasm linear memory and the renderer
// process's resident set (VmRSS of the renderer's pid, from CDP SystemInfo.getProcessInfo).
//
// Figures only: it fails only when the page cannot be measured (no frames, a page error).
// Environment: E2E_DIST (default target/e2e-dist), CHROMIUM (default /usr/bin/chromium),
// BENCH_VIEWS (comma-separated view slugs, default all below), BENCH_CASES (comma-separated
// cases, default all), BENCH_MEASURE_MS (measured window per case, default 5000),
// BENCH_JSON (a file to write the figures to, as JSON), BENCH_PROFILE=1 (after each case, a CDP
// Profiler sample of the same length: the functions with the most self and inclusive time; wasm
// names need a build that keeps its name section, e.g. CARGO_PROFILE_WASM_RELEASE_STRIP=false),
// BENCH_CPU_THROTTLE=N (CDP slows the page's main thread N times, as on a slower phone),
// BENCH_TRACE=1 (after each case, a CDP timeline trace of the same length: the main thread's ms
// per committed frame in the rAF callbacks, style, layout, pre-paint, paint, layerize and the
// commit; nothing is printed for a case that committed no frame), BENCH_MUTATIONS=1 (after each
// case, a MutationObserver over the same length: the DOM writes per frame by kind, e.g.
// `attribute x on text` or `text in td.num`, the most frequent first: what the view rewrites in
// every frame).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { FRAME_BUDGET_MS, measureFrames } from './frames.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.E2E_DIST || join(HERE, '../../target/e2e-dist'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS || 5000);
const THROTTLE = Number(process.env.BENCH_CPU_THROTTLE || 1);
const WARMUP_MS = 1000;
/** Work per frame the issue allows, ms. */
const WORK_BUDGET_MS = 8;
/** Frames per second the 3600× case must keep. */
const MIN_FPS = 30;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Views that redraw while the clock runs (the glossary, console and code views do not). */
const VIEWS = ['flow', 'overview', 'hashing', 'retention', 'resharding', 'pipelines', 'metrics', 'kcl',
  'firehose', 'durability', 'cost'];
/** The 1× load; the idle case opens the same page and leaves its clock paused. */
const LOAD_1X = 'seed=1&shards=16&rate=10000&speed=1';
const CASES = {
  idle: { label: 'the 1× page, clock paused', query: LOAD_1X, paused: true },
  '1x': { label: '16 shards × 10,000 rec/s at 1×', query: LOAD_1X },
  '3600x': { label: '64 shards × 10,000 rec/s at 3600×', query: 'seed=1&shards=64&rate=10000&speed=3600' },
  phone: {
    label: 'the 1× load at 375 × 800 CSS px, device pixel ratio 3, touch',
    query: LOAD_1X,
    device: { viewport: { width: 375, height: 800 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  },
};
/** The screen of every case without its own device. */
const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** Cases held to the 1× frame targets. */
const AT_1X = new Set(['1x', 'phone']);

const views = (process.env.BENCH_VIEWS || VIEWS.join(',')).split(',').map((v) => v.trim()).filter(Boolean);
const cases = (process.env.BENCH_CASES || Object.keys(CASES).join(',')).split(',').map((c) => c.trim()).filter(Boolean);
for (const c of cases) if (!CASES[c]) throw new Error(`BENCH_CASES: unknown case ${c} (known: ${Object.keys(CASES).join(', ')})`);

const tid = (id) => `[data-testid=${id}]`;

/** Resident set of process `pid`, bytes (Linux /proc); NaN when unreadable. */
function rss(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The renderer processes' pids, from the browser's CDP session. */
async function rendererPids(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  return new Set(processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
}

/** The simulated clock in ms: the rewind controls carry it in data-ms. */
async function simMs(page) {
  const v = await page.locator(tid('rewind-controls')).first().getAttribute('data-ms').catch(() => null);
  return v === null ? NaN : Number(v);
}

async function runCase(browser, browserCdp, server, view, caseName) {
  const before = await rendererPids(browserCdp);
  const context = await browser.newContext(CASES[caseName].device || DESKTOP);
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`uncaught ${e.name}: ${e.message}`));
    if (THROTTLE > 1) {
      // A slower device: CDP slows the page's main thread down by this factor.
      const throttle = await context.newCDPSession(page);
      await throttle.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    }
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => { window.__kpWasm = e.detail.wasm; });
    });
    await page.goto(`${server.url}#/${view}?${CASES[caseName].query}&lang=en`, { waitUntil: 'load' });
    await page.locator(tid('play')).first().waitFor({ state: 'visible', timeout: 30000 });
    const pids = [...(await rendererPids(browserCdp))].filter((p) => !before.has(p));
    if (!CASES[caseName].paused) {
      await page.locator(tid('play')).first().click();
      await page.waitForFunction(() => document.querySelector('[data-testid=play]')?.getAttribute('aria-pressed') === 'true');
    }
    // The clock is read at the warm-up's end and at the window's end (node's wall clock between).
    const t0 = await (async () => {
      await page.waitForTimeout(WARMUP_MS - 100);
      return { sim: await simMs(page), wall: Date.now() };
    })();
    const r = await measureFrames(page, { warmupMs: 100, measureMs: MEASURE_MS });
    const t1 = { sim: await simMs(page), wall: Date.now() };
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const wasm = await page.evaluate(() => (window.__kpWasm ? window.__kpWasm.memory.buffer.byteLength : NaN));
    const capped = (await page.locator(tid('capped')).count()) > 0;
    const profile = process.env.BENCH_PROFILE === '1' ? await sampleProfile(cdp, MEASURE_MS) : null;
    const trace = process.env.BENCH_TRACE === '1' ? await traceFrames(browser, page, MEASURE_MS) : null;
    const mutations = process.env.BENCH_MUTATIONS === '1' ? await countMutations(page, MEASURE_MS) : null;
    const rendererRss = pids.length ? Math.max(...pids.map(rss)) : NaN;
    return {
      view, case: caseName, frames: r.frames, p50: r.p50, p95: r.p95, max: r.max,
      busy50: r.busy.p50, busy95: r.busy.p95, busyMax: r.busy.max,
      fps: (r.frames * 1000) / r.windowMs,
      script: r.perFrame.script, task: r.perFrame.task, style: r.perFrame.style, layout: r.perFrame.layout,
      simPerWall: (t1.sim - t0.sim) / (t1.wall - t0.wall), capped,
      heapMB: heap / 1e6, wasmMB: wasm / 1e6, rssMB: rendererRss / 1e6, errors, profile, trace, mutations,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/** A Rust symbol (legacy mangling `_ZN…E`) as `a::b::c`, without its hash; others unchanged. */
function demangle(name) {
  const m = name.match(/^_ZN(.*)E$/);
  if (!m) return name;
  const parts = [];
  let rest = m[1];
  while (rest.length) {
    const n = rest.match(/^(\d+)/);
    if (!n) break;
    const len = Number(n[1]);
    parts.push(rest.slice(n[1].length, n[1].length + len));
    rest = rest.slice(n[1].length + len);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}');
}

/** Samples the page's main thread for `ms` with CDP's Profiler: self and inclusive ms per function. */
async function sampleProfile(cdp, ms) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await new Promise((r) => setTimeout(r, ms));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    const d = demangle(f.functionName || '(anonymous)');
    return f.url && !f.url.endsWith('.wasm') && !/^wasm:/.test(f.url) && d === f.functionName ? `${d} [js]` : d;
  };
  const self = new Map();
  const incl = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const leaf = byId.get(id);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      if (!seen.has(nm)) {
        seen.add(nm);
        incl.set(nm, (incl.get(nm) ?? 0) + dt);
      }
    }
  });
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => ({ name: k, ms: v }));
  return { totalMs: total, self: top(self, 30), inclusive: top(incl, 60) };
}

/** What `traceFrames` sums per frame: a label and the trace event's name. */
const TRACE_PHASES = [
  ['rAF callbacks', 'FireAnimationFrame'], ['style', 'UpdateLayoutTree'], ['layout', 'Layout'],
  ['pre-paint', 'PrePaint'], ['paint', 'Paint'], ['layerize', 'Layerize'], ['commit', 'Commit'],
  ['all tasks', 'RunTask'],
];

/**
 * The page's main-thread time per committed frame by phase, from a CDP timeline trace of `ms`:
 * where the "other" of the table goes (the commit is the main thread waiting while the
 * compositor takes the frame, e.g. a changed canvas's pixels). An event nested in one of the
 * same name counts once. `null` when the page committed no frame.
 */
async function traceFrames(browser, page, ms) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.waitForTimeout(ms);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  const mains = new Set(traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}/${e.tid}`));
  // The renderer main thread that committed the most frames is this page's.
  const frames = new Map();
  for (const e of traceEvents) {
    const t = `${e.pid}/${e.tid}`;
    if (e.name === 'Commit' && mains.has(t)) frames.set(t, (frames.get(t) ?? 0) + 1);
  }
  const [main, count] = [...frames].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  if (!main || !count) return null;
  const events = traceEvents.filter((e) => e.ph === 'X' && `${e.pid}/${e.tid}` === main).sort((a, b) => a.ts - b.ts);
  const until = new Map();
  const sums = new Map();
  for (const e of events) {
    if (e.ts < (until.get(e.name) ?? -Infinity)) continue;
    until.set(e.name, e.ts + (e.dur ?? 0));
    sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return { frames: count, perFrame: TRACE_PHASES.map(([label, name]) => ({ label, ms: (sums.get(name) ?? 0) / count })) };
}

/**
 * The DOM writes of `ms` of the page, per animation frame, by kind: an attribute by name and
 * element (`attribute x on text`), a text by its parent (`text in td.num`), children added or
 * removed (`children of g.dots`); an element is named by its tag and first class. The 12 most
 * frequent.
 */
async function countMutations(page, ms) {
  return page.evaluate(async (ms) => {
    const name = (el) => (el ? `${el.tagName.toLowerCase()}${el.classList?.[0] ? `.${el.classList[0]}` : ''}` : '?');
    const counts = new Map();
    const add = (k) => counts.set(k, (counts.get(k) ?? 0) + 1);
    const observer = new MutationObserver((list) => {
      for (const m of list) {
        if (m.type === 'attributes') add(`attribute ${m.attributeName} on ${name(m.target)}`);
        else if (m.type === 'characterData') add(`text in ${name(m.target.parentElement)}`);
        else add(`children of ${name(m.target)}`);
      }
    });
    observer.observe(document.body, { subtree: true, attributes: true, characterData: true, childList: true });
    let frames = 0;
    const t0 = performance.now();
    await new Promise((done) => {
      const tick = () => {
        frames += 1;
        if (performance.now() - t0 < ms) requestAnimationFrame(tick); else done();
      };
      requestAnimationFrame(tick);
    });
    observer.disconnect();
    const perFrame = [...counts].map(([kind, n]) => ({ kind, perFrame: n / Math.max(frames, 1) }));
    return { frames, top: perFrame.sort((a, b) => b.perFrame - a.perFrame).slice(0, 12) };
  }, ms);
}

function printMutations(r) {
  if (!r.mutations) return;
  const total = r.mutations.top.reduce((a, m) => a + m.perFrame, 0);
  console.log(`  mutations ${r.view} ${r.case}: ${r.mutations.frames} frames; DOM writes per frame (the 12 most frequent kinds, ${total.toFixed(1)} together):`);
  for (const m of r.mutations.top) console.log(`    ${m.perFrame.toFixed(2).padStart(7)}  ${m.kind}`);
}

function printTrace(r) {
  if (!r.trace) return;
  const parts = r.trace.perFrame.map((p) => `${p.label} ${p.ms.toFixed(2)}`).join(' · ');
  console.log(`  trace ${r.view} ${r.case}: ${r.trace.frames} committed frames; ms per frame: ${parts}`);
}

function printProfile(r) {
  if (!r.profile) return;
  const { totalMs, self, inclusive } = r.profile;
  const pct = (v) => `${((100 * v) / totalMs).toFixed(1).padStart(5)} %`;
  console.log(`  profile ${r.view} ${r.case}: ${totalMs.toFixed(0)} ms sampled; self:`);
  for (const e of self) console.log(`    ${pct(e.ms)}  ${e.name.slice(0, 150)}`);
  console.log('  inclusive:');
  for (const e of inclusive) console.log(`    ${pct(e.ms)}  ${e.name.slice(0, 150)}`);
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '?');
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '?');
const f2 = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(2)) : '?');

function row(r) {
  const work = r.task;
  const flags = [];
  if (AT_1X.has(r.case) && r.p95 > FRAME_BUDGET_MS) flags.push(`p95>${FRAME_BUDGET_MS}`);
  if (AT_1X.has(r.case) && r.busy95 > FRAME_BUDGET_MS) flags.push(`busy95>${FRAME_BUDGET_MS}`);
  if (work > WORK_BUDGET_MS) flags.push(`work>${WORK_BUDGET_MS}`);
  if (r.case === '3600x' && r.fps < MIN_FPS) flags.push(`fps<${MIN_FPS}`);
  if (r.capped) flags.push('capped');
  return [
    r.view.padEnd(10), r.case.padEnd(5), f1(r.p50).padStart(5), f1(r.p95).padStart(5), f1(r.max).padStart(6),
    f1(r.busy50).padStart(6), f1(r.busy95).padStart(6),
    f1(r.script).padStart(6), f1(r.task - r.script).padStart(6), f1(r.style).padStart(5), f1(r.layout).padStart(6),
    f1(work).padStart(6), f1(r.fps).padStart(5), f2(r.simPerWall).padStart(7), f0(r.heapMB).padStart(5),
    f0(r.wasmMB).padStart(5), f0(r.rssMB).padStart(5), flags.join(' '),
  ].join(' ');
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html not found: build first (trunk build --release --public-url /sub/ --dist ${DIST})`);
  }
  const server = await startServer({ root: DIST, prefix: '/sub/' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const browserCdp = await browser.newBrowserCDPSession();
  console.log(`bench-web: Chromium ${browser.version()}, ${DIST}, ${MEASURE_MS} ms measured per case after ${WARMUP_MS} ms of play${THROTTLE > 1 ? `, CPU throttled ${THROTTLE}×` : ''}`);
  for (const c of cases) console.log(`  ${c}: ${CASES[c].label} (#/<view>?${CASES[c].query})`);
  console.log('  p50/p95/max: rAF delta, ms; busy50/busy95: a frame\'s start to the end of its rendering, ms; script, other (task − script), style, layout, work (= task): main-thread ms per');
  console.log('  frame (CDP); fps; sim/wall: simulated s per wall s; heap: JS heap MB; wasm: linear memory MB; rss: renderer MB');
  console.log(`  flags: targets missed (1× and phone: p95 and busy95 ≤ ${FRAME_BUDGET_MS} ms; work ≤ ${WORK_BUDGET_MS} ms; 3600×: ≥ ${MIN_FPS} fps), "capped" = the CPU-capped notice`);
  console.log('view       case    p50   p95    max busy50 busy95 script  other style layout   work   fps sim/wall  heap  wasm   rss');
  const results = [];
  let failed = 0;
  for (const c of cases) {
    for (const view of views) {
      try {
        const r = await runCase(browser, browserCdp, server, view, c);
        results.push(r);
        console.log(row(r));
        printProfile(r);
        printTrace(r);
        printMutations(r);
        if (r.frames === 0 || r.errors.length) {
          failed += 1;
          console.log(`  ${view} ${c}: ${r.frames} frames; ${r.errors.join('; ')}`);
        }
      } catch (err) {
        failed += 1;
        console.log(`${view.padEnd(10)} ${c.padEnd(5)} FAILED: ${String(err?.message ?? err).split('\n')[0]}`);
      }
    }
  }
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 1));
  await browser.close();
  await server.close();
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`bench-web: ${err?.stack ?? err}`);
  process.exit(1);
});
