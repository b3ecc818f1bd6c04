// Issue #16 (D), the learn path: the first screen (#/learn, also the bare address), every
// chapter and step walked with "next" in ES and EN at 1280 and 375 px, a prediction answered
// wrong and one right (graded by the simulation), progress kept across a reload and reset from
// garbage with one notice, a step embedded alone, a bad step link, and the teacher page.
// Screenshots of the start page, a step, a graded prediction and the teacher page; axe on each.

const STORAGE_KEY = 'kinesis-playground.learn';

export function checks(kit) {
  const { newPage, open, until, assert, tid, shoot, runAxe, triage, describeCounts, describeViolation, clockMs, VIEWPORTS, LANGS } = kit;

  const text = async (page, id) => ((await page.locator(tid(id)).first().textContent()) ?? '').trim();
  const place = async (page) => page.locator(tid('lesson')).first().getAttribute('data-place');
  const axeClean = async (page, what) => {
    const { failing, counts } = triage(await runAxe(page));
    assert(failing.length === 0, `axe on ${what}:\n${failing.map((v) => describeViolation(v, '  ')).join('\n')}`);
    return describeCounts(counts);
  };
  const noSideways = async (page, what) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 1, `${what} scrolls sideways by ${overflow} px`);
  };

  /** On a ShardOfKey question: the key it asks about, and the shard the hashing view's own walk
   *  (MD5 → hash range) gives for it. */
  async function keyAndShard(page) {
    const prompt = await text(page, 'prompt');
    // The key sits between « » (Spanish) or “ ” (English), isolated with U+2068…U+2069.
    const key = (prompt.match(/[«“]\u2068?([^»”\u2069]+)\u2069?[»”]/) ?? [])[1];
    assert(key, `the question should name a key: ${prompt}`);
    await page.locator(tid('pk-input')).first().fill(key);
    const shard = await until(`[data-testid=pk-shard] should name the shard of ${key}`, async () =>
      ((await text(page, 'pk-shard')).match(/shardId-\d{12}/) ?? [])[0]);
    return { key, shard };
  }

  /** Picks the choice whose text is (or is not, `want` false) `shard`; returns its index. */
  async function pick(page, shard, want) {
    const labels = await page.locator(`${tid('choice')} label`).allTextContents();
    const i = labels.findIndex((l) => (l.trim() === shard) === want);
    assert(i >= 0, `no choice to pick (${want ? 'equal to' : 'other than'} ${shard}) in ${labels.join(', ')}`);
    await page.locator(`${tid('choice')} input`).nth(i).check();
    return { i, labels };
  }

  async function graded(page) {
    await page.locator(tid('check')).first().click();
    await page.locator(tid('verdict')).first().waitFor({ state: 'visible' });
    const right = await page.locator(tid('verdict')).first().getAttribute('data-right');
    const marks = await page.locator(tid('choice')).evaluateAll((els) => els.map((e) => e.getAttribute('data-correct')));
    return { right: right === 'true', correct: marks.indexOf('true'), explanation: await text(page, 'explanation') };
  }

  return [
    ['learn: the bare address opens the start page, already moving, with Start here and 10 chapters', async () => {
      const out = [];
      for (const lang of LANGS) {
        const page = await newPage(`learn start ${lang}`);
        await open(page, `#/?lang=${lang}`, 'start-here');
        assert(/#\/learn\?/.test(page.url()), `the hash should become #/learn: ${page.url()}`);
        const t0 = (await clockMs(page)).ms;
        const t1 = await until('the start page\'s clock should run by itself', async () => {
          const t = (await clockMs(page)).ms;
          return t > t0 ? t : null;
        });
        const chapters = await page.locator('.toc-chapter').count();
        assert(chapters === 10, `10 chapters in the contents, got ${chapters}`);
        const lanes = await page.locator(`${tid('learn-live')} svg`).count();
        assert(lanes > 0, 'the live lanes should be drawn');
        const what = await text(page, 'learn-what');
        assert(/shard/.test(what), `the one sentence should name shards: ${what}`);
        await page.context().close();
        const bare = await newPage(`learn bare ${lang}`);
        await open(bare, '', 'app');
        await bare.locator(tid('learn-start')).first().waitFor({ state: 'visible' });
        await bare.context().close();
        out.push(`${lang}: clock ${t0}→${t1} ms, ${chapters} chapters`);
      }
      return out.join('; ');
    }],

    ['learn: walks every chapter and step with next, ES and EN, 1280 and 375 px', async () => {
      const out = [];
      for (const lang of LANGS) {
        for (const [where, viewport] of VIEWPORTS) {
          const page = await newPage(`learn walk ${lang} ${where}`, viewport);
          await open(page, `#/learn?lang=${lang}`, 'start-here');
          const total = await page.locator('a.toc-step').count();
          await page.locator(tid('start-here')).first().click();
          await until('step 1/1 should open', async () => (await place(page)) === '1/1');
          const seen = [];
          const titles = new Set();
          for (;;) {
            const p = await place(page);
            const title = await text(page, 'lesson-title');
            const body = await text(page, 'lesson-body');
            assert(title && body.length > 80, `${p}: title "${title}", body ${body.length} chars`);
            assert(!titles.has(title), `${p}: title "${title}" seen twice`);
            titles.add(title);
            seen.push(p);
            if (where === 'phone') await noSideways(page, `${lang} ${where} step ${p}`);
            if (await page.locator(tid('next')).count() === 0) break;
            await page.locator(tid('next')).first().click();
            await until(`next after ${p}`, async () => ((await place(page)) !== p ? true : null));
          }
          assert(seen.length === total, `${lang} ${where}: walked ${seen.length} steps, contents lists ${total}`);
          assert((await page.locator(tid('the-end')).count()) === 1, 'the last step should say it is the end');
          out.push(`${lang} ${where}: ${seen.length} steps`);
          await page.context().close();
        }
      }
      return out.join('; ');
    }],

    ['learn: a prediction answered wrong, then one right, graded by the simulation', async () => {
      const page = await newPage('learn predict');
      await open(page, '#/learn/2/3?lang=es', 'predict');
      await page.locator(tid('pk-input')).first().waitFor({ state: 'visible' });
      assert((await page.locator(tid('verdict')).count()) === 0, 'no verdict before checking');
      // Checking with nothing picked asks for a choice and reveals nothing.
      await page.locator(tid('check')).first().click();
      await page.locator(tid('pick-one')).first().waitFor({ state: 'visible' });
      assert((await page.locator(tid('verdict')).count()) === 0, 'no verdict without a choice');

      const first = await keyAndShard(page);
      const wrong = await pick(page, first.shard, false);
      const w = await graded(page);
      assert(!w.right, `picking ${wrong.labels[wrong.i]} for ${first.key} (hashing says ${first.shard}) should be wrong`);
      assert(wrong.labels[w.correct].trim() === first.shard, `the page marks ${wrong.labels[w.correct]} right, hashing says ${first.shard}`);
      assert(w.explanation.includes(first.shard), `the explanation names the shard: ${w.explanation}`);
      await shoot(page, 'learn-predict-wrong-es-desktop');

      await page.locator(tid('another')).first().click();
      await until('another question', async () => (await page.locator(tid('verdict')).count()) === 0 && !(await text(page, 'prompt')).includes(first.key));
      const second = await keyAndShard(page);
      await pick(page, second.shard, true);
      const r = await graded(page);
      assert(r.right, `picking ${second.shard} for ${second.key} should be right: ${r.explanation}`);
      await shoot(page, 'learn-predict-right-es-desktop');
      // The right answer is kept as progress.
      const stored = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
      assert(/right=[^|]*2\.3/.test(stored ?? ''), `progress should hold 2.3 as right: ${stored}`);
      await page.context().close();
      return `wrong: ${first.key} → ${first.shard}; right: ${second.key} → ${second.shard}; stored "${stored}"`;
    }],

    ['learn: progress survives a reload; garbage resets it with one notice', async () => {
      const page = await newPage('learn progress');
      await open(page, '#/learn/1/1?lang=en', 'lesson');
      await page.locator(tid('next')).first().click();
      await until('step 1/2', async () => (await place(page)) === '1/2');
      await page.locator(tid('next')).first().click();
      await until('step 1/3', async () => (await place(page)) === '1/3');
      await open(page, '#/learn?lang=en', 'start-here');
      await page.reload({ waitUntil: 'load' });
      await page.locator(tid('continue')).first().waitFor({ state: 'visible' });
      const count = await text(page, 'progress-count');
      assert(/seen 3 of/.test(count), `progress after a reload: ${count}`);
      const cont = await text(page, 'continue');
      assert(/1\.3/.test(cont), `Continue should go to 1.3: ${cont}`);
      const ticks = await page.locator('.toc-chapter').first().locator('.tick').count();
      assert(ticks >= 3, `chapter 1 should show its ticks, got ${ticks}`);
      await page.locator(tid('continue')).first().click();
      await until('Continue opens 1/3', async () => (await place(page)) === '1/3');

      for (const garbage of ['{"seen":[1,2]}', 'v1|seen=99.1', '\u0000\uffff']) {
        await open(page, '#/learn?lang=en', 'start-here');
        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, garbage]);
        await page.reload({ waitUntil: 'load' });
        await page.locator(tid('learn-reset')).first().waitFor({ state: 'visible' });
        assert((await page.locator(tid('learn-reset')).count()) === 1, 'one notice');
        assert(/seen 0 of/.test(await text(page, 'progress-count')), `reset for ${JSON.stringify(garbage)}`);
        await page.reload({ waitUntil: 'load' });
        await page.locator(tid('start-here')).first().waitFor({ state: 'visible' });
        assert((await page.locator(tid('learn-reset')).count()) === 0, 'the notice shows once');
      }
      await page.context().close();
      return `after reload: "${count}", "${cont}"; 3 garbage values reset once each`;
    }],

    ['learn: a bad step link opens the nearest step with a notice', async () => {
      const page = await newPage('learn bad step');
      await open(page, '#/learn/99/9?lang=es', 'lesson');
      const p = await place(page);
      assert(p.startsWith('10/'), `nearest to 99/9 should be in chapter 10: ${p}`);
      const notice = await text(page, 'notice');
      assert(notice.includes('99/9') && notice.includes(p), `notice: ${notice}`);
      await page.context().close();
      return `99/9 → ${p}: "${notice}"`;
    }],

    ['learn: #/learn/3/2?embed=1 shows the step alone, with its clock', async () => {
      const out = [];
      for (const lang of LANGS) {
        for (const [where, viewport] of VIEWPORTS) {
          const page = await newPage(`learn embed ${lang} ${where}`, viewport);
          await open(page, `#/learn/3/2?lang=${lang}&embed=1`, 'lesson');
          assert((await place(page)) === '3/2', 'step 3/2');
          await page.locator(tid('embed-strip')).first().waitFor({ state: 'visible' });
          assert((await page.locator(tid('topbar')).count()) === 0, 'no tabs in an embed');
          assert((await page.locator(tid('lesson-nav')).count()) === 0, 'no prev/next in an embed');
          assert((await page.locator('.side-panel').count()) === 0, 'no side panel in an embed');
          await shoot(page, `learn-embed-3-2-${lang}-${where}`);
          out.push(`${lang} ${where}: ${await axeClean(page, `embed ${lang} ${where}`)}`);
          await page.context().close();
        }
      }
      return out.join('; ');
    }],

    ['learn: the teacher page lists every step with its link and iframe in ES and EN', async () => {
      const out = [];
      for (const lang of LANGS) {
        const page = await newPage(`learn teach ${lang}`);
        await open(page, `#/teach?lang=${lang}`, 'teach');
        const steps = await page.locator(tid('teach-step')).count();
        await open(page, `#/learn?lang=${lang}`, 'start-here');
        const total = await page.locator('a.toc-step').count();
        assert(steps === total, `teacher page lists ${steps} steps, the path has ${total}`);
        await open(page, `#/teach?lang=${lang}`, 'teach');
        const links = await page.locator(tid('teach-link')).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert(links.includes('#/learn/3/2?lang=es') && links.includes('#/learn/3/2?lang=en'), `links: ${links.slice(0, 4)}`);
        const snippets = await page.locator(tid('snippet')).evaluateAll((t) => t.map((x) => x.value));
        const s32 = snippets.filter((s) => s.includes('#/learn/3/2?'));
        assert(s32.length === 2 && s32.some((s) => s.includes('lang=es&amp;embed=1')) && s32.some((s) => s.includes('lang=en&amp;embed=1')),
          `3/2 snippets: ${s32.join(' | ')}`);
        assert(s32.every((s) => s.startsWith('<iframe src="http')), `absolute src: ${s32[0]}`);
        const views = await page.locator(tid('teach-view')).count();
        // The snippet's link opens the step alone.
        // An attribute in HTML: `&` is written `&amp;`.
        const src = s32[0].match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
        const embed = await newPage(`learn teach embed ${lang}`);
        await embed.goto(src, { waitUntil: 'load' });
        await embed.locator(tid('lesson')).first().waitFor({ state: 'visible' });
        assert((await embed.locator(tid('embed-strip')).count()) === 1, 'the snippet opens an embed');
        await embed.context().close();
        out.push(`${lang}: ${steps} steps, ${views} views, ${snippets.length} snippets`);
        await page.context().close();
      }
      return out.join('; ');
    }],

    ['learn: screenshots and axe of the start page, a step, a graded prediction and the teacher page', async () => {
      const out = [];
      for (const lang of LANGS) {
        for (const [where, viewport] of VIEWPORTS) {
          const page = await newPage(`learn shots ${lang} ${where}`, viewport);
          await open(page, `#/learn?lang=${lang}`, 'start-here');
          await page.waitForTimeout(1500);
          if (where === 'phone') await noSideways(page, `start ${lang}`);
          await shoot(page, `learn-start-${lang}-${where}`);
          const a = await axeClean(page, `start ${lang} ${where}`);
          await open(page, `#/learn/2/1?lang=${lang}`, 'lesson');
          await page.locator(tid('try')).first().click();
          await page.waitForTimeout(800);
          await shoot(page, `learn-step-2-1-${lang}-${where}`);
          const b = await axeClean(page, `step 2/1 ${lang} ${where}`);
          await open(page, `#/learn/2/3?lang=${lang}`, 'predict');
          await page.locator(`${tid('choice')} input`).first().check();
          await graded(page);
          await shoot(page, `learn-predict-${lang}-${where}`);
          const c = await axeClean(page, `prediction ${lang} ${where}`);
          await open(page, `#/learn/10/1?lang=${lang}`, 'cost-card');
          await shoot(page, `learn-step-10-1-${lang}-${where}`);
          const d = await axeClean(page, `step 10/1 ${lang} ${where}`);
          await open(page, `#/teach?lang=${lang}`, 'teach');
          if (where === 'phone') await noSideways(page, `teach ${lang}`);
          await shoot(page, `learn-teach-${lang}-${where}`);
          const e = await axeClean(page, `teach ${lang} ${where}`);
          out.push(`${lang} ${where}: start ${a}; step ${b}; predict ${c}; cost ${d}; teach ${e}`);
          await page.context().close();
        }
      }
      return out.join(' | ');
    }],
  ];
}
