// Issue #17, "Metrics" (#/metrics): CloudWatch-style charts drawn by the app from the world's
// per-minute rollups, the alarm (N of M periods), and enhanced (shard-level) monitoring.
//
// Each chart is a <figure data-metric="…" data-latest="…">: data-latest is the newest point's
// value of the chosen statistic (empty before any data). The alarm line carries its state in
// data-alarm-state.

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, shoot, axeInto, VIEWPORTS, LANGS, size } = kit;

  const latest = async (page, metric, scope = '') => {
    const el = page.locator(`${scope} figure[data-metric="${metric}"]`.trim());
    if ((await el.count()) === 0) return null;
    const v = await el.first().getAttribute('data-latest');
    return v === null || v === '' ? null : Number(v);
  };
  const alarmState = async (page) => page.locator(tid('metrics-alarm')).first().getAttribute('data-alarm-state');

  return [
    ['metrics: WriteProvisionedThroughputExceeded rises in hot-key', async () => {
      const page = await newPage('metrics hot-key');
      await open(page, '#/metrics?scenario=hot-key&speed=10&lang=en');
      const before = await latest(page, 'WriteProvisionedThroughputExceeded');
      assert(before === null || before === 0, `before playing: ${before}`);
      await setPlaying(page, true);
      const v = await until('WriteProvisionedThroughputExceeded should become > 0', async () => {
        const x = await latest(page, 'WriteProvisionedThroughputExceeded');
        return x !== null && x > 0 ? x : null;
      }, 60_000);
      const text = ((await page.locator('figure[data-metric="WriteProvisionedThroughputExceeded"] .metrics-latest').first().textContent()) ?? '').trim();
      assert(/^Latest: [\d,]+/.test(text), `readout: ${JSON.stringify(text)}`);
      const incoming = await latest(page, 'IncomingRecords');
      assert(incoming !== null && incoming > 0, `IncomingRecords ${incoming}`);
      await page.context().close();
      return `latest Sum ${v}; ${text}`;
    }],

    ['metrics: the IteratorAge alarm goes to ALARM in slow-consumer; enhanced monitoring adds shard-level charts', async () => {
      const page = await newPage('metrics slow-consumer');
      await open(page, '#/metrics?scenario=slow-consumer&speed=10&lang=es');
      assert(await alarmState(page) === 'INSUFFICIENT_DATA', `at start: ${await alarmState(page)}`);
      assert(await page.locator(`${tid('metrics-shard-charts')} figure`).count() === 0, 'no shard-level chart before enabling');
      await setPlaying(page, true);
      await page.locator(tid('metrics-enable')).first().click();
      const shardCharts = await until('seven shard-level charts should show', async () => {
        const n = await page.locator(`${tid('metrics-shard-charts')} figure`).count();
        return n === 7 ? n : null;
      });
      await until('a shard-level chart should get data', async () =>
        (await latest(page, 'IncomingRecords', tid('metrics-shard-charts'))) > 0);
      const state = await until('the alarm should go to ALARM', async () =>
        (await alarmState(page)) === 'ALARM' ? 'ALARM' : null, 120_000);
      const line = ((await page.locator(tid('metrics-alarm')).first().textContent()) ?? '').trim();
      assert(/ALARM · desde \d\d:\d\d/.test(line), `alarm line: ${JSON.stringify(line)}`);
      const threshold = await page.locator('figure[data-metric="GetRecords.IteratorAgeMilliseconds"] .metrics-threshold').count();
      assert(threshold === 1, 'the threshold is drawn on the IteratorAge chart');
      await page.locator(tid('metrics-disable')).first().click();
      await until('disabling should remove the shard-level charts', async () =>
        (await page.locator(`${tid('metrics-shard-charts')} figure`).count()) === 0);
      await page.context().close();
      return `${shardCharts} shard charts; ${line}`;
    }],

    ['metrics: screenshots ES/EN at 1280 and 375 px, no sideways overflow, axe clean', async () => {
      const lines = [];
      const failing = [];
      for (const lang of LANGS) {
        for (const [name, viewport] of VIEWPORTS) {
          const page = await newPage(`metrics ${lang} ${name}`, viewport);
          await open(page, `#/metrics?scenario=hot-key&speed=10&lang=${lang}`);
          await setPlaying(page, true);
          await page.locator(tid('metrics-enable')).first().click();
          await until('charts should have data', async () => (await latest(page, 'IncomingRecords')) > 0, 60_000);
          await until('shard charts should have data', async () =>
            (await latest(page, 'IncomingRecords', tid('metrics-shard-charts'))) > 0);
          await setPlaying(page, false);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 0, `${lang} ${size(viewport)}: ${overflow} px sideways overflow`);
          await shoot(page, `metrics-${lang}-${viewport.width}`);
          await axeInto(page, `${lang} ${size(viewport)}`, lines, failing);
          await page.context().close();
        }
      }
      assert(failing.length === 0, `serious/critical axe findings:\n${failing.join('\n')}`);
      return lines.join('; ');
    }],
  ];
}
