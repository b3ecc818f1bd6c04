// Issue #17, "Encryption" and "Replication": the #/durability view. StartStreamEncryption from
// the view's form marks the records written after it KMS (GetRecords shows it per record), and
// the teacher's Availability Zone buttons take one zone down and back without losing an
// acknowledged record. The view carries its numbers in data- attributes (data-n, data-copies,
// data-enc) so the checks read exact values, not formatted text.

export function checks(kit) {
  const { newPage, open, until, assert, tid, setPlaying, shoot, axeInto, VIEWPORTS, LANGS, size, ARTIFACTS, screenshots } = kit;

  const n = async (page, id) => Number(await page.locator(tid(id)).first().getAttribute('data-n'));
  const text = async (page, id) => ((await page.locator(tid(id)).first().textContent()) ?? '').trim();
  const encs = async (page) => page.locator(tid('read-record')).evaluateAll((els) => els.map((e) => e.getAttribute('data-enc')));
  const rows = async (page) => page.locator(tid('zone-row')).evaluateAll((els) =>
    els.map((e) => ({ written: Number(e.getAttribute('data-written')), copies: e.getAttribute('data-copies').split(',').map(Number) })));

  return [
    ['durability: an encrypted record shows KMS', async () => {
      const page = await newPage('durability kms');
      await open(page, '#/durability?seed=7&speed=10&lang=en');
      await setPlaying(page, true);
      await until('records should be acknowledged', async () => (await n(page, 'acked')) > 20);
      await setPlaying(page, false);
      assert(await text(page, 'stream-encryption') === 'NONE', `encryption before: ${await text(page, 'stream-encryption')}`);
      await page.locator(tid('read-shard')).first().click();
      const before = await until('GetRecords should answer', async () => { const e = await encs(page); return e.length ? e : null; });
      assert(before.every((e) => e === 'NONE'), `records before the switch: ${before}`);

      await page.locator(tid('start-encryption')).click();
      await until('StartStreamEncryption should be accepted', async () =>
        (await page.locator(tid('enc-outcome')).first().getAttribute('data-code')) === 'ok');
      assert(await text(page, 'stream-status') === 'UPDATING', `status after Start: ${await text(page, 'stream-status')}`);
      // Paused, the stream is still UPDATING: AWS refuses a second call.
      await page.locator(tid('start-encryption')).click();
      const refused = await until('a second Start while UPDATING should be refused', async () => {
        const code = await page.locator(tid('enc-outcome')).first().getAttribute('data-code');
        return code !== 'ok' ? code : null;
      });
      assert(refused === 'ResourceInUseException', `second Start: ${refused}`);

      await setPlaying(page, true);
      await until('the stream should be ACTIVE and KMS-encrypted', async () =>
        (await text(page, 'stream-status')) === 'ACTIVE' && (await text(page, 'stream-encryption')).includes('KMS'));
      await until('the strip should show KMS records', async () =>
        Number(await page.locator(tid('strip-row')).first().getAttribute('data-kms')) >= 3);
      await setPlaying(page, false);
      await page.locator(tid('read-shard')).first().click();
      // The strip is centred on the switch, and GetRecords reads from its first record: the
      // response holds records from before the switch (NONE), then after it (KMS).
      const after = await until('GetRecords should show KMS', async () => {
        const e = await encs(page);
        return e.includes('KMS') ? e : null;
      });
      const firstKms = after.indexOf('KMS');
      assert(firstKms > 0 && after.slice(0, firstKms).every((e) => e === 'NONE') && after.slice(firstKms).every((e) => e === 'KMS'),
        `GetRecords across the switch: ${after}`);
      const locks = await page.locator('.dur-strip .rec.kms').count();
      assert(locks >= 3, `locks drawn: ${locks}`);
      await page.context().close();
      return `before: ${before.length} records NONE; across the switch: ${firstKms} NONE then ${after.length - firstKms} KMS; second Start → ${refused}`;
    }],

    ['durability: an AZ down loses nothing', async () => {
      const page = await newPage('durability az');
      await open(page, '#/durability?seed=7&speed=10&lang=es');
      await setPlaying(page, true);
      await until('records should be acknowledged', async () => (await n(page, 'acked')) > 20);
      await page.locator(tid('zone-1')).click();
      await until('zone 1 should be down', async () => (await page.locator(tid('zone-1')).getAttribute('data-down')) === 'true');
      assert(await page.locator(tid('zone-0')).isDisabled(), 'a second zone cannot go down');
      const atDown = await n(page, 'acked');
      await until('writes should go on while the zone is down', async () => (await n(page, 'acked')) > atDown + 50);
      const behind = await rows(page);
      assert(behind.some((r) => r.copies[1] < r.written && r.copies[0] === r.written && r.copies[2] === r.written),
        `while down, zone 1 lags and the others hold everything: ${JSON.stringify(behind)}`);
      await page.locator(tid('zone-1')).click();
      await until('zone 1 should be back', async () => (await page.locator(tid('zone-1')).getAttribute('data-down')) === 'false');
      const synced = await until('the three copies should agree again', async () => {
        const r = await rows(page);
        return r.length && r.every((x) => x.copies.every((c) => c === x.written)) ? r : null;
      }, 60_000);
      await setPlaying(page, false);
      const [acked, readable, expired, lost] = [await n(page, 'acked'), await n(page, 'readable'), await n(page, 'expired'), await n(page, 'lost')];
      assert(lost === 0, `lost: ${lost}`);
      assert(acked === readable + expired, `acknowledged ${acked} ≠ readable ${readable} + expired ${expired}`);
      await page.context().close();
      return `acknowledged ${acked} = readable ${readable} + expired ${expired}, lost 0; copies ${JSON.stringify(synced.map((r) => r.copies))}`;
    }],

    ['durability: screenshots ES/EN at 1280 and 375 px, axe clean, nothing overflows', async () => {
      const lines = [];
      const failing = [];
      for (const lang of LANGS) {
        for (const [, viewport] of VIEWPORTS) {
          const page = await newPage(`durability ${lang} ${size(viewport)}`, viewport);
          await open(page, `#/durability?seed=7&speed=10&lang=${lang}`);
          await setPlaying(page, true);
          await until('records should be acknowledged', async () => (await n(page, 'acked')) > 20);
          await page.locator(tid('start-encryption')).click();
          await until('the stream should be KMS-encrypted', async () => (await text(page, 'stream-encryption')).includes('KMS'));
          await until('the strip should show KMS records', async () =>
            Number(await page.locator(tid('strip-row')).first().getAttribute('data-kms')) >= 6);
          await page.locator(tid('zone-2')).click();
          await page.waitForTimeout(400);
          await setPlaying(page, false);
          await page.locator(tid('read-shard')).first().click();
          await page.locator(tid('read-result')).first().waitFor({ state: 'visible' });
          await shoot(page, `durability-${lang}-${viewport.width}`);
          // Each card alone too: a full phone page is too tall to read at a glance.
          for (const [i, card] of ['encryption', 'replicas'].entries()) {
            const file = `${ARTIFACTS}/durability-${card}-${lang}-${viewport.width}.png`;
            await page.locator('.dur-card').nth(i).screenshot({ path: file });
            screenshots.push(file);
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) failing.push(`${lang} ${size(viewport)} scrolls sideways by ${overflow} px`);
          await axeInto(page, `${lang} ${size(viewport)}`, lines, failing);
          await page.context().close();
        }
      }
      assert(failing.length === 0, `problems:\n${failing.join('\n')}`);
      return lines.join('; ');
    }],
  ];
}
