// Issue #16 (part C): view links and the code panel.
//
// - `pk=` opens the hashing view's key → MD5 → shard walk with that key, on the shard the
//   engine routes it to (checked against MD5 computed here and the even split of 3 shards);
//   typing a key rewrites the hash without rebuilding the world.
// - `panel=<card>&embed=1` shows that card alone, for every card of every view.
// - A bad parameter in embed mode shows no banner but a console warning; the normal page shows
//   the banner.
// - The code panel lights a line and its Lambda counts grow while playing.
// - Screenshots ES/EN at 1280 and 375 px of the panel-only embeds and the code panel; axe.

import { createHash } from 'node:crypto';

/** Every card a link can show alone: [view, slug] (src/ui/route.rs `Card`, `Panel`). */
const PANELS = [
  ['overview', 'lanes'], ['overview', 'shards'], ['overview', 'consumers'],
  ['hashing', 'walk'], ['hashing', 'bar'], ['hashing', 'many'], ['hashing', 'reshard'],
  ['flow', 'lanes'], ['flow', 'records'], ['flow', 'controls'], ['flow', 'code'],
  ['retention', 'timeline'], ['retention', 'period'], ['retention', 'iterator'], ['retention', 'consumers'], ['retention', 'cost'],
  ['resharding', 'lineage'], ['resharding', 'actions'], ['resharding', 'ordering'],
  ['pipelines', 'lambda'], ['pipelines', 'kappa'],
];

/** The shard index of `key` among `n` shards split evenly (CreateStream's ranges). */
function evenShard(key, n) {
  const h = BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
  const size = (1n << 128n) / BigInt(n);
  const i = h / size;
  return { hash: h.toString(), index: Number(i >= BigInt(n) ? BigInt(n - 1) : i) };
}

const shardId = (i) => `shardId-${String(i).padStart(12, '0')}`;

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, clockMs, shoot, runAxe, triage, describeCounts, describeViolation, VIEWPORTS, LANGS } = kit;

  /** Visible card slugs in the view. */
  const visibleCards = (page) => page.evaluate(() =>
    [...document.querySelectorAll('main.view [data-card]')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none')
      .map((el) => el.getAttribute('data-card')));

  /** Counts of the Lambda table, summed. */
  const countsTotal = (page) => page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=lambda-counts] tbody td')]
      .reduce((s, td) => s + Number(td.textContent.replace(/[^\d]/g, '')), 0));

  const close = async (page) => page.context().close();

  return [
    ['links: pk= opens the key → shard walk with that key, on the shard the engine routes it to; typing rewrites the hash', async () => {
      const page = await newPage('links pk');
      const lines = [];
      for (const key of ['user-42', 'user-2', '🦀', 'señal 7&x']) {
        const want = evenShard(key, 3);
        await open(page, `#/hashing?seed=7&shards=3&lang=es&pk=${encodeURIComponent(key)}`, 'pk-input');
        await until(`the field should hold "${key}"`, async () => (await page.locator(tid('pk-input')).inputValue()) === key);
        const decimal = (await page.locator(tid('pk-decimal')).textContent()).trim();
        assert(decimal === want.hash, `MD5 of "${key}" as an integer: page ${decimal}, node ${want.hash}`);
        const shard = await until(`[data-testid=pk-shard] should name ${shardId(want.index)}`, async () => {
          const t = (await page.locator(tid('pk-shard')).textContent()) ?? '';
          return t.includes(shardId(want.index)) ? t.trim() : null;
        });
        lines.push(`${key} → ${shard}`);
        // Reopened by hashchange, the page must not be left on the previous key.
        await page.evaluate(() => { location.hash = '#/overview'; });
        // Let the app settle (it rewrites the hash with its settings) before the next link.
        await until('the overview should rewrite its hash', async () =>
          (await page.evaluate(() => location.hash)).startsWith('#/overview?seed='));
      }
      // Typing a key rewrites the hash; the world goes on (no rebuild: the clock is not reset).
      await open(page, '#/hashing?seed=7&shards=3&lang=en&pk=user-42', 'pk-input');
      await setPlaying(page, true);
      await page.waitForTimeout(1200);
      await setPlaying(page, false);
      const before = await clockMs(page);
      await page.locator(tid('pk-input')).fill('order 9/1');
      await page.locator(tid('ehk-input')).fill('5');
      const hash = await until('the hash should carry the typed key', async () => {
        const h = await page.evaluate(() => location.hash);
        return h.includes('pk=order%209%2F1') && h.includes('ehk=5') ? h : null;
      });
      const after = await clockMs(page);
      assert(after.ms === before.ms && before.ms > 0, `the clock moved from ${before.text} to ${after.text}: the world was rebuilt`);
      const notices = await page.locator(tid('notice')).count();
      assert(notices === 0, `${notices} notice(s) after typing`);
      await close(page);
      return `${lines.join('; ')}; typed → ${hash}`;
    }],

    ['links: panel=<card>&embed=1 shows that card alone, for every card of every view', async () => {
      const page = await newPage('links panels');
      const bad = [];
      for (const [view, slug] of PANELS) {
        await open(page, `#/${view}?panel=${slug}&embed=1&lang=es`, null);
        if (view === 'pipelines') {
          const other = slug === 'lambda' ? 'kappa' : 'lambda';
          await page.locator(tid(`${slug}-panel`)).waitFor({ state: 'visible' });
          if (await page.locator(tid(`${other}-panel`)).isVisible()) bad.push(`${view}/${slug}: ${other} shown too`);
          continue;
        }
        const shown = await until(`#/${view}?panel=${slug}: its card should be visible`, async () => {
          const v = await visibleCards(page);
          return v.includes(slug) ? v : null;
        });
        if (shown.length !== 1) bad.push(`${view}/${slug}: visible cards ${shown.join(', ')}`);
        const h2 = await page.locator('main.view h2:visible').count();
        if (h2 > 0) bad.push(`${view}/${slug}: the view's title is still shown`);
        if (await page.locator(tid('notice')).count()) bad.push(`${view}/${slug}: a notice`);
      }
      // The full page shows the card with a bar naming it and a way back to the whole view.
      await open(page, '#/hashing?panel=walk&pk=user-42&lang=es', 'panel-bar');
      assert((await visibleCards(page)).join() === 'walk', `full page: ${await visibleCards(page)}`);
      await page.locator(tid('whole-view')).click();
      const all = await until('the whole view should come back', async () => {
        const v = await visibleCards(page);
        return v.length === 4 ? v : null;
      });
      const hash = await page.evaluate(() => location.hash);
      assert(!hash.includes('panel='), `the hash still names the panel: ${hash}`);
      await close(page);
      assert(bad.length === 0, bad.join('\n'));
      return `${PANELS.length} panels alone; whole view back: ${all.join(', ')}`;
    }],

    ['links: a bad parameter in an embedded frame warns in the console, no banner; the normal page shows it', async () => {
      const page = await newPage('links embed notices');
      const warnings = [];
      page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      await open(page, '#/hashing?panel=nope&pk=&zzz=1&embed=1&lang=es', null);
      await page.locator(tid('embed-strip')).waitFor({ state: 'visible' });
      await until('three console warnings', async () => warnings.filter((w) => w.startsWith('Kinesis Playground:')).length >= 3);
      const banners = await page.locator(tid('notice')).count();
      assert(banners === 0, `${banners} banner(s) inside the embedded frame`);
      const ours = warnings.filter((w) => w.startsWith('Kinesis Playground:'));
      assert(ours.some((w) => w.includes('zzz')) && ours.some((w) => w.includes('nope') && w.includes('walk, bar, many, reshard')),
        `warnings: ${ours.join(' | ')}`);
      assert(ours.every((w) => !/Ignored|showing/.test(w)), `not in Spanish: ${ours.join(' | ')}`);
      // The whole view is shown, since the panel was unknown.
      assert((await visibleCards(page)).length === 4, `cards: ${await visibleCards(page)}`);
      // The same link on the normal page: banners, no warnings.
      const page2 = await newPage('links page notices');
      const warnings2 = [];
      page2.on('console', (m) => { if (m.type() === 'warning') warnings2.push(m.text()); });
      await open(page2, '#/hashing?panel=nope&pk=&zzz=1&lang=en', null);
      const shown = await until('three banners', async () => {
        const n = await page2.locator(tid('notice')).allTextContents();
        return n.length === 3 ? n : null;
      });
      const ours2 = warnings2.filter((w) => w.startsWith('Kinesis Playground:'));
      assert(ours2.length === 0, `warnings on the normal page: ${ours2.join(' | ')}`);
      await close(page);
      await close(page2);
      return `embed: ${ours.length} warnings, 0 banners (${ours[0]}); page: ${shown.length} banners`;
    }],

    ['links: the code panel lights the running line and its Lambda counts grow while playing', async () => {
      const page = await newPage('links code');
      await open(page, '#/flow?panel=code&scenario=activity-logs&seed=7&lang=es', 'code-panel');
      const producer = await page.locator(tid('producer-code')).textContent();
      assert(producer.includes("stream_name = 'my-activity-logs'") && producer.includes('put_record('), `producer: ${producer.slice(0, 300)}`);
      const lambda = await page.locator(tid('lambda-code')).textContent();
      assert(lambda.includes("data['action']") && lambda.includes("event['Records']"), `lambda.py: ${lambda.slice(0, 300)}`);
      const mapping = await page.locator(tid('mapping')).textContent();
      assert(mapping.includes('TRIM_HORIZON') && mapping.includes('BatchSize100'), `mapping: ${mapping}`);
      await setPlaying(page, true);
      const lit = new Set();
      const seen = await until('a lit line in each block', async () => {
        for (const el of await page.locator('[data-testid=lit-line]').all()) {
          const t = ((await el.textContent()) ?? '').replace(/\s+/g, ' ').trim();
          const current = await el.getAttribute('aria-current');
          assert(current === 'step' && t.startsWith('▶'), `lit line without aria-current/▶: ${current} "${t}"`);
          lit.add(t.replace(/^▶\s*\d+\s*/, '').slice(0, 40));
        }
        return [...lit].some((t) => t.startsWith('kinesis_client.put_record(')) && [...lit].some((t) => t.startsWith('for record in') || t.startsWith('return'))
          ? [...lit] : null;
      });
      const first = await until('the counts table should fill', async () => (await countsTotal(page)) || null);
      const later = await until('the counts should grow', async () => {
        const n = await countsTotal(page);
        return n > first ? n : null;
      });
      await setPlaying(page, false);
      const invocations = (await page.locator(tid('invocations')).textContent()).trim();
      await close(page);
      return `lit: ${seen.join(' | ')}; counts ${first} → ${later}; ${invocations} invocations`;
    }],

    ['links: a scenario without a Lambda shows the producer and names its consumers', async () => {
      const page = await newPage('links no lambda');
      await open(page, '#/flow?panel=code&scenario=hot-key&lang=en', 'code-panel');
      const note = await page.locator(tid('no-lambda')).textContent();
      assert(note.includes('reader') && (await page.locator(tid('producer-code')).count()) === 1, `note: ${note}`);
      await shoot(page, 'links-code-no-lambda-en-1280');
      await close(page);
      return note;
    }],

    ['links: screenshots ES/EN at 1280 and 375 px (walk embed, code embed, code panel on the page) and axe', async () => {
      const lines = [];
      const failing = [];
      for (const lang of LANGS) {
        for (const [, viewport] of VIEWPORTS) {
          const w = viewport.width;
          const page = await newPage(`links shots ${lang} ${w}`, viewport);
          await open(page, `#/hashing?panel=walk&pk=user-42&embed=1&lang=${lang}`, 'pk-input');
          await shoot(page, `links-walk-embed-${lang}-${w}`);
          const walk = triage(await runAxe(page));
          await open(page, `#/flow?panel=code&scenario=activity-logs&seed=7&embed=1&lang=${lang}`, 'code-panel');
          await setPlaying(page, true);
          await until('counts', async () => (await countsTotal(page)) || null);
          await page.waitForTimeout(300);
          await setPlaying(page, false);
          await shoot(page, `links-code-embed-${lang}-${w}`);
          const code = triage(await runAxe(page));
          await open(page, `#/flow?panel=code&scenario=activity-logs&seed=7&lang=${lang}`, 'panel-bar');
          await setPlaying(page, true);
          await until('counts', async () => (await countsTotal(page)) || null);
          await setPlaying(page, false);
          await shoot(page, `links-code-page-${lang}-${w}`);
          const full = triage(await runAxe(page));
          for (const [name, r] of [['walk', walk], ['code embed', code], ['code page', full]]) {
            lines.push(`${name} ${lang} ${w}: ${describeCounts(r.counts)}`);
            for (const v of r.failing) failing.push(`${name} ${lang} ${w}:\n${describeViolation(v, '  ')}`);
          }
          await close(page);
        }
      }
      assert(failing.length === 0, failing.join('\n'));
      return lines.join('; ');
    }],
  ];
}
