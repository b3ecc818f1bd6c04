// Issue #16, "Time you can go back in": the "−10 s" button and the scrubber beside the clock
// (src/ui/app/rewind.rs), `t=` links that play forward when the page opens, and `autoplay=1`.
//
// The rewind is checked against a straight run: the page plays, pauses, goes back 10 s, and its
// digest must equal the digest of a fresh page opened with `t=<that instant>` (which plays
// straight to it, in pieces per frame). The rewind controls carry the exact instant in
// `data-ms` (the clock shows tenths only).

const DIGEST = '[data-testid=digest]';

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, shoot, axeInto, VIEWPORTS, LANGS, size } = kit;

  const instant = async (page) => Number(await page.locator(tid('rewind-controls')).first().getAttribute('data-ms'));
  const digest = async (page) => ((await page.locator(DIGEST).first().textContent()) ?? '').trim();
  /** Waits until a `t=` seek has landed (no progress line, the rewind controls back). */
  const landed = (page, timeout) => until('the t= seek should land', async () =>
    (await page.locator(tid('seek-progress')).count()) === 0 && (await page.locator(tid('rewind-controls')).count()) > 0,
  timeout);

  return [
    ['timeline: −10 s gives the digest of a straight run to the same instant (opened with t=)', async () => {
      const page = await newPage('timeline rewind');
      await open(page, '#/overview?seed=7&speed=10&lang=es');
      await setPlaying(page, true);
      await until('the clock should pass 25 s', async () => (await instant(page)) > 25_000);
      await setPlaying(page, false);
      const before = await instant(page);
      const ahead = await digest(page);
      await page.locator(tid('rewind')).first().click();
      const at = await until('the clock should go back 10 s', async () => {
        const ms = await instant(page);
        return ms === before - 10_000 ? ms : null;
      });
      const rewound = await digest(page);
      assert(rewound !== ahead, `the digest did not change on rewinding (${rewound})`);
      const clock = ((await page.locator(tid('clock')).first().textContent()) ?? '').trim();

      const fresh = await newPage('timeline straight');
      await open(fresh, `#/overview?seed=7&speed=10&lang=es&t=${at}ms`);
      await landed(fresh);
      const straight = await digest(fresh);
      assert(await instant(fresh) === at, `t=${at}ms landed at ${await instant(fresh)} ms`);
      assert(straight === rewound, `rewound to ${at} ms: digest ${rewound}, straight run ${straight}`);
      assert(((await fresh.locator(tid('play')).first().getAttribute('aria-pressed')) === 'false'), 'a t= link without autoplay stays paused');

      // Forward again with the scrubber's End key: the redo head gives the first digest back.
      await page.locator(tid('scrubber')).first().focus();
      await page.keyboard.press('End');
      await until('End should go back to the furthest instant', async () => (await instant(page)) === before);
      assert(await digest(page) === ahead, 'the scrubber forward did not give the same digest back');
      await fresh.context().close();
      await page.context().close();
      return `${before} ms → ${at} ms (${clock}), digest ${rewound} = straight run's`;
    }],

    ['timeline: t=32h on slow-consumer plays forward with a progress line and lands at 32 h', async () => {
      const page = await newPage('timeline seek 32h');
      const started = Date.now();
      await open(page, '#/retention?scenario=slow-consumer&t=32h&lang=es', null);
      const progress = await until('the progress line should show', async () => {
        const el = page.locator(tid('seek-progress'));
        return (await el.count()) > 0 ? ((await el.first().textContent()) ?? '').trim() : null;
      });
      assert(/^Avanzando a 32 h… \d+\u00a0%$/.test(progress), `progress line: ${JSON.stringify(progress)}`);
      await landed(page, 180_000);
      const wall = Date.now() - started;
      const at = await instant(page);
      assert(at === 32 * 3600 * 1000, `landed at ${at} ms`);
      const clock = ((await page.locator(tid('clock')).first().textContent()) ?? '').trim();
      assert(clock.startsWith('32:00:00'), `clock ${clock}`);
      const hash = await page.evaluate(() => location.hash);
      assert(hash.includes('t=32h'), `the link keeps its starting point: ${hash}`);
      await page.context().close();

      const auto = await newPage('timeline autoplay');
      await open(auto, '#/overview?t=90s&autoplay=1&lang=en', null);
      await landed(auto);
      await until('autoplay=1 should play after the seek', async () =>
        (await auto.locator(tid('play')).first().getAttribute('aria-pressed')) === 'true' && (await instant(auto)) > 90_000);
      const bad = await newPage('timeline bad t');
      await open(bad, '#/overview?t=32&lang=en');
      const notice = ((await bad.locator(tid('notice')).first().textContent()) ?? '').trim();
      assert(notice.includes('t=32'), `a bad t= gets the usual notice: ${notice}`);
      await auto.context().close();
      await bad.context().close();
      return `t=32h in ${(wall / 1000).toFixed(1)} s wall (page load included); "${progress}"; autoplay plays on; t=32 refused`;
    }],

    ['timeline: the scrubber works by keyboard', async () => {
      const page = await newPage('timeline keyboard');
      await open(page, '#/overview?seed=3&speed=10&lang=en');
      await setPlaying(page, true);
      await until('the clock should pass 20 s', async () => (await instant(page)) > 20_000);
      await setPlaying(page, false);
      const scrubber = page.locator(tid('scrubber')).first();
      await scrubber.focus();
      const start = await instant(page);
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowLeft');
      const back = await until('← should move the clock back', async () => {
        const ms = await instant(page);
        return ms < start ? ms : null;
      });
      assert(start - back >= 2_000 && start - back <= 4_000, `three ← moved ${start - back} ms`);
      await page.keyboard.press('Home');
      await until('Home should reach the oldest instant (0 this early)', async () => (await instant(page)) === 0);
      const label = await scrubber.evaluate((el) => el.labels?.[0]?.textContent ?? el.getAttribute('aria-label'));
      assert(label && label.includes('Rewind'), `the scrubber's label: ${label}`);
      await page.context().close();
      return `${start} ms → three ← → ${back} ms → Home → 0 ms`;
    }],

    ['timeline: screenshots ES/EN at 1280 and 375 px, and axe on the rewind controls', async () => {
      const lines = [];
      const failing = [];
      for (const lang of LANGS) {
        for (const [name, viewport] of VIEWPORTS) {
          const page = await newPage(`timeline ${lang} ${name}`, viewport);
          await open(page, `#/overview?seed=7&speed=10&lang=${lang}`);
          await setPlaying(page, true);
          await until('the clock should pass 40 s', async () => (await instant(page)) > 40_000);
          await setPlaying(page, false);
          await page.locator(tid('rewind')).first().click();
          await shoot(page, `timeline-${lang}-${viewport.width}`);
          await axeInto(page, `${lang} ${size(viewport)}`, lines, failing);
          await page.context().close();
        }
      }
      assert(failing.length === 0, `serious/critical axe findings:\n${failing.join('\n')}`);
      return lines.join('; ');
    }],
  ];
}
