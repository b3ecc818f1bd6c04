// Issue #17, "Cost and capacity" (#/cost): the course's $0.015 per shard-hour comes out of the
// cost formula, the cheaper-mode answer follows the producers' rate, UpdateStreamMode from the
// view switches the stream to ON_DEMAND (AWS's two-per-24-hours limit shown as its error) and the
// scaling chart shows the shards AWS added; axe and screenshots in ES/EN at 1280 and 375 px.

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, shoot, axeInto, VIEWPORTS, LANGS, size, DESKTOP } = kit;

  const text = async (page, id) => ((await page.locator(tid(id)).first().textContent()) ?? '').trim();

  return [
    ["cost: the course's $0.015 per shard-hour reproduces", async () => {
      const out = [];
      for (const [lang, want] of [['en', '$0.015'], ['es', '0,015\u00a0US$']]) {
        const page = await newPage(`cost price ${lang}`);
        await open(page, `#/cost?shards=1&lang=${lang}`, 'cost-view');
        const got = await text(page, 'price-shard-hour');
        assert(got === want, `${lang}: one shard-hour shows ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
        const date = await text(page, 'prices-date');
        assert(/us-east-1/.test(date) && /\d{4}-\d{2}-\d{2}/.test(date), `${lang}: the prices' date line reads ${JSON.stringify(date)}`);
        out.push(`${lang} ${got}`);
        await page.context().close();
      }
      return out.join(', ');
    }],

    ['cost: the cheaper-mode answer changes when the rate changes', async () => {
      const page = await newPage('cost compare', DESKTOP);
      await open(page, '#/cost?seed=1&shards=4&rate=10&lang=en', 'cost-view');
      const mode = () => page.locator(tid('cheaper')).first().getAttribute('data-mode');
      const before = await mode();
      const first = await text(page, 'cheaper');
      assert(before === 'ON_DEMAND', `4 idle shards at 10 records/s: cheaper is ${before} (${first})`);
      const rate = page.locator(tid('rate')).first();
      await rate.fill('1000');
      await rate.press('Enter');
      const after = await until('the answer should turn to PROVISIONED at 1000 records/s', async () =>
        (await mode()) === 'PROVISIONED' ? text(page, 'cheaper') : null);
      await page.context().close();
      return `"${first}" → "${after}"`;
    }],

    ['cost: UpdateStreamMode to ON_DEMAND from the UI shows the scaling chart', async () => {
      const page = await newPage('cost mode', DESKTOP);
      await open(page, '#/cost?seed=1&shards=1&rate=50&speed=10&lang=en', 'cost-view');
      await page.locator(tid('switch-mode')).first().click();
      const accepted = await until('AWS should accept the switch', async () => {
        const t = await text(page, 'mode-answer').catch(() => '');
        return /Accepted/.test(t) ? t : null;
      });
      await setPlaying(page, true);
      const summary = await until('the stream should be ON_DEMAND and ACTIVE with at least 4 shards drawn', async () => {
        const now = await text(page, 'mode-now');
        if (!/ON_DEMAND \(ACTIVE\)/.test(now)) return null;
        const s = await text(page, 'scaling-summary').catch(() => '');
        const m = /Now (\d+) shards/.exec(s);
        return m && Number(m[1]) >= 4 ? s : null;
      }, 30_000);
      const spans = await page.locator(`${tid('scaling-chart')} rect.cost-od-span`).count();
      assert(spans >= 1, 'the scaling chart shades no on-demand period');
      const points = ((await page.locator(`${tid('scaling-chart')} polyline.cost-line-capacity`).first().getAttribute('points')) ?? '').split(' ');
      const ys = new Set(points.map((p) => p.split(',')[1]));
      assert(ys.size >= 2, `the capacity line does not step: ${points.slice(0, 6).join(' ')}`);
      // Back to PROVISIONED, then a third switch within 24 h: AWS's LimitExceededException.
      await page.locator(tid('switch-mode')).first().click();
      await until('the stream should be PROVISIONED and ACTIVE again', async () => /PROVISIONED \(ACTIVE\)/.test(await text(page, 'mode-now')), 30_000);
      await setPlaying(page, false);
      await page.locator(tid('switch-mode')).first().click();
      const error = await until('the third switch should be refused', async () => {
        const t = await text(page, 'mode-answer').catch(() => '');
        return /LimitExceededException/.test(t) ? t : null;
      });
      await page.context().close();
      return `${accepted}; ${summary}; ${spans} on-demand span(s); third switch: ${error}`;
    }],

    ['cost: screenshots ES/EN at 1280 and 375 px, axe clean, nothing overflows sideways', async () => {
      const lines = [];
      const failing = [];
      for (const lang of LANGS) {
        for (const [name, viewport] of VIEWPORTS) {
          const page = await newPage(`cost ${lang} ${name}`, viewport);
          await open(page, `#/cost?seed=3&shards=4&rate=40&speed=10&lang=${lang}`, 'cost-view');
          await setPlaying(page, true);
          await page.waitForTimeout(2500);
          await setPlaying(page, false);
          await shoot(page, `cost-${lang}-${viewport.width}`);
          const overflow = await page.evaluate(() => {
            const wide = [...document.querySelectorAll('[data-testid=cost-view] *')]
              .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className}`);
            return { px: document.documentElement.scrollWidth - document.documentElement.clientWidth, wide };
          });
          if (overflow.px > 0) failing.push(`${lang} ${size(viewport)}: the page is ${overflow.px} px wider than the window (${overflow.wide.join(', ')})`);
          await axeInto(page, `${lang} ${size(viewport)}`, lines, failing);
          await page.context().close();
        }
      }
      assert(failing.length === 0, `overflow or serious/critical axe findings:\n${failing.join('\n')}`);
      return lines.join('; ');
    }],
  ];
}
