// A fake of the local endpoint's live side (issue #18), for the e2e tier: it serves
// `GET /live/log` (server-sent events) and `GET /live/status` exactly as the live protocol says,
// from a fixture command log, and computes nothing:
//
// - tests/fixtures/live-log.jsonl: the replay lines (the course's boto3 producer on `mi-stream`,
//   then a GetShardIterator and a GetRecords);
// - tests/fixtures/live-ticks.json: the endpoint's config and speed, and the engine's digest after
//   each prefix of the log (plus one tick 2 s after the last call), written and asserted by the
//   native test tests/world/live.rs, so the digests here are the real engine's.
//
// Protocol: on every connection `event: config` (config, speed, calls so far), then every call
// with id > N (N from Last-Event-ID, else ?after=N, else 0) as `event: call` / `id: n`, then a
// tick at once and every 250 ms (`event: tick`, the fixture's tick for the calls shown). Calls
// made visible later (`show(n)`) are sent live to the open streams.
//
// `/live/closed` answers 204 No Content, which tells EventSource not to reconnect (the badge's
// "disconnected" state).
//
// Test controls: `show(n)` (how many calls of the fixture are logged so far), `kill()` (end every
// open stream, and hold new connections unanswered, as a server restarting would), `revive()`
// (answer the held ones), `lastEventIds` (the Last-Event-ID headers received, in order: the
// catch-up evidence). Streams end cleanly and held requests wait, rather than sockets being
// reset, so the browser logs no network error while it reconnects.
//
// Standalone: `node tests/e2e/live-fake.mjs [dist-dir] [port]` serves the app under /sub/ and
// the fake on the same origin: open http://127.0.0.1:8082/sub/?live=1#/flow.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const LOG_FIXTURE = join(HERE, '../fixtures/live-log.jsonl');
export const TICKS_FIXTURE = join(HERE, '../fixtures/live-ticks.json');
const TICK_MS = 250;

/** The fake. `visible`: calls logged at the start (default: all of them). */
export function createLiveFake({ visible } = {}) {
  const lines = readFileSync(LOG_FIXTURE, 'utf8').split('\n').filter((l) => l.length > 0);
  const { config, speed, ticks } = JSON.parse(readFileSync(TICKS_FIXTURE, 'utf8'));
  let shown = visible ?? lines.length;
  let down = false;
  const held = [];
  const streams = new Set();
  const lastEventIds = [];
  let closedHits = 0;

  /** The endpoint's tick once `n` calls are logged: the last fixture tick with that count. */
  const tickFor = (n) => [...ticks].reverse().find((t) => t.calls === n);
  const frame = (fields) => fields.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n\n';
  const callFrame = (id) => frame([['event', 'call'], ['id', id], ['data', lines[id - 1]]]);
  const tickFrame = () => frame([['event', 'tick'], ['data', JSON.stringify(tickFor(shown))]]);

  function openLog(req, res, url) {
    if (down) {
      // Restarting: the request waits (EventSource stays "connecting") until revive().
      held.push([req, res, url]);
      return;
    }
    const header = req.headers['last-event-id'];
    if (header !== undefined) lastEventIds.push(header);
    const after = Number(header ?? url.searchParams.get('after') ?? 0) || 0;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(frame([['event', 'config'], ['data', JSON.stringify({ config, speed, calls: shown })]]));
    for (let id = after + 1; id <= shown; id += 1) res.write(callFrame(id));
    res.write(tickFrame());
    const stream = { res, sent: Math.max(after, shown) };
    stream.timer = setInterval(() => res.write(tickFrame()), TICK_MS);
    streams.add(stream);
    const close = () => {
      clearInterval(stream.timer);
      streams.delete(stream);
    };
    res.on('close', close);
    req.on('close', close);
  }

  return {
    lines,
    /** Handles `/live/log` and `/live/status`; false for anything else. */
    handle(req, res) {
      const url = new URL(req.url, 'http://localhost');
      if (req.method !== 'GET') return false;
      if (url.pathname === '/live/log') {
        openLog(req, res, url);
        return true;
      }
      if (url.pathname === '/live/closed') {
        // An endpoint that refuses the log: 204 tells EventSource to stop reconnecting.
        closedHits += 1;
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        res.end();
        return true;
      }
      if (url.pathname === '/live/status') {
        const t = tickFor(shown);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify({ at_ms: t.at_ms, calls: t.calls, digest: t.digest }));
        return true;
      }
      return false;
    },
    /** Logs the fixture's calls up to `n` (sent at once to the open streams). */
    show(n) {
      shown = Math.min(n, lines.length);
      for (const s of streams) {
        for (let id = s.sent + 1; id <= shown; id += 1) s.res.write(callFrame(id));
        s.sent = Math.max(s.sent, shown);
        s.res.write(tickFrame());
      }
    },
    /** Ends every open stream, and holds every new connection until revive(). */
    kill() {
      down = true;
      for (const s of [...streams]) {
        clearInterval(s.timer);
        s.res.end();
        streams.delete(s);
      }
    },
    /** Answers the held connections, and the next ones at once. */
    revive() {
      down = false;
      for (const [req, res, url] of held.splice(0)) if (!res.destroyed) openLog(req, res, url);
    },
    get open() { return streams.size; },
    /** Requests to /live/closed so far. */
    get closedHits() { return closedHits; },
    lastEventIds,
    tickFor,
  };
}

// Standalone: the app under /sub/ and the fake on one origin.
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const { startServer } = await import('./server.mjs');
  const root = process.argv[2] || 'target/e2e-dist';
  const port = Number(process.argv[3] || 8082);
  const fake = createLiveFake();
  const { url } = await startServer({ root: resolve(root), port, extra: (req, res) => fake.handle(req, res) });
  console.log(`live fake: ${fake.lines.length} calls; open ${url}?live=1#/flow`);
}
