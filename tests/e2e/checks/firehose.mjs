// Issue #17, "Firehose": a delivery stream reads the stream and writes S3 objects by buffer size
// or buffer interval, whichever comes first (src/world/firehose.rs, view src/ui/views/firehose/).
//
// The view carries exact numbers in data attributes: [data-testid=fh-delivery] has data-objects,
// data-by-size, data-version and data-buffer-records; each object has data-key; the clock's
// data-ms is the simulated time.

const PREFIX = /^\d{4}\/\d{2}\/\d{2}\/\d{2}\//;

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, clockMs, shoot, axeInto, VIEWPORTS, LANGS, size } = kit;

  const attr = async (page, id, name) => page.locator(tid(id)).first().getAttribute(name);
  const objects = async (page) => Number((await attr(page, 'fh-delivery', 'data-objects')) ?? 'NaN');

  /** Opens the view, types the hints and creates the delivery stream; returns the clock then. */
  async function create(page, query, sizeMib, intervalS) {
    await open(page, `#/firehose?${query}`);
    await setPlaying(page, false);
    assert((await page.locator(tid('fh-none')).count()) === 1, 'the scenario should start without a delivery stream');
    await page.locator(tid('fh-size')).first().fill(String(sizeMib));
    await page.locator(tid('fh-interval')).first().fill(String(intervalS));
    await page.locator(tid('fh-create')).first().click();
    await page.locator(tid('fh-delivery')).first().waitFor({ state: 'visible' });
    assert(await objects(page) === 0, 'a new delivery stream has written nothing');
    return (await clockMs(page)).ms;
  }

  return [
    ['firehose: writes an object after its buffer interval', async () => {
      const page = await newPage('firehose interval');
      const created = await create(page, 'seed=7&speed=10&lang=en', 5, 60);
      await setPlaying(page, true);
      let early = 0;
      const first = await until('an object should be written about 60 s after the first record', async () => {
        const [n, { ms }] = [await objects(page), await clockMs(page)];
        if (n > 0) return { n, ms };
        if (ms - created < 60_000) early += 1;
        return null;
      }, 60_000);
      await setPlaying(page, false);
      const at = (await clockMs(page)).ms;
      // The object appeared in the poll after the clock passed created + 60 s (+ the first read).
      assert(first.ms - created >= 60_000, `an object was written ${first.ms - created} ms after creation, before the 60 s interval`);
      assert(first.ms - created < 75_000, `the first object took ${first.ms - created} ms`);
      assert(early > 0, 'the check never saw the clock before the interval ended');
      const key = await attr(page, 'fh-object', 'data-key');
      assert(key && PREFIX.test(key), `the key starts with the date prefix: ${key}`);
      assert(key.slice(14).startsWith('orders-to-s3-1-'), `the name after the prefix: ${key}`);
      const folder = await attr(page, 'fh-folder', 'data-prefix');
      assert(key.startsWith(folder), `the object sits in its hour folder ${folder}`);
      assert(await attr(page, 'fh-delivery', 'data-by-size') === '0', 'written by the interval, not by size');
      // A bad hint gets a localized error and changes nothing.
      await page.locator(tid('fh-interval')).first().fill('901');
      await page.locator(tid('fh-update')).first().click();
      const err = ((await page.locator(tid('fh-form-error')).first().textContent()) ?? '').trim();
      assert(err.includes('0 to 900'), `form error: ${err}`);
      assert(await attr(page, 'fh-delivery', 'data-version') === '1', 'a refused change keeps version 1');
      await page.locator(tid('fh-interval')).first().fill('120');
      await page.locator(tid('fh-update')).first().click();
      await until('a change raises the version', async () => (await attr(page, 'fh-delivery', 'data-version')) === '2');
      await page.context().close();
      return `first object at +${((first.ms - created) / 1000).toFixed(1)} s (${early} samples before 60 s): ${key}; at ${at} ms`;
    }],

    ['firehose: a full buffer writes before the interval', async () => {
      const page = await newPage('firehose size');
      const created = await create(page, 'seed=7&shards=2&rate=2000&speed=10&lang=en', 1, 900);
      await setPlaying(page, true);
      const first = await until('a 1 MiB buffer should fill long before 900 s', async () => {
        const n = Number((await attr(page, 'fh-delivery', 'data-by-size')) ?? 0);
        return n > 0 ? (await clockMs(page)).ms : null;
      }, 60_000);
      await setPlaying(page, false);
      assert(first - created < 120_000, `the first full buffer took ${first - created} ms`);
      const size = ((await page.locator(`${tid('fh-table')} tbody tr td:nth-child(2)`).first().textContent()) ?? '').trim();
      const trigger = ((await page.locator(`${tid('fh-table')} tbody tr td:nth-child(4)`).first().textContent()) ?? '').trim();
      assert(trigger === 'size', `the newest object's trigger: ${trigger}`);
      await page.context().close();
      return `first object by size at +${((first - created) / 1000).toFixed(1)} s, ${size}`;
    }],

    ['firehose: the pipelines archiver is the same delivery stream', async () => {
      const page = await newPage('firehose archiver');
      await open(page, '#/firehose?scenario=e-commerce&speed=10&lang=es');
      const config = ((await page.locator(tid('fh-config')).first().textContent()) ?? '').trim();
      assert(config.startsWith('firehose-s3'), `the e-commerce scenario shows its archiver: ${config}`);
      const href = await page.locator(tid('fh-lambda-link')).first().getAttribute('href');
      assert(href === '#/pipelines/lambda', `link: ${href}`);
      await page.context().close();
      return config;
    }],

    ['firehose: screenshots ES/EN at 1280 and 375 px, and axe', async () => {
      const lines = [];
      const failing = [];
      for (const lang of LANGS) {
        for (const [name, viewport] of VIEWPORTS) {
          const page = await newPage(`firehose ${lang} ${name}`, viewport);
          await open(page, `#/firehose?seed=7&speed=10&lang=${lang}`);
          await setPlaying(page, false);
          await page.locator(tid('fh-size')).first().fill('1');
          await page.locator(tid('fh-interval')).first().fill('20');
          await page.locator(tid('fh-create')).first().click();
          await setPlaying(page, true);
          await until('two objects should be written', async () => (await objects(page)) >= 2, 60_000);
          await until('the buffer should hold records again', async () =>
            Number((await attr(page, 'fh-delivery', 'data-buffer-records')) ?? 0) > 0, 30_000);
          await setPlaying(page, false);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 0, `${lang} ${size(viewport)}: the page overflows sideways by ${overflow} px`);
          await shoot(page, `firehose-${lang}-${viewport.width}`);
          await axeInto(page, `${lang} ${size(viewport)}`, lines, failing);
          await page.context().close();
        }
      }
      assert(failing.length === 0, `serious/critical axe findings:\n${failing.join('\n')}`);
      return lines.join('; ');
    }],
  ];
}
