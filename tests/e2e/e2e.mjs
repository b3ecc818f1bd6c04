// Tier (e), end to end: the release build (`trunk build --release --public-url /sub/`), served
// under /sub/ by server.mjs on 127.0.0.1, driven in headless Chromium with playwright-core.
//
// Each check runs in a fresh browser context (fresh storage), so the language or settings one
// check leaves behind cannot leak into the next. Across all of them the script collects console
// errors, uncaught page errors, dialogs and every request, and fails if any request leaves the
// server's origin (such requests are also aborted, so the run never touches the network).
// Screenshots go to tests/e2e/artifacts/ (gitignored). Prints one line per check, then
// "N passed, M failed"; exits non-zero on any failure. A check's contexts are closed when it
// ends, so a page left playing never competes for the CPU with the next check (frame times).
//
// Issue #5 checks: the hashing view routes "hello" to shard 1 with its 128-bit integer; the
// hot-key flow throttles exactly one lane and opens a record's details; axe-core (a11y.mjs,
// injected inline) finds no serious or critical violation on the overview, hashing and flow
// views in EN and ES at 1280×800 and 375×812; frame times (frames.mjs) at 16 shards and 10,000
// records/s are printed, failing only a frozen page (fewer than 30 frames in 5 s).
//
// Issue #7 checks (#/pipelines): a link without scenario= opens e-commerce; Kappa: deploy v2,
// wait until it has caught up, switch, revert; Lambda: a speed-layer bug makes the answer drift
// and, once fixed, a later batch cycle corrects it (eventual accuracy); batch-only mode has one
// codebase. axe-core and screenshots cover #/pipelines, #/pipelines/lambda and
// #/pipelines/kappa (the last two in embed mode, as an iframe shows them).
//
// Issue #14 and later: more checks live in tests/e2e/checks/*.mjs, one file per topic. Each exports
// `checks(kit)`, which returns `[name, async fn]` pairs; `kit` holds this file's helpers (newPage,
// open, until, assert, tid, setPlaying, clockMs, nextClock, shoot, …). They run after the checks
// below, in file-name order, before the final checks.
//
// Environment: E2E_DIST (the built site, default target/e2e-dist), CHROMIUM (default
// /usr/bin/chromium), E2E_ARTIFACTS (default tests/e2e/artifacts), E2E_TIMEOUT_MS (per wait,
// default 15000), E2E_ONLY (a regular expression: run only the checks whose name matches, then
// the final checks; for working on one check), E2E_SERIAL=1 (run the background check alone
// first instead of beside the others; the frame figures then carry no extra load).

import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, PARENT_PAGE } from './server.mjs';
import { createLiveFake } from './live-fake.mjs';
import { AXE, axeInto, describeCounts, describeViolation, runAxe, triage } from './a11y.mjs';
import { describeFrames, describeWork, measureFrames } from './frames.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.E2E_DIST || join(HERE, '../../target/e2e-dist'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = resolve(process.env.E2E_ARTIFACTS || join(HERE, 'artifacts'));
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15000);
const PREFIX = '/sub/';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const HOSTILE = '<img src=x onerror=alert(1)>';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const VIEWPORTS = [['desktop', DESKTOP], ['phone', PHONE]];
const LANGS = ['en', 'es'];
const size = (v) => `${v.width}x${v.height}`;
/** Issue #5: the hashing view's reference key, its shard and its MD5 as a 128-bit integer. */
const PK = { seed: 7, shards: 3, key: 'hello', shard: 'shardId-000000000001', decimal: '123957004363873451094272536567338222994' };
/** Issue #5: frame times at 16 shards and 10,000 records/s; fewer frames than this in 5 s is a frozen page. */
const LOAD = 'seed=1&shards=16&rate=10000';
const MIN_FRAMES = 30;

const tid = (id) => `[data-testid=${id}]`;

// ---------------------------------------------------------------------------------------------
// Collected across every page and frame.

const consoleErrors = [];
const offOrigin = new Set();
const dialogs = [];
const screenshots = [];

let browser;
let server;
/** The fake local endpoint's live side (live-fake.mjs), on the server's origin. */
const liveFake = createLiveFake();
/** The contexts the running check opened; closed when it ends. */
const contexts = new Set();
/** The contexts of the check running in the background (the 24 h memory run); closed when it ends. */
const backgroundContexts = new Set();

function allowed(url, origin) {
  return url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:');
}

/**
 * A page in a fresh context, with the collectors attached. `background: true` is for a check that
 * runs beside the others: its context is not closed when the foreground check ends.
 */
async function newPage(label, viewport = DESKTOP, { background = false, device = {} } = {}) {
  const context = await browser.newContext({ viewport, ...device });
  (background ? backgroundContexts : contexts).add(context);
  context.setDefaultTimeout(TIMEOUT);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url, server.origin)) return route.continue();
    offOrigin.add(`${label}: ${url}`);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    if (!allowed(req.url(), server.origin)) offOrigin.add(`${label}: ${req.url()}`);
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location()?.url ? ` (${msg.location().url})` : '';
      consoleErrors.push(`${label}: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => consoleErrors.push(`${label}: uncaught ${err.name}: ${err.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${label}: ${dialog.type()} "${dialog.message()}"`);
    dialog.dismiss().catch(() => {});
  });
  return page;
}

/** Opens `path` (relative to the site root, e.g. `#/overview` or `?embed=1#/overview`). */
async function open(page, path, waitFor = 'play') {
  await page.goto(server.url + path, { waitUntil: 'load' });
  await page.locator(tid('app')).first().waitFor({ state: 'attached' });
  if (waitFor) await page.locator(tid(waitFor)).first().waitFor({ state: 'visible' });
}

/**
 * Polls `fn` until it returns a truthy value; throws `what` on timeout (the last value is falsy by
 * then, so a check that wants to quote what it saw keeps that itself, as `robust.mjs` does).
 */
async function until(what, fn, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`${what} (timed out after ${timeout} ms)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** Virtual milliseconds shown by a clock text: "01:02:03.4", "02:03.400", "1 h 2 min 3.5 s", "750 ms". */
export function parseClock(text) {
  const t = text.replace(/\u00a0|\u202f/g, ' ');
  const frac = (f) => (f ? Math.round(Number(`0.${f}`) * 1000) : 0);
  let m = t.match(/(\d+):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?/);
  if (m) return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + frac(m[4]);
  m = t.match(/(\d+):(\d{2})(?:[.,](\d{1,3}))?/);
  if (m) return (Number(m[1]) * 60 + Number(m[2])) * 1000 + frac(m[3]);
  const unit = { d: 86400000, h: 3600000, min: 60000, m: 60000, s: 1000, ms: 1 };
  let total = null;
  for (const u of t.matchAll(/(\d+(?:[.,]\d+)?)\s*(ms|min|d|h|m|s)(?![a-z])/gi)) {
    total = (total ?? 0) + Math.round(Number(u[1].replace(',', '.')) * unit[u[2].toLowerCase()]);
  }
  return total;
}

/** The clock in virtual ms: its `data-ms` attribute when it has one, else its parsed text. */
async function clockMs(page) {
  const clock = page.locator(tid('clock')).first();
  const attr = await clock.getAttribute('data-ms');
  const text = (await clock.textContent()) ?? '';
  const ms = attr !== null && attr !== '' ? Number(attr) : parseClock(text);
  assert(Number.isFinite(ms), `cannot read a time from [data-testid=clock] text ${JSON.stringify(text)}`);
  return { ms, text: text.trim() };
}

async function pressed(page) {
  return (await page.locator(tid('play')).first().getAttribute('aria-pressed')) === 'true';
}

async function setPlaying(page, want) {
  if ((await pressed(page)) !== want) await page.locator(tid('play')).first().click();
  await until(`[data-testid=play] aria-pressed should become ${want}`, async () => (await pressed(page)) === want);
}

async function playLabel(page) {
  return page.locator(tid('play')).first().evaluate((el) =>
    [el.getAttribute('title'), el.getAttribute('aria-label'), el.textContent].filter(Boolean).join(' | '),
  );
}

const docLang = (page) => page.evaluate(() => document.documentElement.lang);

/** Waits for the clock to show a different time than `before`, and returns it. */
async function nextClock(page, before) {
  return until(`[data-testid=clock] should change from "${before.text}"`, async () => {
    const now = await clockMs(page);
    return now.ms !== before.ms ? now : null;
  }, 5000);
}

/** The step size found by check 4, reused by the keyboard check. */
let stepMs = null;

async function shoot(page, name) {
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  screenshots.push(file);
}

/** Opens the hashing view of issue #5 (seed 7, 3 shards) and types the reference key. */
async function openHashing(page, lang) {
  await open(page, `#/hashing?seed=${PK.seed}&shards=${PK.shards}&lang=${lang}`, 'pk-input');
  await page.locator(tid('pk-input')).first().fill(PK.key);
  const shard = await until(`[data-testid=pk-shard] should contain "${PK.shard}"`, async () => {
    const text = ((await page.locator(tid('pk-shard')).first().textContent()) ?? '').trim();
    return text.includes(PK.shard) ? text : null;
  });
  return shard;
}

/** Opens `view` in the hot-key scenario (seed 5), plays at 1× until `playMs` of simulated time
 * have passed (at least `playMs` of wall time: a loaded machine runs fewer frames) and pauses. */
async function openHotKey(page, view, lang, playMs = 3000) {
  await open(page, `#/${view}?seed=5&scenario=hot-key&lang=${lang}`);
  await setPlaying(page, true);
  await page.waitForTimeout(playMs);
  await until(`the clock should pass ${playMs} ms`, async () => (await clockMs(page)).ms >= playMs);
  await setPlaying(page, false);
}

const openHotKeyFlow = (page, lang, playMs) => openHotKey(page, 'flow', lang, playMs);

/** The hashing view with something in every part: hot-key records (3 s of play), "hello" typed. */
async function openHashingPlayed(page, lang) {
  await openHotKey(page, 'hashing', lang, 3000);
  await page.locator(tid('pk-input')).first().fill(PK.key);
  await until('[data-testid=pk-shard] should name a shard', async () =>
    /shardId-\d{12}/.test((await page.locator(tid('pk-shard')).first().textContent()) ?? ''),
  );
}

/**
 * Finds a painted dot in the lanes canvas (its pixels, as a person finds a dot by looking),
 * presses it with `press(x, y)` and returns where, with the heading and sequence number of the
 * record details it opened. The page cannot read a canvas a worker paints (www/dots-paint.js),
 * so the dots are found in a screenshot of the canvas alone: the SVG layers below and above it
 * are hidden for the shot.
 */
async function openPaintedDot(page, press) {
  assert(await page.locator(tid('record-details')).count() === 0, 'details open before any press');
  const canvas = page.locator(tid('lane-dots')).first();
  await canvas.scrollIntoViewIfNeeded();
  const layers = (visibility) => canvas.evaluate((c, v) => {
    for (const svg of c.parentElement.querySelectorAll('svg')) svg.style.visibility = v;
  }, visibility);
  await layers('hidden');
  let png;
  try {
    png = await canvas.screenshot({ scale: 'css' });
  } finally {
    await layers('');
  }
  const at = await canvas.evaluate(async (c, b64) => {
    const shot = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const read = new OffscreenCanvas(shot.width, shot.height).getContext('2d');
    read.drawImage(shot, 0, 0);
    const { data, width, height } = read.getImageData(0, 0, shot.width, shot.height);
    const box = c.getBoundingClientRect();
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * 4;
        // A dot is a saturated colour (hsl(h, 70%, l)); the page behind it and the dots'
        // white outline are not. The first such pixel is a dot's top; its middle is about 3
        // CSS px below.
        if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) {
          return {
            x: box.left + (x + 0.5) * box.width / width,
            y: box.top + (y + 0.5) * box.height / height + 3,
            dots: c.dataset.dots,
            painter: c.dataset.painter,
          };
        }
      }
    }
    return null;
  }, png.toString('base64'));
  assert(at, 'no painted dot on [data-testid=lane-dots]');
  await press(at.x, at.y);
  const details = page.locator(tid('record-details')).first();
  await details.waitFor({ state: 'visible' });
  const head = ((await details.locator('h3').first().textContent()) ?? '').trim();
  const seq = ((await details.locator(tid('record-seq')).first().textContent()) ?? '').trim();
  assert(/^\d{56}$/.test(seq), `[data-testid=record-seq] is "${seq}", want 56 digits`);
  return { at, head };
}

/** Opens a view with a few seconds of play, paused, as axe and the screenshots see it. */
async function openForA11y(page, view, lang) {
  if (view === 'hashing') return openHashingPlayed(page, lang);
  if (view === 'flow') {
    await openHotKeyFlow(page, lang, 2000);
    // The details panel is part of the view too.
    await page.locator(tid('recent-record')).first().click();
    await page.locator(tid('record-details')).first().waitFor({ state: 'visible' });
    return null;
  }
  if (EXTRA_VIEWS[view]) return openPlayed(page, view, lang);
  await open(page, `#/${view}?lang=${lang}`);
  await setPlaying(page, true);
  await page.waitForTimeout(1500);
  await setPlaying(page, false);
  return null;
}

/** Later views: the link each is checked and photographed at, what is clicked before playing,
 *  how long it plays, and the element that shows it is there (the view's name by default).
 *  (The naive reader makes the out-of-order records table appear.) */
const EXTRA_VIEWS = {
  resharding: { query: 'seed=7&scenario=resharding&speed=60', playMs: 6000, click: 'add-naive' },
  retention: { query: 'seed=1&scenario=slow-consumer&speed=3600', playMs: 6000 },
  pipelines: { query: 'seed=1&scenario=e-commerce&speed=60', playMs: 5000 },
  // One panel alone, as an iframe shows it (embed mode).
  'pipelines/lambda': { query: 'seed=1&scenario=e-commerce&speed=60&embed=1', playMs: 5000, waitFor: 'lambda-panel' },
  'pipelines/kappa': { query: 'seed=1&scenario=e-commerce&speed=60&embed=1', playMs: 5000, waitFor: 'kappa-panel' },
};

/** Opens one of EXTRA_VIEWS, plays it, pauses. */
async function openPlayed(page, view, lang) {
  const { query, playMs, click, waitFor } = EXTRA_VIEWS[view];
  await open(page, `#/${view}?${query}&lang=${lang}`, waitFor || view);
  if (click) await page.locator(tid(click)).click();
  await setPlaying(page, true);
  await page.waitForTimeout(playMs);
  await setPlaying(page, false);
  return null;
}

/** Retention as EXTRA_VIEWS plays it (slow-consumer at 3600×), paused, in English: the first
 *  row's marks, read from its path's `M<x> <y1>V<y2>` strokes through the path's screen
 *  transform. For each: its arrival (seconds since start), its screen x, the middle of its stroke
 *  (y), and a point 8 viewBox units above the stroke, on the row's background (above); pxPerSec:
 *  the axis scale. */
async function retentionFirstRowMarks(page) {
  await openPlayed(page, 'retention', 'en');
  return page.locator(tid('ret-marks')).first().evaluate((path) => {
    const m = path.getScreenCTM();
    return [...path.getAttribute('d').matchAll(/M([\d.]+) ([\d.]+)V([\d.]+)/g)].map(([, x, y1, y2]) => ({
      secs: Number(x),
      x: m.a * Number(x) + m.e,
      y: m.d * ((Number(y1) + Number(y2)) / 2) + m.f,
      above: m.d * (Number(y1) - 8) + m.f,
      pxPerSec: m.a,
    }));
  });
}

/** The check for one view: axe in EN and ES at desktop and phone size. */
function axeCheck(view) {
  return async () => {
    const failing = new Map();
    const lines = [];
    for (const lang of LANGS) {
      for (const [name, viewport] of VIEWPORTS) {
        const where = `${lang} ${size(viewport)}`;
        const page = await newPage(`axe ${view} ${where}`, viewport);
        await openForA11y(page, view, lang);
        const { failing: bad, counts } = triage(await runAxe(page));
        lines.push(`${where}: ${describeCounts(counts)}`);
        for (const v of bad) {
          const text = describeViolation(v, '    ');
          if (!failing.has(text)) failing.set(text, []);
          failing.get(text).push(where);
        }
        await page.context().close();
        contexts.delete(page.context());
      }
    }
    const detail = `axe ${AXE.version}: ${lines.join('; ')}`;
    if (failing.size > 0) {
      const body = [...failing].map(([text, wheres]) => `  on ${wheres.join(', ')}:\n${text}`).join('\n');
      throw new Error(`${failing.size} serious/critical violation(s) on #/${view} (${detail}):\n${body}`);
    }
    return detail;
  };
}

/** The check for one view: frame times at 16 shards and 10,000 records/s, played at 1×. */
function framesCheck(view) {
  return async () => {
    const page = await newPage(`frames ${view}`);
    await open(page, `#/${view}?${LOAD}${view === 'flow' ? '&lang=en' : ''}`);
    await setPlaying(page, true);
    const c0 = await clockMs(page);
    const r = await measureFrames(page, { warmupMs: 500, measureMs: 5000 });
    const c1 = await clockMs(page);
    const capped = await page.locator(tid('capped')).count();
    const line = `${view} 16 shards @ 10,000 rec/s: ${describeFrames(r)}`;
    const sim = `simulated ${((c1.ms - c0.ms) / 1000).toFixed(1)} s in ${((r.windowMs + 500) / 1000).toFixed(1)} s wall${capped ? ', "CPU capped" notice shown' : ''}`;
    assert(r.frames >= MIN_FRAMES, `${line}: fewer than ${MIN_FRAMES} frames in ${(r.windowMs / 1000).toFixed(1)} s, the page is frozen\n${describeWork(r)}; ${sim}`);
    return `${line}\n${describeWork(r)}; ${sim}`;
  };
}

// ---------------------------------------------------------------------------------------------
// The checks, in order.

const checks = [
  ['loads /sub/ and renders [data-testid=app]', async () => {
    const page = await newPage('load');
    await open(page, '');
    const title = await page.title();
    return `title "${title}"`;
  }],

  ['play shows records, pause holds the clock, step moves it by exactly one step', async () => {
    const page = await newPage('play');
    await open(page, '#/overview');
    await setPlaying(page, true);
    const seen = await until('records should appear and [data-testid=accepted-total] become > 0', async () => {
      // The lanes paint their dots on a canvas; it counts them in data-dots.
      const records = Number((await page.locator(tid('lane-dots')).first().getAttribute('data-dots')) ?? 0);
      const text = (await page.locator(tid('accepted-total')).first().textContent()) ?? '';
      const accepted = Number(text.replace(/\D/g, '') || 0);
      return records > 0 && accepted > 0 ? { records, accepted: text.trim() } : null;
    });
    await setPlaying(page, false);
    const c0 = await clockMs(page);
    await page.waitForTimeout(700);
    const held = await clockMs(page);
    assert(held.ms === c0.ms, `paused clock moved from "${c0.text}" to "${held.text}"`);
    await page.locator(tid('step')).first().click();
    const c1 = await nextClock(page, c0);
    await page.locator(tid('step')).first().click();
    const c2 = await nextClock(page, c1);
    const d1 = c1.ms - c0.ms;
    const d2 = c2.ms - c1.ms;
    assert(d1 > 0 && d1 === d2, `two steps moved the clock by ${d1} ms then ${d2} ms ("${c0.text}" -> "${c1.text}" -> "${c2.text}")`);
    const declared = await page.locator(tid('step')).first().getAttribute('data-step-ms');
    if (declared !== null) assert(Number(declared) === d1, `step moved ${d1} ms, its data-step-ms says ${declared}`);
    stepMs = d1;
    return `${seen.records} records shown, accepted ${seen.accepted}; one step = ${d1} ms ("${c0.text}" -> "${c1.text}")`;
  }],

  ['language switch: ES then back to EN', async () => {
    const page = await newPage('lang');
    await open(page, '#/overview');
    await page.locator(tid('lang-es')).first().click();
    await until('document.documentElement.lang should become "es"', async () => (await docLang(page)) === 'es');
    const es = await until('[data-testid=play] should read "Reproducir" or "Pausa…"', async () => {
      const label = await playLabel(page);
      return /Reproducir|Pausa/i.test(label) ? label : null;
    });
    await page.locator(tid('lang-en')).first().click();
    await until('document.documentElement.lang should become "en"', async () => (await docLang(page)) === 'en');
    const en = await until('[data-testid=play] should read "Play" or "Pause"', async () => {
      const label = await playLabel(page);
      return /Play|Pause/i.test(label) ? label : null;
    });
    return `es: "${es}", en: "${en}"`;
  }],

  ['deep link #/overview?seed=7&shards=3&rate=50&lang=es&speed=10 restores its state', async () => {
    const page = await newPage('deep-link');
    await open(page, '#/overview?seed=7&shards=3&rate=50&lang=es&speed=10', 'seed');
    const want = { seed: '7', shards: '3', rate: '50', speed: '10' };
    for (const [id, value] of Object.entries(want)) {
      const got = await page.locator(tid(id)).first().inputValue();
      assert(got === value, `[data-testid=${id}] is "${got}", want "${value}"`);
    }
    assert((await docLang(page)) === 'es', `document lang is "${await docLang(page)}", want "es"`);
    await until('3 [data-testid=shard-lane] elements', async () => (await page.locator(tid('shard-lane')).count()) === 3);
    return 'seed 7, shards 3, rate 50, speed 10, lang es, 3 shard lanes';
  }],

  ['bad deep link #/overview?shards=abc&seed=-1 shows a notice and falls back to the default', async () => {
    const plain = await newPage('default');
    await open(plain, '#/overview', 'shards');
    const fallback = await plain.locator(tid('shards')).first().inputValue();
    const page = await newPage('bad-link');
    await open(page, '#/overview?shards=abc&seed=-1', 'shards');
    const notice = page.locator(tid('notice')).first();
    await notice.waitFor({ state: 'visible' });
    const text = ((await notice.textContent()) ?? '').trim();
    assert(text.length > 0, '[data-testid=notice] is empty');
    const shards = await page.locator(tid('shards')).first().inputValue();
    assert(shards === fallback, `[data-testid=shards] is "${shards}", want the default "${fallback}"`);
    return `notice "${text}", shards ${shards} (default)`;
  }],

  ['embed mode (?embed=1 before and inside the hash) hides the chrome; the parent gets its height', async () => {
    for (const path of ['?embed=1#/overview', '#/overview?embed=1']) {
      const page = await newPage(`embed ${path}`);
      await open(page, path, 'embed-strip');
      for (const id of ['topbar', 'side-panel']) {
        const n = await page.locator(tid(id)).count();
        assert(n === 0, `${path}: [data-testid=${id}] is present (${n}) in embed mode`);
      }
    }
    const page = await newPage('embed parent');
    const src = `${PREFIX}?embed=1#/overview`;
    await page.goto(`${server.origin}/${PARENT_PAGE}?src=${encodeURIComponent(src)}`);
    await page.frameLocator('#playground').locator(tid('embed-strip')).first().waitFor({ state: 'visible' });
    const heights = await until('the parent page should receive {type: "kinesis-playground:height", height > 0}', () =>
      page.evaluate(() => (window.__heights.some((h) => typeof h === 'number' && h > 0) ? window.__heights : null)),
    );
    return `height messages: ${JSON.stringify(heights.slice(0, 5))}${heights.length > 5 ? ' …' : ''}`;
  }],

  ['hostile stream name is rendered as text, never as HTML', async () => {
    const page = await newPage('hostile');
    await open(page, '#/overview', 'stream-name');
    const before = dialogs.length;
    const input = page.locator(tid('stream-name')).first();
    await input.fill(HOSTILE);
    await input.press('Enter');
    await input.evaluate((el) => el.blur());
    await page.waitForTimeout(500);
    const imgs = await page.locator(`${tid('app')} img`).count();
    assert(dialogs.length === before, `a dialog fired: ${dialogs.slice(before).join('; ')}`);
    assert(imgs === 0, `${imgs} <img> element(s) inside [data-testid=app]`);
    const where = await until('the literal text should appear inside [data-testid=app]', () =>
      page.evaluate(([hostile, label]) => {
        const l = document.querySelector(label);
        if (l && l.textContent.includes(hostile)) return 'stream-label';
        const app = document.querySelector('[data-testid=app]');
        return app && app.textContent.includes(hostile) ? 'app' : null;
      }, [HOSTILE, tid('stream-label')]),
    );
    return `shown as text in [data-testid=${where}], no <img>, no dialog`;
  }],

  ['keyboard: Space toggles play/pause, ArrowRight steps', async () => {
    const page = await newPage('keyboard');
    await open(page, '#/overview');
    await setPlaying(page, false);
    await page.evaluate(() => document.activeElement?.blur?.());
    await page.keyboard.press('Space');
    await until('Space should set [data-testid=play] aria-pressed="true"', () => pressed(page));
    await page.keyboard.press('Space');
    await until('a second Space should set aria-pressed="false"', async () => !(await pressed(page)));
    const c0 = await clockMs(page);
    await page.keyboard.press('ArrowRight');
    const c1 = await nextClock(page, c0);
    const d = c1.ms - c0.ms;
    assert(d > 0, `ArrowRight moved the clock backwards ("${c0.text}" -> "${c1.text}")`);
    if (stepMs !== null) assert(d === stepMs, `ArrowRight moved the clock ${d} ms; the step button moves it ${stepMs} ms`);
    return `Space toggled twice; ArrowRight "${c0.text}" -> "${c1.text}"`;
  }],

  ['screenshots: desktop and phone in EN and ES, embed mode; no page scrolls sideways', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const sideways = [];
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      for (const lang of ['en', 'es']) {
        const page = await newPage(`shot ${name} ${lang}`, viewport);
        await open(page, `#/overview?lang=${lang}`, 'app');
        await page.locator(tid('play')).first().click({ timeout: 5000 }).catch(() => {});
        await page.waitForTimeout(1500);
        await shoot(page, `${name}-${viewport.width}x${viewport.height}-${lang}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) sideways.push(`#/overview ${name} ${lang} scrolls sideways by ${overflow} px`);
      }
    }
    const embed = await newPage('shot embed', { width: 800, height: 450 });
    await open(embed, '?embed=1#/overview', 'embed-strip');
    await embed.waitForTimeout(1000);
    await shoot(embed, 'embed-800x450-en');
    const parent = await newPage('shot embed parent', DESKTOP);
    await parent.goto(`${server.origin}/${PARENT_PAGE}?src=${encodeURIComponent(`${PREFIX}?embed=1#/overview`)}`);
    await parent.frameLocator('#playground').locator(tid('embed-strip')).first().waitFor({ state: 'visible' });
    await parent.waitForTimeout(1000);
    await shoot(parent, 'embed-parent-1280x800');
    assert(sideways.length === 0, sideways.join('; '));
    return `${screenshots.length} files`;
  }],
  [`hashing: "${PK.key}" (seed ${PK.seed}, ${PK.shards} shards) goes to ${PK.shard}, its hash is ${PK.decimal}`, async () => {
    const page = await newPage('hashing hello');
    const shard = await openHashing(page, 'en');
    const decimal = await until(`[data-testid=pk-decimal] should be ${PK.decimal}`, async () => {
      const text = ((await page.locator(tid('pk-decimal')).first().textContent()) ?? '').trim();
      return text === PK.decimal ? text : null;
    }).catch(async (err) => {
      const got = ((await page.locator(tid('pk-decimal')).first().textContent()) ?? '').trim();
      throw new Error(`${err.message}; it is "${got}"`);
    });
    return `pk-shard "${shard}", pk-decimal ${decimal}`;
  }],

  ['flow hot-key (seed 5): after 3 s of play exactly one throttled lane; a recent record opens its details', async () => {
    const page = await newPage('flow hot-key');
    await openHotKeyFlow(page, 'en', 3000);
    const lanes = await page.locator(tid('shard-lane')).count();
    const throttled = await page.locator(`${tid('shard-lane')}.throttled`).evaluateAll((els) =>
      els.map((el) => el.querySelector('title')?.textContent ?? '?'),
    );
    assert(throttled.length === 1, `${throttled.length} of ${lanes} [data-testid=shard-lane] are .throttled (${throttled.join(', ') || 'none'}), want exactly 1`);
    // The screen-reader table of lane counts follows the clock once a second while it plays,
    // and shows the paused frame's counts: its drawn dots are those on the canvas now.
    const counts = await page.locator(`${tid('lane-counts')} tbody tr`).evaluateAll((rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
    const painted = Number(await page.locator(tid('lane-dots')).first().getAttribute('data-dots'));
    const drawn = counts.reduce((sum, [, , d]) => sum + Number(d), 0);
    assert(counts.length === lanes, `[data-testid=lane-counts] has ${counts.length} rows for ${lanes} lanes`);
    assert(drawn === painted, `[data-testid=lane-counts] says ${drawn} dots drawn, the canvas paints ${painted}`);
    const first = page.locator(tid('recent-record')).first();
    const label = ((await first.textContent()) ?? '').trim();
    await first.click();
    const details = page.locator(tid('record-details')).first();
    await details.waitFor({ state: 'visible' });
    const seq = ((await details.locator(tid('record-seq')).first().textContent()) ?? '').trim();
    assert(/^\d{56}$/.test(seq), `[data-testid=record-seq] is "${seq}" (${seq.length} characters), want 56 digits`);
    return `throttled: ${throttled[0]} of ${lanes} lanes; lane counts ${counts.map(([id, w, d]) => `${id} ${w}/${d}`).join(', ')}; "${label}" -> sequence number ${seq}`;
  }],

  ['retention (slow-consumer): the record mark under the pointer is highlighted and named; a click beside it picks that record for AT_SEQUENCE_NUMBER, and a read starts there', async () => {
    const page = await newPage('retention mark click');
    // A mark whose neighbours are at least 8 px away, so that the nearest mark to the click is
    // unambiguous.
    const strokes = await retentionFirstRowMarks(page);
    const clear = strokes.filter((s, i) => i > 0 && i < strokes.length - 1
      && s.x - strokes[i - 1].x >= 8 && strokes[i + 1].x - s.x >= 8);
    const target = { count: strokes.length, pick: clear[Math.floor(clear.length / 2)] ?? null };
    assert(target.pick, `no mark of the first row stands 8 px from its neighbours (${target.count} marks)`);
    // Hovering names the mark and draws it highlighted at the mark's x.
    await page.mouse.move(target.pick.x + 3, target.pick.y);
    const hover = page.locator(tid('ret-mark-hover')).first();
    await hover.waitFor({ state: 'attached' });
    const hoverBox = await hover.boundingBox();
    assert(Math.abs(hoverBox.x + hoverBox.width / 2 - target.pick.x) <= 1.5, `the highlighted mark is at x ${hoverBox.x}, the mark at ${target.pick.x}`);
    const tip = ((await page.locator('.mark-hit title').first().textContent()) ?? '').trim();
    // Leaving the row's marks takes the highlight away.
    await page.mouse.move(target.pick.x + 3, target.pick.y + 60);
    await until('[data-testid=ret-mark-hover] should go once the pointer leaves', async () =>
      (await page.locator(tid('ret-mark-hover')).count()) === 0);
    await page.mouse.click(target.pick.x + 3, target.pick.y);
    const kind = await until('[data-testid=iter-kind] should switch to AT_SEQUENCE_NUMBER', async () => {
      const v = await page.locator(tid('iter-kind')).first().inputValue();
      return v === 'AT_SEQUENCE_NUMBER' ? v : null;
    });
    const record = await page.locator(tid('iter-record')).first().inputValue();
    assert(record !== '', 'the click chose no record ([data-testid=iter-record] is empty)');
    assert(tip.startsWith(`#${record} · `), `the tooltip said "${tip}", the click chose record #${record}`);
    const marker = await page.locator(`${tid('iter-marker')}.k-at`).first().boundingBox();
    const markerX = marker.x + marker.width / 2;
    assert(Math.abs(markerX - target.pick.x) <= 1.5, `the AT marker is at x ${markerX.toFixed(1)}, the clicked mark at ${target.pick.x.toFixed(1)}`);
    await page.locator(tid('iter-run')).first().click();
    const count = await until('[data-testid=read-count] should show the records read', async () => {
      const n = await page.locator(tid('read-count')).count();
      return n ? Number(await page.locator(tid('read-count')).first().textContent()) : null;
    });
    assert(count >= 1, `GetRecords from the chosen record returned ${count} records`);
    return `${target.count} marks in row 0; hovered and clicked 3 px right of one at x ${target.pick.x.toFixed(1)} (tooltip "${tip}"): ${kind}, record #${record}; the read returned ${count} records`;
  }],

  ['flow hot-key: a click on a dot painted on the lanes canvas opens that record\'s details', async () => {
    const page = await newPage('flow dot click');
    await openHotKeyFlow(page, 'en', 2000);
    const { at, head } = await openPaintedDot(page, (x, y) => page.mouse.click(x, y));
    // Chromium hands the canvas to a worker (www/dots-paint.js).
    assert(at.painter === 'worker', `[data-testid=lane-dots] data-painter is "${at.painter}", want "worker"`);
    return `${at.dots} dots painted by the ${at.painter}; a click at (${at.x.toFixed(0)}, ${at.y.toFixed(0)}) opened "${head}"`;
  }],

  ['flow hot-key in a browser that cannot give a canvas to a worker (no transferControlToOffscreen; or one that throws): the page paints the dots, and a click on one opens its details', async () => {
    const browsers = [
      ['without it', 'es', () => { delete HTMLCanvasElement.prototype.transferControlToOffscreen; }],
      ['throwing', 'en', () => {
        HTMLCanvasElement.prototype.transferControlToOffscreen = function () {
          throw new DOMException('refused by the test', 'InvalidStateError');
        };
      }],
    ];
    const seen = [];
    for (const [how, lang, init] of browsers) {
      const page = await newPage(`flow dot click, page painter (${how})`);
      await page.addInitScript(init);
      await openHotKeyFlow(page, lang, 2000);
      const { at, head } = await openPaintedDot(page, (x, y) => page.mouse.click(x, y));
      assert(at.painter === 'page', `${how}: [data-testid=lane-dots] data-painter is "${at.painter}", want "page"`);
      seen.push(`${how} (${lang}): ${at.dots} dots painted by the ${at.painter}, a click at (${at.x.toFixed(0)}, ${at.y.toFixed(0)}) opened "${head}"`);
    }
    return seen.join('; ');
  }],

  ['flow hot-key on a phone (375 px, pixel ratio 3): the dots canvas is painted at ratio 2, and a tap on a dot opens its details', async () => {
    const page = await newPage('flow dot tap', PHONE, { device: { deviceScaleFactor: 3, isMobile: true, hasTouch: true } });
    await openHotKeyFlow(page, 'es', 2000);
    const canvas = page.locator(tid('lane-dots')).first();
    const dims = await canvas.evaluate((c) => ({ w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio }));
    assert(dims.dpr === 3, `devicePixelRatio is ${dims.dpr}, want 3`);
    // dots::model::MAX_PIXEL_RATIO: a ratio-3 screen gets a canvas of twice its CSS pixels.
    assert(dims.cw > 0 && dims.w === Math.round(dims.cw * 2) && dims.h === Math.round(dims.ch * 2),
      `the canvas is ${dims.w} × ${dims.h} px for a box of ${dims.cw} × ${dims.ch} CSS px, want twice the box`);
    const { at, head } = await openPaintedDot(page, (x, y) => page.touchscreen.tap(x, y));
    return `canvas ${dims.w} × ${dims.h} px for ${dims.cw} × ${dims.ch} CSS px; ${at.dots} dots painted by the ${at.painter}; a tap at (${at.x.toFixed(0)}, ${at.y.toFixed(0)}) opened "${head}"`;
  }],

  ['flow while the clock runs: a window resized across the phone breakpoint (a phone turned) redraws the lanes in the other layout, both ways', async () => {
    // The views keep their narrow-or-not answer until a resize (ui/views/mod.rs is_narrow).
    const page = await newPage('flow resize');
    await open(page, '#/flow?seed=2&scenario=slow-consumer&lang=es');
    await setPlaying(page, true);
    const width = async () => (await page.locator('svg.lanes:not(.lanes-base)').first().getAttribute('viewBox'))?.split(' ')[2];
    const seen = [await width()];
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(400);
      seen.push(await width());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `at ${viewport.width} px the page scrolls sideways by ${overflow} px`);
    }
    // flow::model WIDTH and NARROW_WIDTH.
    assert(seen.join(' ') === '640 420 640', `lanes' viewBox widths at 1280, 375, 1280 px: ${seen.join(', ')}, want 640, 420, 640`);
    await setPlaying(page, false);
    return `viewBox widths ${seen.join(' → ')}`;
  }],

  ['retention (slow-consumer): a click on a row away from the marks picks AT_TIMESTAMP at the time under the pointer', async () => {
    const page = await newPage('retention time click');
    // A mark's x (its arrival, seconds since start) gives the time at that x; the click goes to
    // the row's background above the marks' strokes.
    const strokes = await retentionFirstRowMarks(page);
    const target = strokes[Math.floor(strokes.length / 2)] ?? null;
    assert(target, 'the first row has no marks');
    await page.mouse.click(target.x, target.above);
    await until('[data-testid=iter-kind] should switch to AT_TIMESTAMP', async () =>
      (await page.locator(tid('iter-kind')).first().inputValue()) === 'AT_TIMESTAMP');
    const hours = Number(await page.locator(tid('iter-time')).first().inputValue());
    // The field shows hours with two decimals (36 s); a pixel is 1 / pxPerSec seconds.
    const tolerance = 18 + 2 / target.pxPerSec;
    assert(Math.abs(hours * 3600 - target.secs) <= tolerance,
      `clicked at ${target.secs} s since start; [data-testid=iter-time] says ${hours} h (${(hours * 3600).toFixed(0)} s), tolerance ${tolerance.toFixed(0)} s`);
    return `clicked at ${target.secs} s; the iterator time is ${hours} h`;
  }],

  ['pipelines (#/pipelines, no scenario named: e-commerce): deploy v2 at parallelism 16, it catches up, switch, revert', async () => {
    const page = await newPage('pipelines deploy');
    await open(page, '#/pipelines?seed=3&speed=600&lang=en', 'kappa-panel');
    const scenario = await page.locator(tid('scenario')).first().inputValue();
    assert(scenario === 'e-commerce', `a pipelines link without scenario= opened "${scenario}", want e-commerce`);
    const attr = (id, name) => page.locator(tid(id)).first().getAttribute(name);
    const disabled = async (id) => (await page.locator(tid(id)).first().getAttribute('disabled')) !== null;
    await setPlaying(page, true);
    await until('the serving layer should swap in batch view v2', async () => Number(await attr('lambda-horizon', 'data-version')) >= 2);
    await page.locator(tid('parallelism')).first().fill('16');
    await page.locator(tid('deploy')).first().click();
    await until('a second [data-testid=job-row] (v2) should appear', async () => (await page.locator(tid('job-row')).count()) === 2);
    await until('[data-testid=switch] should be enabled once v2 has caught up', async () => !(await disabled('switch')));
    const status = await page.locator(`${tid('job-row')}[data-version="2"] ${tid('job-status')}`).first().textContent();
    await page.locator(tid('switch')).first().click();
    await until('[data-testid=app-pointer] should point at table_v2', async () => (await attr('app-pointer', 'data-version')) === '2');
    const ratio = await attr('storage', 'data-ratio');
    await page.locator(tid('revert')).first().click();
    await until('[data-testid=app-pointer] should point back at table_v1', async () => (await attr('app-pointer', 'data-version')) === '1');
    await setPlaying(page, false);
    const replay = ((await page.locator(tid('fact-reprocessing-kappa')).first().textContent()) ?? '').trim();
    assert((await attr('pipeline-outcome', 'data-code')) === 'ok', 'the revert was refused');
    return `v2 "${status}", switched and reverted; storage during the overlap ${ratio}; reprocessing: "${replay}"`;
  }],

  ['pipelines: a bug in the speed layer makes the answer drift; after the fix, the next batch cycles correct it', async () => {
    const page = await newPage('pipelines bug');
    await open(page, '#/pipelines?seed=4&scenario=e-commerce&speed=60&lang=en', 'lambda-panel');
    const version = async () => Number(await page.locator(tid('lambda-horizon')).first().getAttribute('data-version'));
    const wrong = async () => Number(await page.locator(tid('lambda-wrong')).first().getAttribute('data-wrong'));
    await setPlaying(page, true);
    await until('batch view v1 should be served', async () => (await version()) >= 1);
    await page.locator(tid('speed-bug')).first().check();
    const drift = await until('[data-testid=lambda-wrong] should count wrong units', async () => ((await wrong()) > 0 ? wrong() : null));
    const fixedAt = await version();
    await page.locator(tid('speed-bug')).first().uncheck();
    await until('the realtime view still holds the wrong units right after the fix', async () => (await wrong()) > 0, 2000).catch(() => {
      throw new Error('the fix removed the wrong units at once: only a batch cycle should');
    });
    const corrected = await until('a later batch cycle should correct every wrong unit', async () => ((await wrong()) === 0 ? version() : null), 30000);
    await setPlaying(page, false);
    assert(corrected > fixedAt, `wrong units vanished without a swap (view v${corrected}, fixed at v${fixedAt})`);
    // Batch-only mode: one codebase, no realtime part.
    await page.locator(tid('batch-only')).first().check();
    const badge = await until('the badge should say 1 codebase', async () => {
      const t = ((await page.locator(tid('lambda-codebases')).first().textContent()) ?? '').trim();
      return t === '1 codebase' ? t : null;
    });
    const realtime = ((await page.locator(tid('lambda-realtime-total')).first().textContent()) ?? '').trim();
    assert(realtime === '—', `batch-only mode shows a realtime part "${realtime}"`);
    return `${drift} units wrong, bug fixed at view v${fixedAt}, all corrected by v${corrected} (${corrected - fixedAt} swap(s) later); batch-only: "${badge}"`;
  }],

  ['axe-core: #/overview, EN and ES, 1280x800 and 375x812, no serious or critical violation', axeCheck('overview')],
  ['axe-core: #/hashing (hot-key, "hello" typed), EN and ES, 1280x800 and 375x812, no serious or critical violation', axeCheck('hashing')],
  ['axe-core: #/flow (hot-key, details open), EN and ES, 1280x800 and 375x812, no serious or critical violation', axeCheck('flow')],
  ...Object.keys(EXTRA_VIEWS).map((view) => [
    `axe-core: #/${view}, EN and ES, 1280x800 and 375x812, no serious or critical violation`,
    axeCheck(view),
  ]),

  [`frame times: #/flow?${LOAD}&lang=en, played at 1× (informational; fails only under ${MIN_FRAMES} frames in 5 s)`, framesCheck('flow')],
  [`frame times: #/overview?${LOAD} (informational)`, framesCheck('overview')],
  [`frame times: #/hashing?${LOAD} (informational)`, framesCheck('hashing')],
  [`frame times: #/pipelines?${LOAD} (e-commerce, informational)`, framesCheck('pipelines')],

  ['screenshots: #/hashing and #/flow, hot-key after 3 s of play ("hello" typed in hashing), EN and ES, desktop and phone; neither scrolls sideways, the throttled lane\'s label fits its lane', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const before = screenshots.length;
    const sideways = [];
    for (const [name, viewport] of VIEWPORTS) {
      for (const lang of LANGS) {
        const hashing = await newPage(`shot hashing ${name} ${lang}`, viewport);
        await openHashingPlayed(hashing, lang);
        await shoot(hashing, `hashing-hot-key-${name}-${size(viewport)}-${lang}`);
        const flow = await newPage(`shot flow ${name} ${lang}`, viewport);
        await openHotKeyFlow(flow, lang, 3000);
        await shoot(flow, `flow-hot-key-${name}-${size(viewport)}-${lang}`);
        // The throttled lane's label stays inside its lane (a phone gets the short one).
        const labels = await flow.locator('.throttle-label').evaluateAll((els) => els.map((t) => {
          const r = t.getBoundingClientRect();
          const lane = t.closest('[data-testid=shard-lane]').querySelector('.lane-hit').getBoundingClientRect();
          return { text: t.textContent, inside: r.left >= lane.left - 0.5 && r.right <= lane.right + 0.5 };
        }));
        if (labels.length === 0) sideways.push(`#/flow ${name} ${lang}: no throttled lane's label after 3 s`);
        for (const l of labels) if (!l.inside) sideways.push(`#/flow ${name} ${lang}: the label "${l.text}" runs out of its lane`);
        for (const [view, page] of [['hashing', hashing], ['flow', flow]]) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) sideways.push(`#/${view} ${name} ${lang} scrolls sideways by ${overflow} px`);
        }
      }
    }
    assert(sideways.length === 0, sideways.join('; '));
    return `${screenshots.length - before} files`;
  }],
  ...Object.keys(EXTRA_VIEWS).map((view) => [
    `screenshots: #/${view} after playing, EN and ES, desktop and phone`,
    async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      const before = screenshots.length;
      for (const [name, viewport] of VIEWPORTS) {
        for (const lang of LANGS) {
          const page = await newPage(`shot ${view} ${name} ${lang}`, viewport);
          await openPlayed(page, view, lang);
          await shoot(page, `${view.replace('/', '-')}-${name}-${size(viewport)}-${lang}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) throw new Error(`#/${view} ${name} ${lang} scrolls sideways by ${overflow} px`);
        }
      }
      return `${screenshots.length - before} files`;
    },
  ]),
];

// Checked after every other check has run, over everything collected.

/** "label: message" lines grouped by message: "message  [on: label1, label2, …]". */
function grouped(lines) {
  const by = new Map();
  for (const line of lines) {
    const at = line.indexOf(': ');
    const [label, message] = [line.slice(0, at), line.slice(at + 2)];
    if (!by.has(message)) by.set(message, []);
    by.get(message).push(label);
  }
  return [...by].map(([message, labels]) => `${message}  [on: ${labels.join(', ')}]`).join('\n    ');
}

const finalChecks = [
  ['no console errors or uncaught exceptions', () => {
    assert(consoleErrors.length === 0, `${consoleErrors.length}:\n    ${grouped(consoleErrors)}`);
  }],
  ['no request leaves the origin', () => {
    assert(offOrigin.size === 0, `${offOrigin.size}:\n    ${grouped([...offOrigin])}`);
  }],
  ['no dialog (alert/confirm/prompt) on any page', () => {
    assert(dialogs.length === 0, grouped(dialogs));
  }],
];

// ---------------------------------------------------------------------------------------------

/** What a check module (tests/e2e/checks/*.mjs) gets to work with. */
const kit = {
  DESKTOP, PHONE, VIEWPORTS, LANGS, ARTIFACTS, TIMEOUT, size, tid, screenshots,
  newPage, open, until, assert, parseClock, clockMs, pressed, setPlaying, playLabel, docLang,
  nextClock, shoot, runAxe, triage, describeCounts, describeViolation, axeInto,
  /** The fake endpoint's live side (/live/log, /live/status): show(n), kill(), revive(). */
  liveFake,
  /** The static server: `url` (ends with /sub/), `origin`. */
  get server() { return server; },
  get browser() { return browser; },
};

/** The checks of every tests/e2e/checks/*.mjs, in file-name order. */
async function moduleChecks() {
  const dir = join(HERE, 'checks');
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((f) => f.endsWith('.mjs')).sort();
  const out = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    out.push(...mod.checks(kit));
  }
  return out;
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html not found: build first (make test-e2e does: trunk build --release --public-url ${PREFIX} --dist ${DIST})`);
  }
  server = await startServer({ root: DIST, prefix: PREFIX, extra: (req, res) => liveFake.handle(req, res) });
  console.log(`e2e: serving ${relative(process.cwd(), DIST) || DIST} at ${server.url}; chromium ${CHROMIUM}`);
  // launch() starts Chromium with a fresh temporary --user-data-dir and removes it on close.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  console.log(`e2e: Chromium ${browser.version()}`);

  let passed = 0;
  let failed = 0;
  const run = async (name, fn) => {
    const started = Date.now();
    try {
      const detail = await fn();
      passed += 1;
      const text = detail ? ` — ${String(detail).split('\n').join('\n     ')}` : '';
      console.log(`ok   ${name}${text} (${Date.now() - started} ms)`);
    } catch (err) {
      failed += 1;
      // eslint-disable-next-line no-control-regex
      const message = String(err?.message ?? err).replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
      console.log(`FAIL ${name}\n     ${message.split('\n').join('\n     ')}`);
    }
    // The check's pages stop here: nothing keeps playing into the next check.
    await Promise.all([...contexts].map((c) => c.close().catch(() => {})));
    contexts.clear();
  };
  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : null;
  const all = [...checks, ...(await moduleChecks())].filter(([name]) => !only || only.test(name));
  // A check marked { background: true } (the 24 h memory run: minutes of one busy renderer) starts
  // first and runs beside the others, on the second core, unless E2E_SERIAL=1 (then it runs
  // first, alone: use that for frame-time figures free of its load).
  const serial = process.env.E2E_SERIAL === '1';
  const isBackground = ([, , opts]) => Boolean(opts?.background);
  let background = Promise.resolve();
  for (const [name, fn] of all.filter(isBackground)) {
    const runIt = async () => {
      const started = Date.now();
      try {
        const detail = await fn();
        passed += 1;
        console.log(`ok   ${name}${detail ? ` — ${detail}` : ''} (${Date.now() - started} ms, in the background)`);
      } catch (err) {
        failed += 1;
        console.log(`FAIL ${name}\n     ${String(err?.message ?? err).split('\n').join('\n     ')}`);
      }
      await Promise.all([...backgroundContexts].map((c) => c.close().catch(() => {})));
      backgroundContexts.clear();
    };
    if (serial) await runIt();
    else background = background.then(runIt);
  }
  for (const check of all) if (!isBackground(check)) await run(check[0], check[1]);
  await background;
  for (const [name, fn] of finalChecks) await run(name, fn);

  for (const file of screenshots) console.log(`screenshot: ${relative(process.cwd(), file)}`);
  await browser.close();
  await server.close();
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  main().then(
    (code) => process.exit(code),
    async (err) => {
      console.error(`e2e: ${err?.stack ?? err}`);
      await browser?.close().catch(() => {});
      await server?.close().catch(() => {});
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
