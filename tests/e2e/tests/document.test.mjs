// The document page: metadata, citations both ways, text page by page with
// highlights, scanned pages, the original file, URL state, keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { url, api, startBrowser, stopBrowser, newPage, finish, settled, typeQuery, params } from '../lib/helpers.mjs';

before(startBrowser);
after(stopBrowser);

function metaValue(page, label) {
  return page.locator('dl.doc-meta dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

test('open a document from the results and follow a citation both ways', async () => {
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  await typeQuery(page, '155/2025/TT-BTC');
  await settled(page);
  const resultsUrl = page.url();
  await page.locator('#hits > li.hit').first().locator('.hit-title a').click();
  await settled(page);

  assert.match(await page.locator('h1.doc-title').textContent(), /155\/2025\/TT-BTC/);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('doc-title')), true);
  assert.equal((await metaValue(page, 'Số hiệu').textContent()).trim(), '155/2025/TT-BTC');
  assert.equal((await metaValue(page, 'Ngày ban hành').textContent()).trim(), '31/12/2025');
  assert.equal((await metaValue(page, 'Loại văn bản').textContent()).trim(), 'Thông tư');
  assert.equal((await metaValue(page, 'Cơ quan ban hành').textContent()).trim(), 'Bộ Tài chính');
  // The query's words are highlighted in the text.
  assert.ok((await page.locator('.page-text mark').count()) > 0);
  // Cites without an id are plain text, with one a link.
  const cites = page.locator('section[aria-labelledby="cites-h"]');
  assert.ok((await cites.locator('span.rel-number').count()) > 0, 'cites outside the collection are text');
  const link = cites.locator('a', { hasText: '362/2025/NĐ-CP' });
  await page.screenshot({ path: `${process.env.VNKB_E2E_OUT || 'test-output/e2e'}/document-155.png` });
  await link.click();
  await settled(page);
  assert.match(await page.locator('h1.doc-title').textContent(), /Nghị định số 362\/2025\/NĐ-CP/);
  const citedBy = page.locator('section[aria-labelledby="citedby-h"] a', { hasText: '155/2025/TT-BTC' });
  assert.equal(await citedBy.count(), 1);
  const id362 = params(page).get('doc');

  // And back again through "cited by".
  await citedBy.click();
  await settled(page);
  assert.match(await page.locator('h1.doc-title').textContent(), /155\/2025\/TT-BTC/);

  // Back and forward walk the same views.
  await page.goBack();
  await settled(page);
  assert.equal(params(page).get('doc'), id362);
  await page.goBack();
  await page.goBack();
  await settled(page);
  assert.equal(page.url(), resultsUrl);
  assert.equal(await page.locator('#doc-view').isVisible(), false);
  assert.ok((await page.locator('#hits > li.hit').count()) > 0);
  await page.goForward();
  await settled(page);
  assert.match(await page.locator('h1.doc-title').textContent(), /155\/2025\/TT-BTC/);
  await finish(page, 'document-citations');
});

test('the text is paged, highlighted, and the page is in the URL', async () => {
  // A document of several pages of text (the corpus's anle-34.pdf).
  let doc = null;
  for (const h of (await api('api/search?per_page=100')).body.hits) {
    const d = (await api(`api/documents/${h.id}`)).body;
    if (d.pages > 2 && d.page_info.every((p) => p.source === 'text') && (!doc || d.file_name === 'anle-34.pdf')) doc = d;
  }
  assert.ok(doc, 'the corpus has a document of several text pages');
  const id = doc.id;
  const q = 'quyền sử dụng đất';
  const page = await newPage();
  await page.goto(url(`?doc=${id}&q=${encodeURIComponent(q)}`));
  await settled(page);
  assert.equal(await page.locator('.page-input').inputValue(), '1');
  await page.locator('.text-pager a[rel="next"]').click();
  await settled(page);
  assert.equal(params(page).get('tp'), '2');
  const expected = (await api(`api/documents/${id}/text?page=2`)).body.text;
  assert.equal(await page.locator('.page-text').textContent(), expected);
  const marks = await page.locator('.page-text mark').allTextContents();
  assert.ok(marks.length > 0, 'highlights on page 2');
  // Highlights are of the query's words, matched without diacritics.
  const fold = (w) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
  const words = new Set(q.split(' ').map(fold));
  assert.ok(marks.every((m) => m.split(/\s+/).every((w) => words.has(fold(w)))), marks.join('|'));
  // The "open original" link follows the page.
  assert.equal(await page.locator('#doc-open').getAttribute('href'), `/api/documents/${id}/file#page=2`);
  // It opens the original in a new tab at that page.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('#doc-open').click()]);
  await popup.waitForURL(/\/file#page=2$/);
  assert.ok(popup.url().endsWith(`/api/documents/${id}/file#page=2`));
  await popup.close();

  // Arrow keys page through; the page number box jumps.
  await page.locator('h1.doc-title').focus();
  await page.keyboard.press('ArrowRight');
  await settled(page);
  assert.equal(params(page).get('tp'), '3');
  await page.locator('.page-input').fill(String(doc.pages));
  await page.locator('.page-input').press('Enter');
  await settled(page);
  assert.equal(params(page).get('tp'), String(doc.pages));
  assert.equal(await page.locator('.text-pager a[rel="next"]').count(), 0);

  await page.reload();
  await settled(page);
  assert.equal(await page.locator('.page-input').inputValue(), String(doc.pages));
  await page.goBack();
  await settled(page);
  assert.equal(params(page).get('tp'), '3');
  assert.equal(await page.locator('.page-input').inputValue(), '3');

  // "Clear highlight" keeps the page and drops the marks.
  await page.locator('.clear-highlight').click();
  await settled(page);
  assert.equal(params(page).get('q'), null);
  assert.equal(await page.locator('.page-text mark').count(), 0);
  await finish(page, 'document-pages');
});

test('scanned pages without OCR are marked, and the original can be downloaded', async () => {
  const { body } = await api('api/search?per_page=100');
  const scanned = body.hits.find((h) => h.status === 'needs-ocr');
  assert.ok(scanned, 'the corpus has a scanned document');
  const page = await newPage();
  await page.goto(url(`?doc=${scanned.id}`));
  await settled(page);
  assert.match(await page.locator('.source-badge').textContent(), /Bản quét — chưa OCR/);
  assert.match(await page.locator('.scanned-note').textContent(), /chưa được nhận dạng chữ/);
  assert.ok((await page.locator('.page-strip .src-none').count()) > 0);
  assert.match(await metaValue(page, 'Trạng thái').textContent(), /Cần OCR/);
  const download = page.locator('.doc-actions a[download]');
  assert.equal(await download.getAttribute('href'), `/api/documents/${scanned.id}/file`);
  const res = await fetch(url(`api/documents/${scanned.id}/file`));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /pdf/);
  await finish(page, 'document-scanned');
});

test('OCR pages are marked as OCR text with their confidence', async () => {
  // corpus/scanned/09-2025-QD-TTg.pdf has no text layer: the indexer read its
  // three pages by OCR.
  const { body } = await api('api/search?q=' + encodeURIComponent('09/2025/QĐ-TTg'));
  const hit = body.hits.find((h) => h.number === '09/2025/QĐ-TTg');
  assert.ok(hit, 'the scanned decision is found by its number');
  const doc = (await api(`api/documents/${hit.id}`)).body;
  assert.equal(doc.status, 'indexed');
  assert.ok(doc.page_info.every((p) => p.source === 'ocr' && p.ocr_confidence > 80));
  const page = await newPage();
  await page.goto(url(`?doc=${doc.id}&tp=1`));
  await settled(page);
  const pct = Math.round(doc.page_info[0].ocr_confidence);
  assert.equal((await page.locator('.source-badge').textContent()).trim(), `Văn bản OCR (độ tin cậy ${pct}%)`);
  assert.match(await page.locator('.ocr-note').textContent(), /nhận dạng tự động \(OCR\)/);
  assert.equal(await page.locator('.page-strip .src-ocr').count(), 3);
  assert.match(await page.locator('.page-text').textContent(), /mã định danh điện tử/);
  await finish(page, 'document-ocr');
});

test('Escape on a document returns to the results; unknown documents say so', async () => {
  const page = await newPage();
  await page.goto(url('?q=' + encodeURIComponent('lệ phí')));
  await settled(page);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await page.locator('#hits > li.hit').first().locator('.hit-title a').click();
  await settled(page);
  assert.ok(params(page).get('doc'));
  await page.keyboard.press('Escape');
  await settled(page);
  assert.equal(params(page).get('doc'), null);
  assert.equal(params(page).get('q'), 'lệ phí');
  assert.equal(await page.evaluate(() => window.scrollY), scrollBefore);

  await page.goto(url('?doc=999999'));
  await settled(page);
  assert.match(await page.locator('#doc-view .error-box').textContent(), /Không tìm thấy văn bản/);
  await finish(page, 'document-escape', { allowProblems: [/status of 404/] });
});
