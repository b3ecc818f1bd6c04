// Issue #15, the `aws kinesis` console (#/console): the course's CLI tutorial typed at the prompt
// in ES and EN, the level's checks ticking, the tutorial's $(… --query) trap failing as the real
// CLI fails, the keys of a terminal (Enter, ↑, Tab, Ctrl+L, a multi-line paste), typing while
// the clock runs, cmd= and step= links, the HTTP fold; screenshots at 1280 and 375 px; axe.

/** The tutorial as a student types it, with what each answer must contain. */
const TUTORIAL = [
  ['aws kinesis create-stream --stream-name Foo --shard-count 1', null],
  ['aws kinesis describe-stream --stream-name Foo', '"StreamStatus": "CREATING"'],
  ['aws kinesis wait stream-exists --stream-name Foo', null],
  ['aws kinesis describe-stream --stream-name Foo', '"EndingHashKey": "340282366920938463463374607431768211455"'],
  ['aws kinesis list-streams', '"Foo"'],
  ['aws kinesis put-record --stream-name Foo --partition-key 123 --data testdata', '"ShardId": "shardId-000000000000"'],
  ['aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo', '"ShardIterator": "'],
  ["SHARD_ITERATOR=$(aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo --query 'ShardIterator')", null],
  ['aws kinesis get-records --shard-iterator $SHARD_ITERATOR', 'InvalidArgumentException'],
  ["SHARD_ITERATOR=$(aws kinesis get-shard-iterator --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --stream-name Foo --query 'ShardIterator' --output text)", null],
  ['aws kinesis get-records --shard-iterator $SHARD_ITERATOR', '"MillisBehindLatest"'],
  ['aws kinesis delete-stream --stream-name Foo', null],
  ['sleep 5', null],
  ['aws kinesis describe-stream --stream-name Foo', 'An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: Stream Foo under account 000000000000 not found.'],
];

/** The pixels of a record of yours' dot (`g` holds it) that lie inside its lane, screenshot with
 * the page paused: how many, and how many are coloured (saturated; the lane is grey). */
async function insideLanePixels(page, g) {
  await g.scrollIntoViewIfNeeded();
  const clip = await g.evaluate((el) => {
    const dot = el.querySelector('[data-testid=record]').getBoundingClientRect();
    const lane = el.closest('[data-testid=shard-lane]').querySelector('.lane-hit').getBoundingClientRect();
    const x = Math.max(dot.left, lane.left) + 1;
    const y = Math.max(dot.top, lane.top) + 1;
    const right = Math.min(dot.right, lane.right) - 1;
    const bottom = Math.min(dot.bottom, lane.bottom) - 1;
    return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
  });
  const png = await page.screenshot({ clip, scale: 'css' });
  return page.evaluate(async (b64) => {
    const shot = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const read = new OffscreenCanvas(shot.width, shot.height).getContext('2d');
    read.drawImage(shot, 0, 0);
    const { data } = read.getImageData(0, 0, shot.width, shot.height);
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) coloured += 1;
    }
    return { coloured, all: data.length / 4 };
  }, png.toString('base64'));
}

export function checks(kit) {
  const { newPage, open, until, assert, tid, shoot, setPlaying, runAxe, triage, describeCounts, VIEWPORTS, LANGS } = kit;

  const entries = (page) => page.locator(tid('console-entry'));
  const lastEntryText = async (page) => ((await entries(page).last().textContent()) ?? '');

  /** The label of a record of yours (i18n/console_view.rs, Text::Yours). */
  const YOURS = { es: 'tuyo (consola)', en: 'yours (console)' };

  /** Switches to the view `slug` with its tab (the same world: a new hash would rebuild it). */
  async function view(page, slug) {
    await page.locator(`a.tab[href="#/${slug}"]`).first().click();
    await until(`#/${slug} should open`, async () => (await page.evaluate(() => location.hash)).startsWith(`#/${slug}`));
  }

  /** Types `line` at the prompt and presses Enter; waits for its entry; returns the entry's text. */
  async function run(page, line) {
    const before = await entries(page).count();
    const input = page.locator(tid('console-input')).first();
    await input.click();
    await input.fill(line);
    await page.keyboard.press('Enter');
    await until(`"${line.slice(0, 50)}" should add an entry`, async () => (await entries(page).count()) > before);
    return lastEntryText(page);
  }

  /** The whole tutorial; returns a summary. */
  async function tutorial(page) {
    for (const [line, want] of TUTORIAL) {
      const text = await run(page, line);
      if (want) assert(text.includes(want), `"${line}" should print ${JSON.stringify(want)}; got ${JSON.stringify(text.slice(0, 400))}`);
    }
    const done = await page.locator(`${tid('level-step')}[data-done=true]`).count();
    const all = await page.locator(tid('level-step')).count();
    assert(done === all, `the level shows ${done} of ${all} steps done after the whole tutorial`);
    await page.locator(tid('level-done')).first().waitFor({ state: 'visible' });
    return `${all}/${all} steps`;
  }

  return [
    ['console: the course tutorial typed at the prompt gives the CLI answers and ticks every step (ES, EN; 1280, 375)', async () => {
      const out = [];
      for (const lang of LANGS) {
        for (const [where, viewport] of VIEWPORTS) {
          const page = await newPage(`console tutorial ${lang} ${where}`, viewport);
          await open(page, `#/console?lang=${lang}`, 'console-input');
          out.push(`${lang} ${where}: ${await tutorial(page)}`);
          // The trap's entry explains nothing by itself; the level's step does: open it.
          await page.locator(tid('level-diffs')).first().evaluate((d) => { d.open = true; });
          await shoot(page, `console-tutorial-${lang}-${where}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 1, `#/console ${lang} ${where} scrolls sideways by ${overflow} px`);
          await page.context().close();
        }
      }
      return out.join('; ');
    }],

    ['console: v2 reads --data as base64 and says so; v1 stores the text (the course\'s dGVzdGRhdGE=)', async () => {
      const page = await newPage('console blobs');
      await open(page, '#/console?lang=es', 'console-input');
      await run(page, 'aws kinesis create-stream --stream-name Foo --shard-count 1');
      await run(page, 'sleep 10');
      const v2 = await run(page, 'aws kinesis put-record --stream-name Foo --partition-key 123 --data testdata');
      assert(v2.includes('base64'), `v2 put-record should note base64: ${v2}`);
      await page.locator(tid('console-cli')).first().selectOption('v1');
      await run(page, 'aws kinesis put-record --stream-name Foo --partition-key 123 --data testdata');
      await run(page, 'IT=$(aws kinesis get-shard-iterator --stream-name Foo --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)');
      const read = await run(page, 'aws kinesis get-records --shard-iterator $IT');
      assert(read.includes('"Data": "testdata"') && read.includes('"Data": "dGVzdGRhdGE="'), `get-records should show both records' Data: ${read.slice(0, 600)}`);
      return 'v2 "testdata" and v1 "dGVzdGRhdGE=" both read back';
    }],

    ['console: Enter, ↑, Tab, Ctrl+L and a multi-line paste work while the clock runs; Space types a space', async () => {
      const page = await newPage('console keys');
      await open(page, '#/console?lang=en', 'console-input');
      await setPlaying(page, true);
      const input = page.locator(tid('console-input')).first();
      await input.click();
      await page.keyboard.type('echo hello world', { delay: 30 });
      assert((await input.inputValue()) === 'echo hello world', `typed while playing: "${await input.inputValue()}"`);
      await page.keyboard.press('Enter');
      await until('echo should print', async () => (await lastEntryText(page)).includes('hello world'));
      assert((await page.locator(tid('play')).first().getAttribute('aria-pressed')) === 'true', 'Space in the prompt paused the clock');
      await page.keyboard.press('ArrowUp');
      assert((await input.inputValue()) === 'echo hello world', `↑ should bring back the line: "${await input.inputValue()}"`);
      await input.fill('aws kinesis describe-stream-s');
      await page.keyboard.press('Tab');
      assert((await input.inputValue()) === 'aws kinesis describe-stream-summary ', `Tab: "${await input.inputValue()}"`);
      assert(await input.evaluate((el) => el === document.activeElement), 'Tab left the prompt');
      await input.fill('');
      const before = await entries(page).count();
      await input.evaluate((el) => {
        const dt = new DataTransfer();
        dt.setData('text', 'echo one\necho two\necho three\n');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      await until('a pasted script should run line by line', async () => (await entries(page).count()) === before + 3);
      assert((await lastEntryText(page)).includes('three'), 'the last pasted line ran last');
      await input.click();
      await page.keyboard.press('Control+L');
      await until('Ctrl+L should clear the scrollback', async () => (await entries(page).count()) === 0);
      await setPlaying(page, false);
      return `typed, ↑, Tab, paste of 3 lines, Ctrl+L`;
    }],

    ['console: a cmd= link pre-types lines, step= opens the level there, and each command shows its HTTP request', async () => {
      const page = await newPage('console link');
      await open(page, `#/console?lang=es&step=6&cmd=${encodeURIComponent('aws kinesis list-streams')}`, 'console-input');
      const input = page.locator(tid('console-input')).first();
      assert((await input.inputValue()) === 'aws kinesis list-streams', `cmd= should pre-type: "${await input.inputValue()}"`);
      const open6 = await page.locator(tid('level-step')).nth(5).locator('details').evaluate((d) => d.open);
      assert(open6, 'step=6 should open the sixth step');
      await input.click();
      await page.keyboard.press('Enter');
      await until('list-streams should run', async () => (await entries(page).count()) === 1);
      const fold = page.locator(tid('console-http')).first();
      await fold.locator('summary').click();
      const http = (await fold.textContent()) ?? '';
      assert(http.includes('X-Amz-Target: Kinesis_20131202.ListStreams') && http.includes('HTTP/1.1 200 OK'), `HTTP fold: ${http.slice(0, 300)}`);
      // The open step's Type button fills the prompt with its command.
      await page.locator(tid('level-step')).nth(5).locator(tid('level-type')).first().click();
      assert((await input.inputValue()).startsWith('aws kinesis put-record'), `Type: "${await input.inputValue()}"`);
      return 'pre-typed, step 6 open, HTTP fold, Type button';
    }],

    ['console: anything but the tutorial\'s shell gets a clear message, nothing breaks', async () => {
      const page = await newPage('console hostile');
      await open(page, '#/console?lang=es', 'console-input');
      for (const [line, want] of [
        ['ls -la', 'no está disponible'],
        ['echo a | grep a', 'no está disponible'],
        ['aws kinesis frob', "invalid choice 'frob'"],
        ["echo 'abierta", 'comilla'],
        ['aws kinesis put-record --stream-name Foo', 'the following arguments are required: --data, --partition-key'],
        ['<img src=x onerror=alert(1)>', 'no está disponible'],
      ]) {
        const text = await run(page, line);
        assert(text.includes(want), `"${line}" should say ${JSON.stringify(want)}: ${text.slice(0, 300)}`);
      }
      assert((await page.locator(`${tid('console-log')} img`).count()) === 0, 'a line rendered markup');
      return 'six hostile lines, six messages';
    }],

    ['axe-core: #/console after the tutorial, EN and ES, 1280x800 and 375x812, no serious or critical violation', async () => {
      const out = [];
      for (const lang of LANGS) {
        for (const [where, viewport] of VIEWPORTS) {
          const page = await newPage(`console axe ${lang} ${where}`, viewport);
          await open(page, `#/console?lang=${lang}`, 'console-input');
          await run(page, 'aws kinesis create-stream --stream-name Foo --shard-count 1');
          await run(page, 'aws kinesis describe-stream --stream-name Foo');
          await run(page, 'aws kinesis frob');
          const { failing, counts } = triage(await runAxe(page));
          assert(failing.length === 0, `${lang} ${where}: ${failing.map((v) => v.id).join(', ')}`);
          out.push(`${lang} ${where}: ${describeCounts(counts)}`);
          await page.context().close();
        }
      }
      return out.join('; ');
    }],

    ['console: a stream created in the console is picked in the side panel, and the record put there is marked as yours in #/flow, #/hashing and #/retention (ES, EN; 1280, 375)', async () => {
      const out = [];
      for (const lang of LANGS) {
        for (const [where, viewport] of VIEWPORTS) {
          const page = await newPage(`console yours ${lang} ${where}`, viewport);
          await open(page, `#/console?lang=${lang}`, 'console-input');
          const picker = page.locator(tid('shown-stream'));
          assert((await picker.count()) === 0, 'the picker shows only once the engine has a second stream');
          await run(page, 'aws kinesis create-stream --stream-name Foo --shard-count 1');
          await run(page, 'sleep 10');
          const put = await run(page, 'aws kinesis put-record --stream-name Foo --partition-key 123 --data dGVzdGRhdGE=');
          assert(put.includes('"ShardId": "shardId-000000000000"'), `put-record should answer Foo's shard: ${put.slice(0, 300)}`);
          await picker.first().waitFor({ state: 'attached' });
          const options = await picker.first().locator('option').allTextContents();
          assert(options.length === 2 && options[1].startsWith('Foo ('), `picker options: ${JSON.stringify(options)}`);
          await picker.first().selectOption('Foo');

          await view(page, 'flow');
          const dot = page.locator(`${tid('flow')} ${tid('record-yours')}`).first();
          await dot.waitFor({ state: 'attached' });
          const title = (await dot.locator('title').textContent()) ?? '';
          assert(title.includes(YOURS[lang]), `the flow dot's title should say ${YOURS[lang]}: ${title}`);
          // Seen, not only in the DOM: the part of its dot inside the lane must show its colour
          // (the lanes' background layer and the dots' canvas must not cover it).
          const seen = await insideLanePixels(page, dot);
          assert(seen.coloured >= 4, `the record of yours shows ${seen.coloured} coloured pixels of ${seen.all} inside its lane: something covers it`);
          await page.locator(tid('other-stream-note')).first().waitFor({ state: 'visible' });
          assert((await page.locator(tid('producer')).count()) === 0, "the scenario's producers are left out beside Foo");
          const recent = page.locator(tid('recent-yours')).first();
          await recent.waitFor({ state: 'visible' });
          await page.locator(`li.yours ${tid('recent-record')}`).first().click();
          await page.locator(tid('details-yours')).first().waitFor({ state: 'visible' });
          const key = ((await page.locator(tid('record-key')).first().textContent()) ?? '').trim();
          const data = ((await page.locator(tid('record-data')).first().textContent()) ?? '').trim();
          assert(key === '123' && data === 'testdata', `details: key ${JSON.stringify(key)}, data ${JSON.stringify(data)}`);
          await page.locator(tid('yours-legend')).first().waitFor({ state: 'visible' });
          await shoot(page, `console-yours-flow-${lang}-${where}`);

          await view(page, 'hashing');
          await page.locator(tid('hash-yours')).first().waitFor({ state: 'attached' });
          const row = ((await page.locator(tid('recent-key-yours')).first().textContent()) ?? '');
          assert(row.includes(YOURS[lang]), `the hashing view's recent keys should mark it: ${row}`);
          await shoot(page, `console-yours-hashing-${lang}-${where}`);

          await view(page, 'retention');
          const mark = page.locator(tid('ret-yours')).first();
          await mark.waitFor({ state: 'attached' });
          assert(((await mark.locator('title').textContent()) ?? '').includes(YOURS[lang]), 'the retention mark says yours');
          assert((await page.locator(tid('ret-row')).count()) === 1, "Foo's one shard, not the scenario's");
          await shoot(page, `console-yours-retention-${lang}-${where}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 1, `#/retention with Foo ${lang} ${where} scrolls sideways by ${overflow} px`);

          if (lang === LANGS[0] && where === VIEWPORTS[0][0]) {
            // Deleted: the views fall back to the scenario's stream, and the picker goes.
            await view(page, 'console');
            await page.locator(tid('console-input')).first().waitFor({ state: 'visible' });
            await run(page, 'aws kinesis delete-stream --stream-name Foo');
            await run(page, 'sleep 10');
            await until('the picker should go with Foo', async () => (await picker.count()) === 0);
            await view(page, 'retention');
            const scenario = await page.locator(tid('stream-name')).first().inputValue();
            await until("retention should draw the scenario's stream again", async () =>
              ((await page.locator(tid('retention-hours')).first().textContent()) ?? '').includes(scenario));
            assert((await page.locator(tid('other-stream-note')).count()) === 0, 'no note on the scenario\'s stream');
          }
          out.push(`${lang} ${where}: flow, hashing, retention`);
          await page.context().close();
        }
      }
      return out.join('; ');
    }],

    ['console: a record put into the scenario\'s own stream from the console is marked as yours in #/flow, among the producers\' records', async () => {
      const page = await newPage('console yours scenario');
      await open(page, '#/console?lang=es', 'console-input');
      const stream = await page.locator(tid('stream-name')).first().inputValue();
      assert(stream.length > 0, 'the side panel names the scenario\'s stream');
      await setPlaying(page, true);
      await new Promise((r) => setTimeout(r, 1500));
      await run(page, `aws kinesis put-record --stream-name ${stream} --partition-key mine --data dGVzdGRhdGE=`);
      await setPlaying(page, false);
      assert((await page.locator(tid('shown-stream')).count()) === 0, 'one stream: no picker');
      await view(page, 'flow');
      const dot = page.locator(`${tid('flow')} ${tid('record-yours')}`);
      await until('the flow should draw the record of yours', async () => (await dot.count()) === 1);
      const others = Number((await page.locator(`${tid('flow')} ${tid('lane-dots')}`).first().getAttribute('data-dots')) ?? 0);
      assert(others > 1, `the producers' records are drawn beside it (${others} dots)`);
      assert((await page.locator(tid('producer')).count()) > 0, "the scenario's producers stay on its own stream");
      // Dispatched on the dot itself: where the clock paused, a producer's dot may lie on top of
      // it, and a pointer click at its centre would open that one (or wait for it to move).
      await dot.first().dispatchEvent('click');
      await page.locator(tid('details-yours')).first().waitFor({ state: 'visible' });
      const key = ((await page.locator(tid('record-key')).first().textContent()) ?? '').trim();
      assert(key === 'mine', `the ringed dot opens the record put: ${key}`);
      const first = ((await page.locator(`${tid('recent-records')} li`).first().textContent()) ?? '');
      assert(first.includes('mine') && first.includes(YOURS.es), `listed first and marked: ${first}`);
      await shoot(page, 'console-yours-scenario-flow-es-desktop');
      return `${others} dots, one of them yours (key "mine") in ${stream}`;
    }],
  ];
}
