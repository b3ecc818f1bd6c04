// Issue #14, "Spanish that reads well" and "Misleading numbers": one number format per language
// on every view, the glossary, bidi isolation of user text, honest cards and gauges, and
// screenshots of every view in ES and EN at 1280 and 375 px.

/** Views and the link each is read at (played a few seconds, then paused). */
const VIEWS = [
  ['overview', 'seed=1&scenario=activity-logs&speed=60', 3000],
  ['hashing', 'seed=5&scenario=hot-key', 2500],
  ['flow', 'seed=5&scenario=hot-key', 2500],
  ['retention', 'seed=1&scenario=slow-consumer&speed=3600', 5000],
  ['resharding', 'seed=7&scenario=resharding&speed=60', 5000],
  ['pipelines', 'seed=1&scenario=e-commerce&speed=60', 4000],
  ['kcl', 'seed=1&scenario=slow-consumer&speed=10', 3000],
  ['firehose', 'seed=1&scenario=e-commerce&speed=60', 4000],
  ['metrics', 'seed=5&scenario=hot-key&speed=10', 3000],
  ['cost', 'seed=1&speed=60', 2000],
  ['durability', 'seed=7&speed=10', 2000],
  ['glossary', 'seed=1', 0],
];

/** The text a person reads in the app, without identifiers and AWS's own formats: code, pre,
 *  SVG titles (tooltips), the digest, ISO 8601 timestamps (AWS's format). */
async function readableText(page) {
  const text = await page.evaluate(() => {
    const root = document.querySelector('[data-testid=app]');
    const skip = new Set(['CODE', 'PRE', 'SCRIPT', 'STYLE', 'TITLE', 'title', 'OPTION']);
    const out = [];
    const walk = (n) => {
      if (n.nodeType === Node.TEXT_NODE) { out.push(n.data); return; }
      if (n.nodeType !== Node.ELEMENT_NODE || skip.has(n.tagName)) return;
      for (const c of n.childNodes) walk(c);
      // A cell ends a line, so one cell's "0,50 US$" does not read as "US$ 1" with the next.
      out.push(n.tagName === 'TD' || n.tagName === 'TH' ? '\n' : ' ');
    };
    walk(root);
    return out.join('');
  });
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[.,]\d+)?Z/g, ' ');
}

/** Numbers written against `lang`'s rules, each with some context. */
function badNumbers(text, lang) {
  const bad = [];
  const ctx = (i, len) => JSON.stringify(text.slice(Math.max(0, i - 25), i + len + 25));
  // A number with separators: digits, then groups of [.,] and digits.
  for (const m of text.matchAll(/\d+(?:[.,]\d+)+/g)) {
    const s = m[0];
    const ok = lang === 'es'
      // Spanish: a dot only groups thousands (from five digits), a comma is the decimal sign.
      ? /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/.test(s) && !/^\d\.\d{3}(?:,|$)/.test(s)
      // English: a comma only groups thousands, a point is the decimal sign.
      : /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(s);
    if (!ok) bad.push(`${s} in ${ctx(m.index, s.length)}`);
  }
  if (lang === 'es') {
    // English left in Spanish (#14): key distributions, gauge letters, table headers, plurals.
    for (const m of text.matchAll(/\b(uniform|hot-keys|zipf|single|calls|State|shard\(s\)|rec\/s)\b|\bthrottled\b(?!\))/g)) {
      bad.push(`English "${m[0]}" in ${ctx(m.index, m[0].length)}`);
    }
    for (const m of text.matchAll(/\$ ?\d/g)) bad.push(`dollar sign before the amount in ${ctx(m.index, 2)}`);
    for (const m of text.matchAll(/\d%/g)) bad.push(`percent sign with no space in ${ctx(m.index, 2)}`);
  } else {
    for (const m of text.matchAll(/US\$/g)) bad.push(`US$ in English in ${ctx(m.index, 3)}`);
  }
  return bad;
}

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, shoot, runAxe, triage, describeCounts, describeViolation, VIEWPORTS, LANGS, DESKTOP } = kit;

  async function openView(page, view, query, playMs, lang) {
    await open(page, `#/${view}?${query}&lang=${lang}`);
    if (playMs > 0) {
      await setPlaying(page, true);
      await page.waitForTimeout(playMs);
      await setPlaying(page, false);
    }
  }

  return [
    ['views-es: every number follows its language (decimal sign, grouping, %, US$) on every view', async () => {
      const lines = [];
      const failures = [];
      for (const lang of LANGS) {
        for (const [view, query, playMs] of VIEWS) {
          const page = await newPage(`numbers ${view} ${lang}`, DESKTOP);
          await openView(page, view, query, playMs, lang);
          if (view === 'flow') {
            await page.locator(tid('recent-record')).first().click();
            await page.locator(tid('record-details')).first().waitFor({ state: 'visible' });
          }
          const text = await readableText(page);
          const numbers = (text.match(/\d+(?:[.,]\d+)+/g) ?? []).length;
          const bad = badNumbers(text, lang);
          if (bad.length) failures.push(`${lang} #/${view}: ${bad.slice(0, 6).join('; ')}`);
          lines.push(`${lang} ${view}: ${numbers} separated numbers`);
          if (view === 'retention') {
            const cost = ((await page.locator(tid('cost')).first().textContent()) ?? '').replace(/\u00a0/g, ' ');
            const money = lang === 'es' ? /\d+,\d{2} US\$/ : /\$\d+\.\d{2}/;
            assert(money.test(cost), `${lang} cost line ${JSON.stringify(cost)} should match ${money}`);
            assert(!/shard\(s\)/.test(cost), `"shard(s)" in ${JSON.stringify(cost)}`);
            const link = await page.locator(tid('cost-link')).getAttribute('href');
            assert(link === '#/cost', `the cost card links to ${link}, not #/cost`);
          }
          await page.context().close();
        }
      }
      assert(failures.length === 0, `numbers in the wrong format:\n  ${failures.join('\n  ')}`);
      return lines.join('; ');
    }],

    ['views-es: the flow gauges write load / limit and the consumer cards show duplicates', async () => {
      const out = [];
      for (const lang of LANGS) {
        const page = await newPage(`gauges ${lang}`, DESKTOP);
        await openView(page, 'flow', 'seed=5&scenario=hot-key', 2500, lang);
        const gauges = await page.locator(`${tid('gauge')} text`).allTextContents();
        const want = lang === 'es' ? /^E \d+ \/ 1000 reg\/s$/ : /^W [\d,]+ \/ 1,000 rec\/s$/;
        assert(gauges.some((g) => want.test(g)), `${lang}: no gauge like ${want} among ${JSON.stringify(gauges.slice(0, 4))}`);
        const limits = await page.locator(`${tid('gauge')} .gauge-limit`).count();
        assert(limits === gauges.length, `${limits} limit lines for ${gauges.length} gauges`);
        const size = await page.locator(`${tid('gauge')} text`).first().evaluate((el) => el.getBoundingClientRect().height);
        assert(size >= 10, `gauge text is ${size.toFixed(1)} px tall at 1280 px`);
        const dups = await page.locator(tid('consumer-duplicates')).allTextContents();
        const cards = await page.locator(tid('consumer')).count();
        assert(cards > 0 && dups.length === cards, `${dups.length} duplicate counts on ${cards} consumer cards`);
        assert(dups.every((d) => (lang === 'es' ? /duplicados/ : /duplicates/).test(d)), JSON.stringify(dups));
        const keys = await page.locator(`${tid('producer')} .muted`).first().textContent();
        assert(lang !== 'es' || !/\b(uniform|hot-keys|zipf|single)\b/.test(keys), `English key distribution in Spanish: ${keys}`);
        out.push(`${lang}: ${gauges[1]} · ${dups[0].trim()} · text ${size.toFixed(1)} px`);
        await page.context().close();
      }
      return out.join('; ');
    }],

    ['views-es: at 1280 px the overview consumers table shows its last column (lost)', async () => {
      const page = await newPage('consumers table', DESKTOP);
      await openView(page, 'overview', 'seed=1&scenario=clickstream&speed=60', 2000, 'es');
      const r = await page.evaluate(() => {
        const table = document.querySelector('table.consumers');
        const wrap = table.closest('.table-wrap');
        const last = table.querySelector('thead th:last-child').getBoundingClientRect();
        const box = wrap.getBoundingClientRect();
        return { last: [last.left, last.right], box: [box.left, box.right], scroll: wrap.scrollWidth - wrap.clientWidth };
      });
      assert(r.last[1] <= r.box[1] + 1, `the "perdidos" column ends at ${r.last[1]} px, the table's box at ${r.box[1]} px (${r.scroll} px to scroll)`);
      return `last column ${Math.round(r.last[0])}–${Math.round(r.last[1])} px inside ${Math.round(r.box[0])}–${Math.round(r.box[1])} px`;
    }],

    ['views-es: a right-to-left override in the stream name does not reverse AWS\'s message', async () => {
      const page = await newPage('bidi', DESKTOP);
      await open(page, '#/overview?lang=es', 'stream-name');
      const typed = 'abc\u202Edef';
      const input = page.locator(tid('stream-name')).first();
      await input.fill(typed);
      await input.press('Enter');
      await input.evaluate((el) => el.blur());
      const err = page.locator(tid('stream-name-error')).first();
      await err.waitFor({ state: 'visible' });
      const r = await err.evaluate((el, typed) => {
        const text = el.textContent;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let node = null;
        while (walker.nextNode()) if (walker.currentNode.data.includes('failed to satisfy')) node = walker.currentNode;
        if (!node) return { text, error: 'no "failed to satisfy" text' };
        const i = node.data.indexOf('failed to satisfy');
        const x = (k) => { const rg = document.createRange(); rg.setStart(node, i + k); rg.setEnd(node, i + k + 1); return rg.getBoundingClientRect().left; };
        const xs = [0, 1, 2, 3, 4, 5].map(x);
        return { text, isolated: text.includes(`\u2068${typed}\u2069`), xs };
      }, typed);
      assert(!r.error, `${r.error}: ${JSON.stringify(r.text)}`);
      assert(r.isolated, `the typed name is not between U+2068 and U+2069: ${JSON.stringify(r.text)}`);
      const ltr = r.xs.every((v, k) => k === 0 || v > r.xs[k - 1]);
      assert(ltr, `"failed" after the name renders right to left (x = ${r.xs.map(Math.round).join(', ')})`);
      return `isolated; "failed" at x = ${r.xs.map(Math.round).join(' < ')}`;
    }],

    ['views-es: the glossary is a tab on every view, keyboard reachable, maps every Spanish name, axe clean', async () => {
      const out = [];
      const page = await newPage('glossary tabs', DESKTOP);
      for (const [view] of VIEWS.filter(([v]) => v !== 'glossary')) {
        await open(page, `#/${view}?lang=es`);
        const tab = page.locator('a.tab[href="#/glossary"]');
        assert((await tab.count()) === 1, `no glossary tab on #/${view}`);
      }
      // Keyboard: focus the tab and press Enter.
      await page.locator('a.tab[href="#/glossary"]').focus();
      await page.keyboard.press('Enter');
      await page.locator(tid('glossary')).waitFor({ state: 'visible' });
      assert(page.url().includes('#/glossary'), `the URL is ${page.url()}`);
      const entries = await page.locator(tid('glossary-entry')).count();
      const text = await page.locator(tid('glossary')).textContent();
      for (const name of ['transmisión', 'partición', 'secuencia de datos', 'fragmento', 'flujo de datos', 'TRIM_HORIZON', 'LATEST', 'ProvisionedThroughputExceededException', 'MillisBehindLatest', 'event source mapping', 'SubscribeToShard']) {
        assert(text.includes(name), `the glossary never says "${name}"`);
      }
      assert(entries >= 20, `${entries} entries`);
      out.push(`${entries} entries, tab on ${VIEWS.length - 1} views`);
      await page.context().close();
      for (const lang of LANGS) {
        for (const [name, viewport] of VIEWPORTS) {
          const p = await newPage(`glossary ${lang} ${name}`, viewport);
          await open(p, `#/glossary?lang=${lang}`, 'glossary');
          const { failing, counts } = triage(await runAxe(p));
          assert(failing.length === 0, `axe on #/glossary ${lang} ${name}:\n${failing.map((v) => describeViolation(v, '  ')).join('\n')}`);
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 1, `#/glossary ${lang} ${name} scrolls sideways by ${overflow} px`);
          out.push(`${lang} ${name}: ${describeCounts(counts)}`);
          await p.context().close();
        }
      }
      return out.join('; ');
    }],

    ['views-es: screenshots of every view in ES and EN at 1280 and 375 px', async () => {
      const shots = [];
      for (const lang of LANGS) {
        for (const [name, viewport] of VIEWPORTS) {
          for (const [view, query, playMs] of VIEWS) {
            const page = await newPage(`shot ${view} ${lang} ${name}`, viewport);
            await openView(page, view, query, playMs, lang);
            const file = `views-es-${view}-${lang}-${viewport.width}`;
            await shoot(page, file);
            shots.push(file);
            await page.context().close();
          }
        }
      }
      return `${shots.length} screenshots (views-es-<view>-<lang>-<width>.png)`;
    }],
  ];
}
