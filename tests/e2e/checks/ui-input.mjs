// Issue #14, the hands-on basics a student meets in the first minutes:
// - live fields keep what is typed while the clock runs, and Enter commits exactly that (side
//   panel: shards, rate, stream name, seed; flow view: a producer's rate; resharding: the
//   UpdateShardCount target), with the value the scenario moves shown beside the field;
// - Space after a mouse click on a button plays or pauses instead of clicking it again
//   (flow "Añadir consumidor", resharding's naive reader, hashing's SplitShard), while a button
//   reached with Tab still answers Space and Enter;
// - the one-panel pipelines embeds have their own title, no panel toggles, and v1 is the live
//   job (not "replaying") at t = 0;
// - the resharding view's empty lineage axis at t = 0 has no repeated "0 s" labels.
// Screenshots: the side panel while playing with a field being edited, and the two embeds,
// in ES and EN at 1280 and 375 px.

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, clockMs, shoot, VIEWPORTS, LANGS } = kit;

  const pressed = async (page) => (await page.locator(tid('play')).first().getAttribute('aria-pressed')) === 'true';
  const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
  const value = (page, id) => page.locator(tid(id)).first().inputValue();

  /** Clicks a field, clears it and types `text` a key at a time, so frames run between keys. */
  async function typeSlowly(page, id, text) {
    const field = page.locator(tid(id)).first();
    await field.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(text, { delay: 120 });
  }

  /** Types into `id` while playing, checks the text survives 600 ms of frames, presses Enter. */
  async function typeAndCommit(page, id, text) {
    await typeSlowly(page, id, text);
    await page.waitForTimeout(600);
    const kept = await value(page, id);
    assert(kept === text, `[data-testid=${id}]: typed "${text}" while playing, the field shows "${kept}"`);
    assert(await pressed(page), `[data-testid=${id}]: the clock stopped while typing`);
    await page.keyboard.press('Enter');
  }

  /** The number of things `count` counts, after a settle time. */
  async function settled(page, count, ms = 500) {
    await page.waitForTimeout(ms);
    return count(page);
  }

  /** A button clicked with the mouse, then Space twice: one action, and the clock toggles twice. */
  async function spaceAfterClick(page, button, count, what) {
    await setPlaying(page, false);
    const before = await count(page);
    await page.locator(tid(button)).first().click();
    const once = await until(`${what}: one click should add one`, async () => ((await count(page)) === before + 1 ? before + 1 : null));
    const c0 = await clockMs(page);
    await page.keyboard.press('Space');
    await until(`${what}: Space after the click should start the clock`, () => pressed(page));
    const afterPlay = await settled(page, count);
    assert(afterPlay === once, `${what}: Space after a click repeated the action (${once} -> ${afterPlay})`);
    const c1 = await clockMs(page);
    assert(c1.ms > c0.ms, `${what}: the clock did not move after Space ("${c0.text}" -> "${c1.text}")`);
    await page.keyboard.press('Space');
    await until(`${what}: a second Space should pause`, async () => !(await pressed(page)));
    const afterPause = await settled(page, count);
    assert(afterPause === once, `${what}: the second Space repeated the action (${once} -> ${afterPause})`);
    return `${what}: ${before} -> ${once} after the click, still ${afterPause} after Space ×2; clock ${c0.text} -> ${c1.text}`;
  }

  const consumers = (page) => page.locator(`${tid('flow-controls')} ${tid('remove-consumer')}`).count();
  const naiveReaders = (page) => page.locator(`${tid('ordering')} tbody tr`).count();
  const rangeRows = (page) => page.locator(tid('range-row')).count();

  return [
    ['live inputs: typing while playing keeps the text, Enter commits it (shards, rate, stream name, seed)', async () => {
      const out = [];
      // activity-logs (the default) ramps its producer's rate and raises the shard count itself.
      const page = await newPage('live side panel');
      await open(page, '#/overview?lang=es&speed=10', 'rate');
      await setPlaying(page, true);
      await typeAndCommit(page, 'shards', '8');
      await until('the hash should carry shards=8', async () => (await hash(page)).includes('shards=8'));
      assert((await value(page, 'shards')) === '8', 'after Enter the shards field is not 8');
      out.push('shards 8 kept and committed (shards=8)');

      const note = await until('[data-testid=rate-live] should show the ramp\'s rate now ("ahora: N registros/s")', async () => {
        const t = (await page.locator(tid('rate-live')).first().textContent().catch(() => '')) ?? '';
        return /ahora: [\d\s\u202f]+ registros\/s/.test(t) ? t.trim() : null;
      });
      out.push(`rate note "${note}"`);

      await typeAndCommit(page, 'rate', '50');
      await until('the hash should carry rate=50', async () => (await hash(page)).includes('rate=50'));
      await page.waitForTimeout(500);
      assert((await value(page, 'rate')) === '50', `after Enter the rate field shows "${await value(page, 'rate')}"`);
      assert(!/rate=(?!50\b)\d+/.test(await hash(page)), `hash ${await hash(page)} carries another rate`);
      out.push('rate 50 kept and committed (rate=50)');

      await typeAndCommit(page, 'stream-name', 'mi-stream');
      await until('the overview should name the stream "mi-stream"', async () =>
        ((await page.locator(tid('stream-label')).first().textContent()) ?? '').includes('mi-stream'));
      await page.waitForTimeout(400);
      assert((await value(page, 'stream-name')) === 'mi-stream', 'after Enter the stream name field changed');
      out.push('stream name "mi-stream" kept and committed');

      // Space in a text field is typing, never the play key.
      await typeSlowly(page, 'stream-name', 'a b');
      assert((await value(page, 'stream-name')) === 'a b', 'Space did not type into the stream name');
      assert(await pressed(page), 'Space in the stream name field paused the clock');
      await page.keyboard.press('Escape');
      await until('Escape should give the field back its name', async () => (await value(page, 'stream-name')) === 'mi-stream');

      await typeAndCommit(page, 'seed', '42');
      await until('the hash should carry seed=42', async () => (await hash(page)).includes('seed=42'));
      out.push('seed 42 kept and committed');
      return out.join('; ');
    }],

    ['live inputs: the flow view\'s producer rate and the resharding target keep what is typed while playing', async () => {
      const r = await newPage('live resharding');
      await open(r, '#/resharding?lang=en&scenario=resharding&speed=10', 'reshard-count');
      await setPlaying(r, true);
      await typeSlowly(r, 'reshard-count', '6');
      await r.waitForTimeout(600);
      const kept = await value(r, 'reshard-count');
      assert(kept === '6', `the UpdateShardCount target shows "${kept}" after typing 6 while playing`);
      const page = await newPage('live flow');
      await open(page, '#/flow?lang=en&speed=10', 'producer-rate');
      await setPlaying(page, true);
      const note = await until('[data-testid=producer-rate-live] should show the ramp\'s rate now', async () => {
        const t = (await page.locator(tid('producer-rate-live')).first().textContent().catch(() => '')) ?? '';
        return /now: [\d\s\u202f]+ records\/s/.test(t) ? t.trim() : null;
      });
      await typeAndCommit(page, 'producer-rate', '50');
      const card = await until('the producer card should read 50 records/s', async () => {
        const t = ((await page.locator(`${tid('producer')} .big`).first().textContent()) ?? '').trim();
        return /^50\b/.test(t) ? t : null;
      });
      await page.waitForTimeout(500);
      assert((await value(page, 'producer-rate')) === '50', 'after Enter the producer rate field is not 50');
      assert((await page.locator(tid('producer-rate-live')).count()) === 0, 'a constant rate still shows a live note');

      return `flow note "${note}", card "${card}" after Enter; reshard-count kept "6"`;
    }],

    ['Space after a mouse click plays instead of repeating it (add consumer, naive reader, SplitShard)', async () => {
      const out = [];
      const flow = await newPage('space flow');
      await open(flow, '#/flow?lang=es', 'add-consumer');
      out.push(await spaceAfterClick(flow, 'add-consumer', consumers, 'Añadir consumidor'));

      const resharding = await newPage('space resharding');
      await open(resharding, '#/resharding?lang=es&seed=7&scenario=resharding', 'add-naive');
      out.push(await spaceAfterClick(resharding, 'add-naive', naiveReaders, 'naive reader'));

      // A click on a checkbox's label focuses the checkbox: Space then plays, it does not untick it.
      const panel = await newPage('space limits');
      await open(panel, '#/overview?lang=es', 'limits');
      const checked = () => panel.locator(tid('limits')).first().isChecked();
      await panel.locator(`label:has(${tid('limits')}) span`).first().click();
      const afterClick = await checked();
      await panel.keyboard.press('Space');
      await until('limits: Space after a click on the label should start the clock', () => pressed(panel));
      assert((await checked()) === afterClick, 'limits: Space after a click on the label toggled the checkbox again');
      out.push(`Límites por shard: clicked to ${afterClick}, Space played and left it ${afterClick}`);

      // A split leaves the stream UPDATING until the clock runs: a repeated SplitShard shows as
      // AWS's ResourceInUseException, and a split done twice as two more shards.
      const hashing = await newPage('space hashing');
      await open(hashing, '#/hashing?lang=es&seed=7&shards=3&speed=60', 'split-button');
      await setPlaying(hashing, false);
      const answer = async () => ((await hashing.locator(tid('api-result')).first().textContent()) ?? '').trim();
      const rows0 = await rangeRows(hashing);
      await hashing.locator(tid('split-button')).first().click();
      await until('the click should run SplitShard (200 OK)', async () => /SplitShard → 200 OK/.test(await answer()));
      await hashing.keyboard.press('Space');
      await until('SplitShard: Space after the click should start the clock', () => pressed(hashing));
      const rows1 = await until(`the split should end with ${rows0 + 1} ranges while playing`, async () =>
        ((await rangeRows(hashing)) === rows0 + 1 ? rows0 + 1 : null));
      await hashing.keyboard.press('Space');
      await until('SplitShard: a second Space should pause', async () => !(await pressed(hashing)));
      await hashing.waitForTimeout(500);
      const text = await answer();
      assert(!/Exception/.test(text), `SplitShard: Space after the click called it again: "${text}"`);
      const rows2 = await rangeRows(hashing);
      assert(rows2 === rows1, `SplitShard: ${rows0} -> ${rows1} -> ${rows2} ranges`);
      out.push(`SplitShard: ${rows0} -> ${rows2} ranges after a click and Space ×2; last answer "${text.slice(0, 60)}…"`);
      return out.join('\n');
    }],

    ['a button reached with Tab still answers Space and Enter', async () => {
      const page = await newPage('tab space');
      await open(page, '#/flow?lang=en', 'add-consumer');
      const before = await consumers(page);
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      let reached = false;
      for (let i = 0; i < 120 && !reached; i += 1) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'add-consumer');
      }
      assert(reached, 'Tab never reached [data-testid=add-consumer]');
      const c0 = await clockMs(page);
      await page.keyboard.press('Space');
      await until('Space on a Tab-focused button should add a consumer', async () => (await consumers(page)) === before + 1);
      await page.keyboard.press('Enter');
      await until('Enter on it should add another', async () => (await consumers(page)) === before + 2);
      assert(!(await pressed(page)), 'Space on a Tab-focused button started the clock');
      const c1 = await clockMs(page);
      assert(c1.ms === c0.ms, `the clock moved ("${c0.text}" -> "${c1.text}")`);
      return `consumers ${before} -> ${before + 2} (Space, Enter); clock held at ${c1.text}`;
    }],

    ['one-panel pipelines embeds at t = 0: own title, no toggles, v1 live (not replaying)', async () => {
      const out = [];
      const want = {
        kappa: { panel: 'kappa-panel', title: { es: /Kappa/, en: /Kappa/ }, status: { es: 'al día', en: 'caught up' } },
        lambda: { panel: 'lambda-panel', title: { es: /Lambda/, en: /Lambda/ } },
      };
      for (const [which, w] of Object.entries(want)) {
        for (const lang of LANGS) {
          for (const [name, viewport] of VIEWPORTS) {
            const page = await newPage(`embed ${which} ${lang} ${name}`, viewport);
            await open(page, `#/pipelines/${which}?seed=1&scenario=e-commerce&embed=1&lang=${lang}`, w.panel);
            const title = ((await page.locator(tid('pipelines-title')).first().textContent()) ?? '').trim();
            assert(w.title[lang].test(title) && !/Lambda vs Kappa/.test(title), `${which} ${lang}: title "${title}"`);
            const toggles = await page.locator(`${tid('panel-links')}, ${tid('panel-both')}, ${tid('panel-lambda')}, ${tid('panel-kappa')}`).count();
            assert(toggles === 0, `${which} ${lang}: ${toggles} panel toggle(s) in a one-panel embed`);
            const other = which === 'kappa' ? 'lambda-panel' : 'kappa-panel';
            assert((await page.locator(tid(other)).count()) === 0, `${which} ${lang}: the other panel is shown`);
            if (w.status) {
              const status = ((await page.locator(`${tid('job-row')}[data-version="1"] ${tid('job-status')}`).first().textContent()) ?? '').trim();
              assert(status === w.status[lang], `${which} ${lang}: v1 at t = 0 is "${status}", want "${w.status[lang]}"`);
              const box = ((await page.locator(`${tid('job-box')}[data-version="1"]`).first().textContent()) ?? '');
              assert(!/reprocesando|replaying/.test(box), `${which} ${lang}: v1's box at t = 0 reads "${box}"`);
            }
            await shoot(page, `ui-input-embed-${which}-${lang}-${name}`);
            if (name === 'desktop') out.push(`${which} ${lang}: "${title}"`);
          }
        }
      }
      return out.join('; ');
    }],

    ['resharding: the empty lineage axis at t = 0 does not repeat "0 s"', async () => {
      const out = [];
      for (const lang of LANGS) {
        const page = await newPage(`lineage axis ${lang}`);
        await open(page, `#/resharding?lang=${lang}`, 'resharding');
        const labels = await page.locator('svg.lineage text.axis-label').allTextContents();
        // The first three label the hash axis (0, 2¹²⁷, 2¹²⁸); the rest is the time axis.
        const time = labels.slice(3).map((t) => t.trim());
        for (let i = 1; i < time.length; i += 1) {
          assert(time[i] !== time[i - 1], `${lang}: time axis repeats "${time[i]}": ${JSON.stringify(time)}`);
        }
        assert(!/0 s\s*0 s/.test(time.join(' ')), `${lang}: time axis reads "${time.join(' ')}"`);
        out.push(`${lang}: ${JSON.stringify(time)}`);
      }
      return out.join('; ');
    }],

    ['screenshots: the side panel while playing, with the rate being edited (ES, EN; 1280, 375)', async () => {
      const out = [];
      for (const lang of LANGS) {
        for (const [name, viewport] of VIEWPORTS) {
          const page = await newPage(`shot side panel ${lang} ${name}`, viewport);
          await open(page, `#/overview?lang=${lang}&speed=10`, 'rate');
          await setPlaying(page, true);
          await page.waitForTimeout(1500);
          await typeSlowly(page, 'rate', '50');
          await page.waitForTimeout(400);
          assert((await value(page, 'rate')) === '50', `${lang} ${name}: the draft was overwritten`);
          await page.locator(tid('side-panel')).first().screenshot({ path: `${kit.ARTIFACTS}/ui-input-side-panel-${lang}-${name}.png` });
          await shoot(page, `ui-input-editing-${lang}-${name}`);
          out.push(`${lang} ${name}`);
        }
      }
      return out.join(', ');
    }],
  ];
}
