// Issue #18, "the live window": `/sub/?live=1#/flow` on the fake endpoint (live-fake.mjs, the
// course's boto3 producer from tests/fixtures/live-log.jsonl). The browser replays the log into
// its own engine: the records land on the lanes and the hashing bar as the student's own, the
// digest it computes equals the endpoint's at the same (calls, at_ms), the client's GetRecords
// cursor shows on its shard, and a stream killed and restarted catches up from Last-Event-ID.
// Screenshots ES/EN at 1280 and 375 px of the flow and hashing views, axe-core on each.

export function checks(kit) {
  const { newPage, until, assert, tid, shoot, axeInto, VIEWPORTS, LANGS, size, ARTIFACTS, liveFake } = kit;
  const attr = async (page, id, name) => page.locator(tid(id)).first().getAttribute(name);
  const text = async (page, id) => ((await page.locator(tid(id)).first().textContent()) ?? '').trim();
  const all = () => liveFake.lines.length;
  const openLive = async (page, lang, hash = '#/flow') => {
    await page.goto(`${kit.server.url}?live=1&lang=${lang}${hash}`, { waitUntil: 'load' });
    await page.locator(tid('live-banner')).first().waitFor({ state: 'visible' });
  };
  /** Waits until the browser compared its digest at `calls` calls and returns the check's text. */
  const agreedAt = async (page, calls) => until(`the digests should agree after ${calls} calls`, async () => {
    const [agrees, at] = [await attr(page, 'live-check', 'data-agrees'), await attr(page, 'live-check', 'data-calls')];
    if (agrees === 'false') throw new Error(`digests differ: ${await text(page, 'live-check')}`);
    return agrees === 'true' && Number(at) === calls ? text(page, 'live-check') : null;
  });

  return [
    ['live: the producer\'s records on the lanes and the hashing bar, equal digests, catch-up after a restart', async () => {
      liveFake.revive();
      liveFake.show(8);
      try {
        const page = await newPage('live flow');
        await openLive(page, 'en');
        await until('the badge should say live', async () => (await attr(page, 'live-badge', 'data-state')) === 'live');
        const first = await agreedAt(page, 8);
        assert(Number(await attr(page, 'live-calls', 'data-n')) === 8, `calls received: ${await text(page, 'live-calls')}`);
        const server = await text(page, 'live-server-digest');
        const ours = await text(page, 'live-our-digest');
        assert(server === ours && server === liveFake.tickFor(8).digest, `server ${server}, ours ${ours}, fixture ${liveFake.tickFor(8).digest}`);
        // Calls 4–8 are five PutRecord calls: five records of the student's on the lanes.
        const yours = await until('five records of yours on the lanes', async () => {
          const n = await page.locator(`${tid('shard-lane')} ${tid('record-yours')}`).count();
          return n === 5 ? n : null;
        });
        const lanes = await page.locator(tid('shard-lane')).count();
        assert(lanes === 2, `mi-stream has 2 shards, lanes drawn: ${lanes}`);
        assert((await page.locator(tid('producer')).count()) === 0, 'no simulated producer in live mode');

        // The endpoint restarts: the stream ends, new connections wait; meanwhile it logs the rest.
        liveFake.kill();
        await until('the badge should say reconnecting', async () =>
          ['reconnecting', 'connecting'].includes(await attr(page, 'live-badge', 'data-state')));
        liveFake.show(all());
        liveFake.revive();
        const caught = await agreedAt(page, all());
        assert(liveFake.lastEventIds.includes('8'), `the reconnect should send Last-Event-ID 8: ${liveFake.lastEventIds}`);
        assert(Number(await attr(page, 'live-calls', 'data-n')) === all(), `calls after catch-up: ${await text(page, 'live-calls')}`);
        await until('ten records of yours on the lanes', async () =>
          (await page.locator(`${tid('shard-lane')} ${tid('record-yours')}`).count()) === 10);
        // GetShardIterator + GetRecords (Limit 1) on shard 0: the client's cursor there.
        const cursor = await until('the GetRecords cursor on shard 0', async () => {
          const c = page.locator(tid('client-cursor'));
          return (await c.count()) === 1 ? (await c.first().textContent()).trim() : null;
        });
        assert(cursor.includes('GetRecords #0'), `cursor label: ${cursor}`);

        // The hashing bar: the same ten keys, marked as the student's.
        await page.locator('a.tab[href="#/hashing"]').click();
        const marks = await until('the hashing bar should mark the records', async () => {
          const n = await page.locator(tid('hash-yours')).count();
          return n > 0 ? n : null;
        });
        assert(new URL(page.url()).hash.includes('live=1'), `the hash keeps live mode: ${page.url()}`);
        // The retention view marks them on its time axis, the overview on its lanes.
        await page.locator('a.tab[href="#/retention"]').click();
        const kept = await until('the retention view should mark the records', async () => {
          const n = await page.locator(tid('ret-yours')).count();
          return n > 0 ? n : null;
        });
        await page.locator('a.tab[href="#/overview"]').click();
        const lanesYours = await until('the overview should ring the records', async () => {
          const n = await page.locator(tid('record-yours')).count();
          return n > 0 ? n : null;
        });
        const legend = await text(page, 'live-state');

        // A reload starts from call 0 and replays everything.
        await page.reload({ waitUntil: 'load' });
        const again = await agreedAt(page, all());
        return `${first}; ${yours} records of yours; restart → Last-Event-ID ${liveFake.lastEventIds.join(',')}, ${caught}; cursor "${cursor}"; ${marks} hash marks, ${kept} retention marks, ${lanesYours} overview rings (badge "${legend}"); reload: ${again}`;
      } finally {
        liveFake.revive();
        liveFake.show(all());
      }
    }],
    ['live: a log that refuses the stream shows "disconnected" and a Reconnect button; live=/path reads another log', async () => {
      const page = await newPage('live closed');
      await page.goto(`${kit.server.url}?live=%2Flive%2Fclosed&lang=es#/flow`, { waitUntil: 'load' });
      await until('the badge should say disconnected', async () => (await attr(page, 'live-badge', 'data-state')) === 'disconnected');
      const state = await text(page, 'live-state');
      assert(state === 'desconectado', `state text: ${state}`);
      const before = liveFake.closedHits;
      await page.locator(tid('live-reconnect')).click();
      await until('Reconnect opens the log again (and it refuses again)', async () =>
        liveFake.closedHits > before && (await attr(page, 'live-badge', 'data-state')) === 'disconnected');
      assert(Number(await attr(page, 'live-calls', 'data-n')) === 0, 'no call from a refused log');
      return `badge "${state}", Reconnect opened /live/closed again (${liveFake.closedHits} requests)`;
    }],
    ['live: screenshots ES/EN at 1280 and 375 px, axe-core clean', async () => {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(ARTIFACTS, { recursive: true });
      const lines = [];
      const failing = [];
      for (const [name, viewport] of VIEWPORTS) {
        for (const lang of LANGS) {
          const page = await newPage(`live ${name} ${lang}`, viewport);
          await openLive(page, lang);
          await agreedAt(page, all());
          await page.locator(tid('client-cursor')).first().waitFor({ state: 'attached' });
          await shoot(page, `live-flow-${name}-${size(viewport)}-${lang}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 0, `live ${name} ${lang} scrolls sideways by ${overflow} px`);
          await axeInto(page, `live ${name} ${lang}`, lines, failing);
          // The hashing view: the ten keys on the bar, marked as the student's.
          await page.locator('a.tab[href="#/hashing"]').click();
          await page.locator(tid('hash-yours')).first().waitFor({ state: 'attached' });
          await shoot(page, `live-hashing-${name}-${size(viewport)}-${lang}`);
          await axeInto(page, `live hashing ${name} ${lang}`, lines, failing);
          await page.context().close();
        }
      }
      assert(failing.length === 0, failing.join('\n'));
      return lines.join('; ');
    }],
  ];
}
