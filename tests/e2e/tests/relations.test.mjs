// The document page's typed relations and validity (issue 16). run.sh has
// the librarian record that 42/2026/NĐ-CP (vbpl-000184) replaces
// 49/2025/TT-BNNMT (vbpl-000266), both in corpus/; 362/2025/NĐ-CP
// (vbpl-000044) amends and repeals documents that are not in the collection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { url, api, startBrowser, stopBrowser, newPage, finish, settled, params } from '../lib/helpers.mjs';

before(startBrowser);
after(stopBrowser);

async function idOf(number) {
  const { body } = await api(`api/search?q=${encodeURIComponent(number)}`);
  const hit = body.hits.find((h) => h.number === number);
  assert.ok(hit, `no hit numbered ${number}`);
  return hit.id;
}

// The value of the metadata row labelled exactly `label`.
function metaValue(page, label) {
  return page.locator('dl.doc-meta dt').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}

test('a replaced document shows its status, the reason and who replaced it', async () => {
  const replaced = await idOf('49/2025/TT-BNNMT');
  const replacing = await idOf('42/2026/NĐ-CP');
  const page = await newPage();
  await page.goto(url(`?doc=${replaced}`));
  await settled(page);
  const status = metaValue(page, 'Hiệu lực');
  assert.equal(await status.getAttribute('data-state'), 'expired');
  assert.match(await status.textContent(), /Hết hiệu lực toàn bộ — bị thay thế bởi Nghị định 42\/2026\/NĐ-CP từ ngày 26\/01\/2026/);
  assert.equal((await metaValue(page, 'Ngày có hiệu lực').textContent()).trim(), '03/10/2025');
  // "Bị thay thế bởi" lists the replacing decree as a link; follow it.
  const by = page.locator('section[data-dir="in"][data-kind="replaces"]');
  assert.match(await by.locator('h2').textContent(), /Bị thay thế bởi\s*1/);
  await by.locator('a', { hasText: '42/2026/NĐ-CP' }).click();
  await settled(page);
  assert.equal(params(page).get('doc'), String(replacing));
  // Its own page lists what it replaces, marked as set by the librarian.
  const out = page.locator('section[data-dir="out"][data-kind="replaces"]');
  assert.equal(await out.locator('a', { hasText: '49/2025/TT-BNNMT' }).count(), 1);
  assert.match(await out.textContent(), /thủ thư nhập/);
  assert.equal(await metaValue(page, 'Hiệu lực').getAttribute('data-state'), 'in_force');
  await finish(page, 'relations-replaced');
});

test('relations to documents outside the collection are shown by number, grouped by kind', async () => {
  const id = await idOf('362/2025/NĐ-CP');
  const page = await newPage();
  await page.goto(url(`?doc=${id}`));
  await settled(page);
  const amends = page.locator('section[data-dir="out"][data-kind="amends"]');
  assert.match(await amends.locator('h2').textContent(), /Sửa đổi, bổ sung/);
  const item = amends.locator('li', { hasText: '153/2024/NĐ-CP' });
  assert.equal(await item.locator('a').count(), 0, 'not in the collection: no link');
  assert.match(await item.textContent(), /không có trong kho/);
  assert.match((await item.getAttribute('title')) || '', /Sửa đổi, bổ sung một số điều của Nghị định số 153\/2024\/NĐ-CP/);
  const repeals = page.locator('section[data-dir="out"][data-kind="repeals"]');
  assert.ok((await repeals.locator('li', { hasText: '139/2016/NĐ-CP' }).count()) === 1);
  // Mentions are labelled apart from citations.
  assert.equal(await page.locator('section[aria-labelledby="cites-h"]').count(), 1);
  assert.equal(await page.locator('section[data-kind="cites"]').count(), 0);
  await finish(page, 'relations-outside');
});

test('the API answers the validity as of a date and refuses a bad one', async () => {
  const replaced = await idOf('49/2025/TT-BNNMT');
  const before = await api(`api/documents/${replaced}?as_of=2025-12-01`);
  assert.equal(before.body.validity.state, 'in_force');
  const notYet = await api(`api/documents/${replaced}?as_of=2025-09-01`);
  assert.equal(notYet.body.validity.state, 'not_yet_in_force');
  const bad = await api(`api/documents/${replaced}?as_of=2025-02-30`);
  assert.equal(bad.status, 400);
});
