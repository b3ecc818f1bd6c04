// Issue #17, "The KCL, drawn" (#/kcl): the lease table, workers with their leases, failover and
// rebalancing (src/ui/views/kcl, src/world/polling.rs, src/world/lease.rs).
//
// The default scenario (activity-logs) has no polling application: the view's button adds one
// (2 workers). With 4 shards, KCL 2.x's taker gives worker 0 every lease at start and worker 1
// steals one per taker run (20.05 s) until both hold two. Killing worker 0 stops its renewals:
// its leases expire 10 s after their last renewal and worker 1's next taker run takes them.

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, clockMs, shoot, runAxe, triage, describeCounts, describeViolation, VIEWPORTS, LANGS, size } = kit;

  /** Rows of the lease table: `{ shard, owner }` (owner '' when none). */
  const rows = (page) => page.locator(`${tid('kcl-lease-table')} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => ({ shard: tr.dataset.shard, owner: tr.dataset.owner, state: tr.className })));
  /** Leases (unfinished) per worker, from the worker boxes. */
  const chips = (page, n) => page.locator(`${tid(`kcl-worker-${n}`)} .kcl-chip`).count();

  /** Opens the view on activity-logs with 4 shards, adds the KCL application, plays at 10×. */
  const start = async (page, lang) => {
    await open(page, `#/kcl?scenario=activity-logs&shards=4&seed=7&speed=10&lang=${lang}`, 'kcl-add-app');
    await page.locator(tid('kcl-add-app')).first().click();
    await page.locator(tid('kcl-lease-table')).first().waitFor({ state: 'visible' });
  };

  return [
    ['kcl: adding a worker rebalances', async () => {
      const page = await newPage('kcl add worker');
      await start(page, 'en');
      await setPlaying(page, true);
      // Start: worker 0 took the four leases, worker 1 stole one at once; 20 s later, one more.
      await until('the two workers should hold 2 leases each', async () =>
        (await chips(page, 0)) === 2 && (await chips(page, 1)) === 2, 60_000);
      await page.locator(tid('kcl-add-worker')).first().click();
      await page.locator(tid('kcl-worker-2')).first().waitFor({ state: 'visible' });
      const t0 = (await clockMs(page)).ms;
      await until('worker 2 should get a lease (stolen by its first taker run)', async () => (await chips(page, 2)) >= 1, 30_000);
      const stolen = (await rows(page)).filter((r) => r.owner === '2').map((r) => r.shard);
      assert(stolen.length === 1, `worker 2's first taker run steals one lease, not ${stolen.length}`);
      const moves = ((await page.locator(tid('kcl-moves')).first().textContent()) ?? '');
      assert(/stolen from worker-[01] → worker-2/.test(moves), `the move log names the steal: ${moves}`);
      await setPlaying(page, false);
      const counts = [await chips(page, 0), await chips(page, 1), await chips(page, 2)];
      assert(counts.reduce((a, b) => a + b, 0) === 4 && Math.max(...counts) - Math.min(...counts) <= 1,
        `4 leases over 3 workers: ${counts}`);
      await page.context().close();
      return `added at ${t0} ms; worker 2 took shard ${stolen[0]}; leases per worker ${counts.join('/')}`;
    }],

    ["kcl: a killed worker's lease moves", async () => {
      const page = await newPage('kcl kill worker');
      await start(page, 'en');
      await setPlaying(page, true);
      await until('the two workers should hold 2 leases each', async () =>
        (await chips(page, 0)) === 2 && (await chips(page, 1)) === 2, 60_000);
      const owned = (await rows(page)).filter((r) => r.owner === '0').map((r) => r.shard);
      await page.locator(tid('kcl-kill-0')).first().click();
      const killedAt = (await clockMs(page)).ms;
      // The lease still names worker 0 while it counts down to expiry.
      const countdown = await until('a lease of the dead worker should count down', async () => {
        const t = ((await page.locator(`${tid('kcl-lease-table')} tr.expiring .kcl-state`).first().textContent().catch(() => '')) ?? '');
        return /expires in/.test(t) ? t : null;
      }, 10_000).catch(() => 'not caught (the tick passed)');
      await until('worker 0\'s leases should name another worker', async () => {
        const now = await rows(page);
        return owned.every((s) => now.find((r) => r.shard === s)?.owner === '1');
      }, 60_000);
      const after = (await clockMs(page)).ms;
      await setPlaying(page, false);
      assert(after - killedAt >= 10_000, `the leases moved ${after - killedAt} ms after the kill, before failoverTimeMillis`);
      const dupEl = page.locator(tid('kcl-dup-count')).first();
      const dups = Number(await dupEl.getAttribute('data-count'));
      const dupText = ((await dupEl.textContent()) ?? '').trim();
      assert(Number.isFinite(dups) && dupText.includes('read twice'), `duplicate counter shown: ${dupText}`);
      const owner = ((await page.locator(`${tid('kcl-lease-table')} tr[data-shard="${owned[0]}"] td`).first().textContent()) ?? '');
      assert(owner.includes('worker-1'), `row ${owned[0]} names ${owner}`);
      await shoot(page, 'kcl-failover-en-1280');
      await page.context().close();
      return `shards ${owned} moved to worker-1 ${after - killedAt} ms after the kill (${countdown.trim()}); ${dups} records read twice`;
    }],

    ['kcl: axe clean and screenshots (EN/ES, 1280/375)', async () => {
      const out = [];
      for (const [vname, viewport] of VIEWPORTS) {
        for (const lang of LANGS) {
          const page = await newPage(`kcl ${lang} ${vname}`, viewport);
          await start(page, lang);
          await setPlaying(page, true);
          await until('a lease should be stolen at start', async () => (await chips(page, 1)) >= 1, 30_000);
          await page.locator(tid('kcl-kill-0')).first().click();
          await until('a row should count down or wait for the taker', async () =>
            (await page.locator(`${tid('kcl-lease-table')} tr.expiring, ${tid('kcl-lease-table')} tr.expired`).count()) > 0, 15_000);
          await setPlaying(page, false);
          const results = await runAxe(page);
          const { failing: bad, counts } = triage(results);
          assert(bad.length === 0, `axe ${lang} ${vname}: ${bad.map(describeViolation).join('; ')}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 0, `${lang} ${vname}: the page overflows sideways by ${overflow} px`);
          await shoot(page, `kcl-${lang}-${size(viewport)}`);
          out.push(`${lang} ${vname}: ${describeCounts(counts)}`);
          await page.context().close();
        }
      }
      return out.join('; ');
    }],
  ];
}
