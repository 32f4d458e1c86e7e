// The position matrix of the "Lập trường" view and the brief's downloads:
// the matrix against /api/positions/matrix, a cell opening its quotes and
// sources, the columns switch, CSV and Markdown downloads, the phone width
// and injected HTML. Counts come from the API, never hard-coded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { url, api, startBrowser, stopBrowser, newPage, finish, settled, params } from '../lib/helpers.mjs';
import { qs, cards, pTotal, allPositions } from '../lib/positions.mjs';

before(startBrowser);
after(stopBrowser);

async function matrixApi(o = {}) {
  const { status, body } = await api(`api/positions/matrix?${qs(o)}`);
  assert.equal(status, 200, JSON.stringify(body));
  return body;
}

test('the matrix shows actors by topic with the latest stance and count; a cell opens its quotes', async () => {
  const m = await matrixApi();
  assert.ok(m.rows.length > 1 && m.columns.length > 1, 'the corpus gives a matrix');
  const page = await newPage();
  await page.goto(url('?view=positions'));
  await settled(page);
  await page.locator('#p-mode-matrix').click();
  await settled(page);
  assert.equal(params(page).get('mode'), 'matrix');
  assert.equal(await page.locator('#p-mode-matrix').getAttribute('aria-current'), 'page');
  assert.ok(await page.locator('#p-across').isVisible());
  assert.equal(await page.locator('#p-sort').isVisible(), false);

  const table = page.locator('#p-list table.matrix');
  assert.ok(await table.isVisible());
  const heads = await table.locator('thead th.mx-issue .mx-issue-label').allTextContents();
  assert.deepEqual(heads, m.columns.map((c) => c.label));
  const actors = await table.locator('tbody th.mx-actor a').allTextContents();
  assert.deepEqual(actors, m.rows.map((r) => r.actor.label));

  // Each cell: the stance in words (not colour alone) and the count.
  let first = null;
  for (let r = 0; r < m.rows.length; r++) {
    const row = table.locator('tbody tr').nth(r);
    for (let c = 0; c < m.columns.length; c++) {
      const cell = m.rows[r].cells[c];
      const td = row.locator('td').nth(c);
      if (!cell) {
        assert.equal((await td.locator('.sr-only').textContent()).trim(), 'không có phát biểu');
        continue;
      }
      const link = td.locator('a.mx-link');
      assert.equal((await link.locator('.mx-stance').textContent()).trim(), cell.stance.label);
      assert.equal((await link.locator('.mx-count').textContent()).trim(), String(cell.count));
      const label = await link.getAttribute('aria-label');
      assert.ok(label.includes(cell.stance.label) && label.includes(`${cell.count} phát biểu`), label);
      assert.ok((await link.getAttribute('class')).includes(`stance-${cell.stance.id}`));
      if (!first) first = { link, cell, actor: m.rows[r].actor, issue: m.columns[c] };
    }
  }

  // The cell opens the positions list of that actor and topic: its quotes,
  // each with its document and page.
  await first.link.click();
  await settled(page);
  const p = params(page);
  assert.equal(p.get('mode'), null);
  assert.deepEqual(p.getAll('actor'), [first.actor.id]);
  assert.deepEqual(p.getAll('topic'), [first.issue.id]);
  assert.equal(await pTotal(page), first.cell.count);
  const n = await cards(page).count();
  assert.equal(n, Math.min(first.cell.count, 20));
  for (let i = 0; i < n; i++) {
    const card = cards(page).nth(i);
    assert.ok((await card.locator('blockquote.pos-quote').textContent()).trim().length > 0);
    assert.match(await card.locator('a.pos-doc-title').getAttribute('href'), /^\/\?doc=\d+/);
    assert.match((await card.locator('a.pos-page').textContent()).trim(), /^tr\. \d+$/);
  }
  // Back to the matrix, then across processes.
  await page.goBack();
  await settled(page);
  assert.equal(params(page).get('mode'), 'matrix');
  await page.locator('#p-across').selectOption('process');
  await settled(page);
  assert.equal(params(page).get('across'), 'process');
  const byProcess = await matrixApi({ across: 'process' });
  assert.deepEqual(await table.locator('thead th.mx-issue .mx-issue-label').allTextContents(), byProcess.columns.map((c) => c.label));
  await finish(page, 'matrix-desktop');
});

test('the brief downloads as CSV and Markdown with the filters of the view', async () => {
  const page = await newPage();
  await page.goto(url('?view=positions&mode=matrix&actor=bng'));
  await settled(page);
  const all = (await api('api/positions?per_page=0&actor=bng')).body;
  assert.ok(all.total > 0);
  const csvHref = await page.locator('#p-export-csv').getAttribute('href');
  assert.equal(csvHref, '/api/positions/export?format=csv&actor=bng');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#p-export-csv').click()]);
  assert.match(csv.suggestedFilename(), /^lap-truong-\d{4}-\d{2}-\d{2}\.csv$/);
  const body = fs.readFileSync(await csv.path(), 'utf8');
  assert.equal(body.charCodeAt(0), 0xfeff, 'a byte order mark for Excel');
  const records = body.slice(1).split('\r\n').filter((l) => /^"\d+",/.test(l));
  assert.equal(records.length, all.total);
  for (const r of records) assert.ok(r.includes('"bng"'), r);

  const [md] = await Promise.all([page.waitForEvent('download'), page.locator('#p-export-md').click()]);
  assert.match(md.suggestedFilename(), /\.md$/);
  const text = fs.readFileSync(await md.path(), 'utf8');
  assert.ok(text.startsWith('# Lập trường trong đàm phán\n'), text.slice(0, 200));
  assert.ok(text.includes('Tác nhân: Bộ Ngoại giao'));
  assert.ok(text.includes('Nhóm theo: chủ đề'), 'the matrix groups the brief by its columns');
  // The librarian's position quoting a <script> is text, escaped.
  assert.ok(text.includes('\\<script\\>window.\\_\\_pwned=1\\</script\\>'), 'the quote escaped');
  assert.ok(!text.includes('<script>'));
  await finish(page, 'matrix-export');
});

test('the matrix for “nhựa”: a cell opens quotes that show their forum as written and their target', async () => {
  // The sample records of corpus/samples/ give positions on plastics with
  // a target; find a cell holding one, from the API.
  const m = await matrixApi({ q: 'nhựa' });
  assert.ok(m.rows.length > 0 && m.columns.length > 0, 'the corpus gives a matrix for “nhựa”');
  let found = null;
  for (let r = 0; r < m.rows.length && !found; r++) {
    for (let c = 0; c < m.columns.length && !found; c++) {
      if (!m.rows[r].cells[c]) continue;
      const list = await allPositions({ q: 'nhựa', actor: m.rows[r].actor.id, topic: m.columns[c].id });
      assert.equal(list.length, m.rows[r].cells[c].count);
      const p = list.find((x) => x.target && x.forum_name);
      if (p) found = { r, c, p };
    }
  }
  assert.ok(found, 'a cell of the “nhựa” matrix holds a position with a target and a forum name');
  const page = await newPage();
  await page.goto(url(`?view=positions&mode=matrix&q=${encodeURIComponent('nhựa')}`));
  await settled(page);
  const td = page.locator('#p-list table.matrix tbody tr').nth(found.r).locator('td').nth(found.c);
  await td.locator('a.mx-link').click();
  await settled(page);
  assert.deepEqual(params(page).getAll('actor'), [m.rows[found.r].actor.id]);
  assert.deepEqual(params(page).getAll('topic'), [m.columns[found.c].id]);
  const card = page.locator(`#p-list li.position[data-id="${found.p.id}"]`);
  assert.equal(await card.count(), 1);
  assert.equal((await card.locator('.pos-target-text').textContent()).trim(), found.p.target.trim());
  const shown = [found.p.process, found.p.forum].filter(Boolean).map((x) => x.label.toLowerCase());
  if (shown.includes(found.p.forum_name.toLowerCase())) {
    assert.equal(await card.locator('.pos-forum-name').count(), 0, 'a forum name equal to a label shown is not repeated');
  } else {
    assert.equal((await card.locator('.pos-forum-name-text').textContent()).trim(), found.p.forum_name.trim());
  }
  await finish(page, 'matrix-cell-target');
});

test('the matrix fits a phone: the table scrolls, the page does not', async () => {
  const page = await newPage({ width: 375, height: 812 });
  await page.goto(url('?view=positions&mode=matrix'));
  await settled(page);
  assert.ok(await page.locator('#p-list table.matrix').isVisible());
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
  // The actors stay in view while the issues scroll sideways.
  const scroller = page.locator('.matrix-scroll');
  await scroller.evaluate((n) => n.scrollTo(200, 0));
  const box = await page.locator('tbody th.mx-actor').first().boundingBox();
  const frame = await scroller.boundingBox();
  assert.ok(Math.abs(box.x - frame.x) <= 2, `actor column at ${box.x}, table at ${frame.x}`);
  // The cells are links big enough to touch.
  const cell = await page.locator('a.mx-link').first().boundingBox();
  assert.ok(cell.height >= 32, `cell height ${cell.height}`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await finish(page, 'matrix-phone');
});

test('a bad matrix parameter in the API is a 400 with a message', async () => {
  for (const bad of ['across=actor', 'rows=0', 'columns=1000']) {
    const { status, body } = await api(`api/positions/matrix?${bad}`);
    assert.equal(status, 400, bad);
    assert.equal(body.error.code, 'bad_parameter');
  }
  const { status } = await api('api/positions/export?format=docx');
  assert.equal(status, 400);
});
