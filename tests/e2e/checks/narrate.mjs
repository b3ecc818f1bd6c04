// Issue #16, part B: narration and reachability. The status line narrates a PutRecord sent
// from the hashing view and a shard closing after UpdateShardCount; the event log opens by
// keyboard and lists both; a toggletip opens by tap and by keyboard (Enter, Escape); on a
// 375×812 phone the play control stays in the viewport after scrolling; screenshots in ES and
// EN at 1280 and 375 px; axe finds nothing serious or critical with the log and a tip open.

const strip = (s) => (s ?? '').replace(/[\u2068\u2069]/g, '');

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, shoot, runAxe, triage, describeCounts, describeViolation, VIEWPORTS, LANGS, DESKTOP, PHONE } = kit;

  const statusText = async (page) => strip(await page.locator(tid('status-text')).first().textContent());

  /** Hashing view, 3 shards: PutRecord "hello", then UpdateShardCount 3 → 4 and a few steps. */
  async function putAndReshard(page, lang) {
    await open(page, `#/hashing?seed=7&shards=3&lang=${lang}`, 'pk-input');
    await page.locator(tid('pk-input')).first().fill('hello');
    await page.locator(tid('put-key')).first().click();
    const put = await until('the status line should narrate the PutRecord of "hello"', async () => {
      const t = await statusText(page);
      return /PutRecord hello → shardId-000000000001, seq \d{4}…\d{6}/.test(t) ? t : null;
    });
    await page.locator(tid('shard-count')).first().fill('4');
    await page.locator(tid('update-shard-count')).first().click();
    // Step by step: the step that closes the shard shows it on the status line (a rare event
    // wins over the reads and writes of the same step).
    const closedRe = /shardId-\d{12} (CLOSED|cerrado \(CLOSED\)); (children|hijos:) shardId-\d{12}/;
    let closed = null;
    for (let i = 0; i < 6 && !closed; i += 1) {
      await page.locator(tid('step')).first().click();
      await page.waitForTimeout(150);
      const t = await statusText(page);
      if (closedRe.test(t)) closed = t;
    }
    assert(closed, `the status line never said a shard CLOSED: ${await statusText(page)}`);
    // The reshard calls out (a shard closed or opened), without taking the focus.
    const callout = await until('a callout should explain the reshard', async () => {
      const c = page.locator(tid('callout')).first();
      return (await c.isVisible()) ? strip(await c.textContent()) : null;
    }, 3000);
    return { put, closed, callout };
  }

  return [
    ['narrate: status line narrates a PutRecord and a shard closing; the log opens by keyboard', async () => {
      const out = [];
      for (const lang of LANGS) {
        const page = await newPage(`narrate-${lang}`, DESKTOP);
        const { put, closed, callout: said } = await putAndReshard(page, lang);
        assert(/CLOSED|OPEN/.test(said), `${lang}: the callout names the shard: ${said}`);
        // The log, by keyboard: focus its button, Enter.
        await page.locator(tid('log-toggle')).first().focus();
        await page.keyboard.press('Enter');
        await until('the log button should report aria-expanded=true', async () =>
          (await page.locator(tid('log-toggle')).first().getAttribute('aria-expanded')) === 'true');
        const items = (await page.locator(`${tid('log-list')} li`).allTextContents()).map(strip);
        const hasPut = items.some((t) => /PutRecord hello → shardId-000000000001/.test(t));
        const closedItems = items.filter((t) => /shardId-\d{12} (CLOSED|cerrado)/.test(t));
        assert(hasPut, `${lang}: the log lacks the PutRecord: ${items.slice(0, 8).join(' | ')}`);
        assert(closedItems.length >= 1, `${lang}: the log lacks a CLOSED shard: ${items.slice(0, 12).join(' | ')}`);
        const firstTime = await page.locator(`${tid('log-list')} li time`).first().textContent();
        assert(/\d{2}:\d{2}:\d{2}[.,]\d/.test(firstTime ?? ''), `${lang}: entries carry their simulated time: ${firstTime}`);
        // Newest first: the CLOSED entry comes before the PutRecord.
        const iPut = items.findIndex((t) => /PutRecord hello/.test(t));
        const iClosed = items.findIndex((t) => /CLOSED/.test(t));
        assert(iClosed < iPut, `${lang}: newest first (closed at ${iClosed}, put at ${iPut})`);
        // A filter hides the writes.
        await page.locator(tid('log-filter-writes')).first().uncheck();
        const after = (await page.locator(`${tid('log-list')} li`).allTextContents()).map(strip);
        assert(!after.some((t) => /PutRecord/.test(t)), `${lang}: the writes filter hides PutRecord`);
        await page.locator(tid('log-filter-writes')).first().check();
        // A callout for the closed (or opened) shard, dismissible, never focused.
        const callout = page.locator(tid('callout')).first();
        let calloutText = '';
        if (await callout.isVisible()) {
          calloutText = strip(await callout.textContent());
          const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid=callout]') !== null);
          assert(!focused, `${lang}: the callout took the focus`);
          await page.locator(tid('callout-close')).first().click();
          await until('the callout should close', async () => !(await callout.isVisible()));
        }
        await page.keyboard.press('Escape');
        out.push(`${lang}: "${put}" · "${closed}" · log ${items.length} entries · callout "${said.slice(0, 90)}" ${calloutText ? '(closed by ×)' : '(gone by itself)'}`);
        await page.context().close();
      }
      return out.join('\n');
    }],

    ['narrate: a toggletip opens by tap and by keyboard (Enter, Escape)', async () => {
      const page = await newPage('narrate-tip', PHONE);
      await open(page, '#/overview?lang=es');
      const tip = page.locator(`${tid('tip-digest')} button`).first();
      const text = page.locator(`${tid('tip-digest')} .tip-text`).first();
      assert(!(await text.isVisible()), 'closed at first');
      await tip.click();
      await until('tap should open the toggletip', async () => (await tip.getAttribute('aria-expanded')) === 'true' && (await text.isVisible()));
      const shown = (await text.textContent()) ?? '';
      await tip.click();
      await until('a second tap should close it', async () => (await tip.getAttribute('aria-expanded')) === 'false');
      await tip.focus();
      await page.keyboard.press('Enter');
      await until('Enter should open it', async () => (await tip.getAttribute('aria-expanded')) === 'true');
      const controls = await tip.getAttribute('aria-controls');
      assert(controls && (await page.locator(`#${controls}`).isVisible()), 'aria-controls names the shown text');
      const clockBefore = await page.locator(tid('play')).first().getAttribute('aria-pressed');
      await page.keyboard.press('Escape');
      await until('Escape should close it', async () => (await tip.getAttribute('aria-expanded')) === 'false');
      const focused = await page.evaluate(() => document.activeElement?.classList.contains('tip-button'));
      assert(focused, 'the focus stays on the button');
      assert((await page.locator(tid('play')).first().getAttribute('aria-pressed')) === clockBefore, 'Enter on the tip did not play');
      // The clock's toggletip in the top bar, by tap, at 375 px: it fits the width.
      const clockTip = page.locator(`${tid('tip-clock')} button`).first();
      await clockTip.click();
      const box = await page.locator(`${tid('tip-clock')} .tip-text`).first().boundingBox();
      assert(box && box.x >= 0 && box.x + box.width <= 375 + 1, `the clock tip fits 375 px: ${JSON.stringify(box)}`);
      await page.context().close();
      return `digest tip: "${shown.slice(0, 70)}…"`;
    }],

    ['narrate: at 375 px the play control stays in the viewport after scrolling', async () => {
      const page = await newPage('narrate-sticky', PHONE);
      await open(page, '#/flow?seed=5&scenario=hot-key&lang=es');
      await setPlaying(page, true);
      await page.waitForTimeout(800);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert(height > 812 * 1.5, `the page is long enough to scroll: ${height}`);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await page.waitForTimeout(300);
      const btn = page.locator(tid('play-sticky')).first();
      const box = await btn.boundingBox();
      assert(box && box.y >= 0 && box.y + box.height <= 812 && box.width > 20, `play stays in the viewport: ${JSON.stringify(box)}`);
      const mainPlay = await page.locator(tid('play')).first().boundingBox();
      assert(!mainPlay || mainPlay.y + mainPlay.height < 0, 'the top bar scrolled away (so the sticky one is needed)');
      await btn.click();
      await until('the sticky button pauses', async () => (await btn.getAttribute('aria-pressed')) === 'false');
      // It covers no more than a bar: the status line and the log button.
      const bar = await page.locator(tid('narration')).first().boundingBox();
      assert(bar && bar.height < 120, `the sticky bar stays small: ${bar && bar.height}`);
      await page.screenshot({ path: `${kit.ARTIFACTS}/narrate-sticky-es-375.png` });
      await page.context().close();
      return `sticky play at y=${Math.round(box.y)}, bar ${Math.round(bar.height)} px`;
    }],

    ['narrate: screenshots ES/EN 1280/375 and axe with the log and a tip open', async () => {
      const out = [];
      for (const lang of LANGS) {
        for (const [vname, viewport] of VIEWPORTS) {
          const page = await newPage(`narrate-shot-${lang}-${vname}`, viewport);
          await putAndReshard(page, lang);
          await page.locator(tid('log-toggle')).first().click();
          await page.locator(`${tid('tip-throttled')} button`).first().click();
          await page.evaluate(() => window.scrollTo(0, 0));
          await shoot(page, `narrate-${lang}-${viewport.width}`);
          const { failing, counts } = triage(await runAxe(page));
          assert(failing.length === 0, `${lang} ${vname}: ${failing.map((v) => describeViolation(v, '  ')).join('\n')}`);
          out.push(`${lang} ${viewport.width}: ${describeCounts(counts)}`);
          await page.context().close();
        }
      }
      return out.join('; ');
    }],
  ];
}
