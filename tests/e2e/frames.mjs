// Frame times for tier (e): requestAnimationFrame deltas measured inside the page, plus the
// main thread's script and task time per frame from the Chrome DevTools Protocol's Performance
// domain (headless Chromium may pace rAF to a fixed vsync, which hides how long a frame's work
// takes; the CDP durations do not), plus each frame's busy time: from the frame's start (the
// timestamp rAF passes) to the first task after the frame's rendering (a MessageChannel message
// posted from the rAF callback runs once the rAF callbacks, their microtasks (where Yew renders),
// style, layout and paint of that frame are done). The busy time is per frame, so it has a p95;
// the rAF delta of an idle page in headless Chromium already has p95 ≈ 16.8 ms (vsync jitter),
// so the delta cannot show whether a frame's own work fits in 16.7 ms, and the busy time can.
//
// Informational: the caller prints the figures and only fails a frozen page (too few frames).

/** The target a frame should meet at 60 Hz, ms. */
export const FRAME_BUDGET_MS = 16.7;

/** The `p` quantile (0..1) of `values` (nearest rank on a sorted copy); NaN when empty. */
export function quantile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** CDP Performance metrics as `{ name: value }`. */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/**
 * Runs a requestAnimationFrame loop in `page` for `warmupMs + measureMs`, keeping the deltas
 * (performance.now() between consecutive callbacks) that end after the warm-up. Around the
 * measured window it reads CDP's ScriptDuration, TaskDuration, LayoutDuration and
 * RecalcStyleDuration (seconds of main-thread time) and divides their growth by the frame count.
 *
 * Returns `{ frames, deltas, p50, p95, max, windowMs, busy: { p50, p95, max, frames },
 * perFrame: { script, task, layout, style } }` (per-frame figures in ms).
 */
export async function measureFrames(page, { warmupMs = 500, measureMs = 5000 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // The loop runs in the page; CDP's counters are read from here at the warm-up's end and when
  // the loop resolves, so the two windows match to within one round trip.
  const run = page.evaluate(
    ([warmup, measure]) =>
      new Promise((resolve) => {
        const deltas = [];
        const busy = [];
        const start = performance.now();
        let last = null;
        let warm = false;
        // Each measured frame posts one message; they run in order, each after its frame's
        // rendering. The loop's end posts a last one (null) that resolves once those have run.
        const channel = new MessageChannel();
        const pending = [];
        channel.port1.onmessage = () => {
          const frameStart = pending.shift();
          if (frameStart === null) resolve({ deltas, busy, windowMs: last - start - warmup });
          else if (frameStart !== undefined) busy.push(performance.now() - frameStart);
        };
        const tick = (frameStart) => {
          const now = performance.now();
          if (!warm && now - start >= warmup) {
            warm = true;
            window.__framesWarm = true;
          }
          if (last !== null && warm) deltas.push(now - last);
          last = now;
          pending.push(now - start < warmup + measure ? (warm ? frameStart : undefined) : null);
          channel.port2.postMessage(0);
          if (now - start < warmup + measure) requestAnimationFrame(tick);
        };
        window.__framesWarm = false;
        requestAnimationFrame(tick);
      }),
    [warmupMs, measureMs],
  );
  await page.waitForFunction(() => window.__framesWarm === true, null, {
    polling: 50,
    timeout: warmupMs + measureMs + 10000,
  });
  const before = await metrics(cdp);
  const { deltas, busy, windowMs } = await run;
  const after = await metrics(cdp);
  await cdp.send('Performance.disable').catch(() => {});
  await cdp.detach().catch(() => {});
  const frames = deltas.length;
  const per = (name) => (frames > 0 ? (((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / frames : NaN);
  return {
    frames,
    deltas,
    windowMs,
    p50: quantile(deltas, 0.5),
    p95: quantile(deltas, 0.95),
    max: frames ? Math.max(...deltas) : NaN,
    busy: {
      frames: busy.length,
      p50: quantile(busy, 0.5),
      p95: quantile(busy, 0.95),
      max: busy.length ? Math.max(...busy) : NaN,
    },
    perFrame: {
      script: per('ScriptDuration'),
      task: per('TaskDuration'),
      layout: per('LayoutDuration'),
      style: per('RecalcStyleDuration'),
    },
  };
}

const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '?');

/** "p50 X ms, p95 Y ms over N frames (target p95 ≤ 16.7 ms); busy p50 …, p95 …". */
export function describeFrames(r) {
  return (
    `rAF delta p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms over ${r.frames} frames (target p95 ≤ ${FRAME_BUDGET_MS} ms); ` +
    `busy per frame p50 ${ms(r.busy.p50)} ms, p95 ${ms(r.busy.p95)} ms, max ${ms(r.busy.max)} ms`
  );
}

/** The CDP line: main-thread time per frame (task time includes the script time). */
export function describeWork(r) {
  const f = r.perFrame;
  return (
    `per frame (CDP): script ${ms(f.script)} ms + other task ${ms(f.task - f.script)} ms = task ${ms(f.task)} ms ` +
    `(of which style ${ms(f.style)} ms, layout ${ms(f.layout)} ms); max frame ${ms(r.max)} ms`
  );
}
