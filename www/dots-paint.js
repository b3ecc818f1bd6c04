// The record dots' painter (src/ui/views/dots): the lanes' canvas, painted off the page's main
// thread where the browser can hand a canvas to a worker.
//
// A changed canvas is copied to the compositor in every frame; without a GPU that copy and the
// canvas's raster run while the page's main thread waits (benches/README.md, "The dots canvas
// on a phone", "Painting the dots in a worker"). Given to a worker (`transferControlToOffscreen`),
// the canvas is painted and committed on the worker's thread, beside the page's frame instead of
// inside it. Where the browser has no OffscreenCanvas or no module workers, the same `paint`
// runs on the page.
//
// This file is both sides: the page imports it (a wasm-bindgen snippet) and calls `dotsPainter`;
// the worker is this same module, started from its own URL.
//
// A frame is one Float64Array (built by `Paint::frame` in src/ui/views/dots/model.rs):
//   [0] width, [1] height of the backing store, device px
//   [2] scale from viewBox units to device px (0: nothing to paint)
//   [3] shift (added to every dot's x), [4] dot half-size, [5] lightness %
//   [6] outline (1 or 0), [7] outline width, [8] faded opacity
//   then 4 numbers per dot: x, y, hue, shape + 3 × faded (shape: 0 circle, 1 square, 2 triangle)

const HEADER = 9;
const PER_DOT = 4;

/** Fill colours by hue and lightness: a frame has a few hundred hues at most. */
const colours = new Map();
function colour(hue, light) {
  const key = hue * 1000 + light;
  let c = colours.get(key);
  if (c === undefined) {
    c = `hsl(${hue}, 70%, ${light}%)`;
    colours.set(key, c);
  }
  return c;
}

/** Paints one frame `f` on `canvas` (an HTMLCanvasElement or an OffscreenCanvas) with `ctx`. */
function paint(canvas, ctx, f) {
  const [w, h, k, shift, r, light, outline, outlineWidth, fadedAlpha] = f;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  if (!(k > 0)) return;
  ctx.setTransform(k, 0, 0, k, 0, 0);
  if (outline) {
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = outlineWidth;
  }
  let hue = -1;
  let faded = -1;
  for (let i = HEADER; i + PER_DOT <= f.length; i += PER_DOT) {
    const x = shift + f[i];
    const y = f[i + 1];
    const code = f[i + 3];
    const shape = code % 3;
    const isFaded = code >= 3 ? 1 : 0;
    if (isFaded !== faded) {
      faded = isFaded;
      ctx.globalAlpha = isFaded ? fadedAlpha : 1;
    }
    if (f[i + 2] !== hue) {
      hue = f[i + 2];
      ctx.fillStyle = colour(hue, light);
    }
    ctx.beginPath();
    if (shape === 0) {
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    } else if (shape === 1) {
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
    } else {
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.lineTo(x - r, y + r);
      ctx.closePath();
    }
    ctx.fill();
    if (outline) ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** A worker made from this module, or null where the browser cannot run module workers. */
function moduleWorker() {
  if (typeof Worker === 'undefined') return null;
  // A browser without module workers never reads `type`: it would run this file as a classic
  // script and fail on `export`. Reading the option is the standard way to tell.
  let read = false;
  const options = {
    get type() {
      read = true;
      return 'module';
    },
    name: 'dots',
  };
  try {
    const worker = new Worker(new URL(import.meta.url), options);
    if (read) return worker;
    worker.terminate();
  } catch (_) {
    // A blocked or failed worker: paint on the page.
  }
  return null;
}

/**
 * The canvas's OffscreenCanvas for `worker`, or null (and the worker stopped) when the browser
 * refuses: `transferControlToOffscreen` throws for a canvas that already has a context or was
 * transferred before, and the page then paints it itself.
 */
function transfer(canvas, worker) {
  try {
    return canvas.transferControlToOffscreen();
  } catch (_) {
    worker.terminate();
    return null;
  }
}

/**
 * Takes over painting `canvas` and returns a function the page calls with each frame (a
 * Float64Array, handed over) and with `null` when the canvas goes away.
 */
export function dotsPainter(canvas) {
  const worker = typeof canvas.transferControlToOffscreen === 'function' ? moduleWorker() : null;
  const offscreen = worker ? transfer(canvas, worker) : null;
  if (offscreen) {
    worker.postMessage({ canvas: offscreen }, [offscreen]);
    canvas.dataset.painter = 'worker';
    return (frame) => {
      if (frame === null) worker.terminate();
      else worker.postMessage(frame, [frame.buffer]);
    };
  }
  const ctx = canvas.getContext('2d');
  canvas.dataset.painter = 'page';
  return (frame) => {
    if (frame !== null && ctx) paint(canvas, ctx, frame);
  };
}

// The worker's side: the first message brings the canvas, every later one a frame. Frames that
// queue up while one is painted are skipped for the newest (painting is scheduled as a task, so
// the messages already waiting are read first).
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  let canvas = null;
  let ctx = null;
  let latest = null;
  self.onmessage = (e) => {
    if (e.data && e.data.canvas) {
      canvas = e.data.canvas;
      ctx = canvas.getContext('2d');
      return;
    }
    const pending = latest !== null;
    latest = e.data;
    if (!pending) {
      setTimeout(() => {
        const f = latest;
        latest = null;
        if (ctx && f) paint(canvas, ctx, f);
      }, 0);
    }
  };
}
