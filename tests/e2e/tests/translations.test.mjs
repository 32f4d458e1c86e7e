// Translations on the document page (issue 17): an official English
// translation and its Vietnamese original are one family by number, and
// each page links to the other. corpus/vbpl-en/ holds three translations;
// tests/e2e/data/qd-1873-ttg-ban-goc-rut-gon.txt is a shortened Vietnamese
// original of one of them (1873/QĐ-TTg), written for this test; the
// original of 112/2008/NĐ-CP is not in the collection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { url, api, startBrowser, stopBrowser, newPage, finish, settled, params } from '../lib/helpers.mjs';

before(startBrowser);
after(stopBrowser);

// The documents numbered `number`, by language ("vi", "en").
async function byLanguage(number) {
  const { body } = await api(`api/search?q=${encodeURIComponent(number)}`);
  const out = {};
  for (const h of body.hits.filter((x) => x.number === number)) {
    const doc = await api(`api/documents/${h.id}`);
    out[doc.body.language] = doc.body;
  }
  return out;
}

// The metadata row "Ngôn ngữ khác" (other languages) of the open page.
function versionsRow(page) {
  return page.locator('dl.doc-meta dt').filter({ hasText: /^Ngôn ngữ khác$/ }).locator('xpath=following-sibling::dd[1]');
}

test('an English translation links to its Vietnamese original, and back', async () => {
  const family = await byLanguage('1873/QĐ-TTg');
  assert.ok(family.en, 'the English translation is indexed');
  assert.ok(family.vi, 'the Vietnamese original is indexed');
  const page = await newPage();
  await page.goto(url(`?doc=${family.en.id}`));
  await settled(page);
  const toVi = versionsRow(page).locator('a.doc-version');
  assert.equal(await toVi.count(), 1);
  assert.equal((await toVi.textContent()).trim(), 'Bản tiếng Việt');
  assert.equal(await toVi.getAttribute('lang'), 'vi');
  assert.equal(await versionsRow(page).locator('.rel-missing').count(), 0);
  await toVi.click();
  await settled(page);
  assert.equal(params(page).get('doc'), String(family.vi.id));
  assert.match(await page.locator('main').textContent(), /CHẤT THẢI RẮN|chất thải rắn/);
  // The original offers the English version, which leads back.
  const toEn = versionsRow(page).locator('a.doc-version');
  assert.equal(await toEn.count(), 1);
  assert.equal((await toEn.textContent()).trim(), 'English version');
  assert.equal(await toEn.getAttribute('lang'), 'en');
  await toEn.click();
  await settled(page);
  assert.equal(params(page).get('doc'), String(family.en.id));
  // Its "Pursuant to" paragraphs cite, as the original's "Căn cứ" do.
  const cited = page.locator('section[aria-labelledby="cites-h"]');
  assert.match(await cited.textContent(), /59\/2007\/NĐ-CP/);
  await finish(page, 'translations-pair');
});

test('an English translation whose original is not in the collection says so', async () => {
  const family = await byLanguage('112/2008/NĐ-CP');
  assert.ok(family.en, 'the English translation is indexed');
  assert.equal(family.vi, undefined);
  assert.equal(family.en.original_missing, true);
  const page = await newPage();
  await page.goto(url(`?doc=${family.en.id}`));
  await settled(page);
  const row = versionsRow(page);
  assert.equal(await row.locator('a.doc-version').count(), 0);
  assert.equal((await row.locator('.rel-missing').textContent()).trim(), 'Bản tiếng Việt (bản gốc) không có trong kho');
  await finish(page, 'translations-original-missing');
});
