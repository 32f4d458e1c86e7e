// The search page: results as you type, facets, chips, diacritics, decision
// numbers, errors, sorting, paging, dates, URL state, language, keyboard,
// phone layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  url,
  api,
  startBrowser,
  stopBrowser,
  newPage,
  finish,
  settled,
  typeQuery,
  params,
  statusText,
  statusTotal,
} from '../lib/helpers.mjs';

before(startBrowser);
after(stopBrowser);

async function hitCount(page) {
  return page.locator('#hits > li.hit').count();
}

test('typing a query shows highlighted results, and the latest answer wins', async () => {
  const page = await newPage();
  // The answer for the first query is held back, so it arrives after the
  // answer for the second: the UI must keep showing the second.
  await page.route('**/api/search?**', async (route) => {
    const q = new URL(route.request().url()).searchParams.get('q') || '';
    if (q === 'lệ phí') await new Promise((r) => setTimeout(r, 900));
    await route.continue().catch(() => {});
  });
  await page.goto(url());
  await settled(page);
  assert.match(await statusText(page), /Tất cả \d+ văn bản/);

  await typeQuery(page, 'lệ phí');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'lệ phí');
  await typeQuery(page, 'khoáng sản');
  await settled(page);
  await page.waitForTimeout(1200); // the held-back answer has arrived by now
  await settled(page);

  assert.equal(params(page).get('q'), 'khoáng sản');
  assert.match(await statusText(page), /văn bản cho “khoáng sản”/);
  const expected = (await api('api/search?q=' + encodeURIComponent('khoáng sản'))).body.total;
  assert.equal(await statusTotal(page), expected);
  assert.ok((await hitCount(page)) > 0);
  const marks = await page.locator('#hits .snippet mark').allTextContents();
  assert.ok(marks.length > 0, 'snippets have <mark> highlights');
  assert.ok(marks.some((m) => /khoáng/i.test(m)), `marks: ${marks.join('|')}`);
  assert.ok(!marks.some((m) => /lệ phí/i.test(m)), 'no highlight of the stale query');

  // Each hit shows its page and links to the original at that page.
  const first = page.locator('#hits > li.hit').first();
  assert.match(await first.locator('.hit-page').textContent(), /^tr\. \d+$/);
  assert.match(await first.locator('a.hit-file').getAttribute('href'), /^\/api\/documents\/\d+\/file#page=\d+$/);
  // The result count is announced to screen readers.
  assert.equal(await page.locator('#status').getAttribute('aria-live'), 'polite');
  await finish(page, 'search-typing');
});

test('ticking a facet changes counts and results; a chip removes it', async () => {
  const page = await newPage();
  await page.goto(url('?q=' + encodeURIComponent('khoáng sản')));
  await settled(page);
  const before = await statusTotal(page);
  const typeCountsBefore = await page.locator('fieldset[data-facet="type"] .fv-count').allTextContents();

  const option = page.locator('fieldset[data-facet="topic"] input[value="minerals"]');
  const expected = Number(
    await page.locator('fieldset[data-facet="topic"] li', { has: page.locator('input[value="minerals"]') }).locator('.fv-count').textContent(),
  );
  assert.ok(expected > 0 && expected < before, `minerals ${expected} of ${before}`);
  await option.check();
  await settled(page);

  assert.deepEqual(params(page).getAll('topic'), ['minerals']);
  assert.equal(await statusTotal(page), expected);
  assert.equal(await hitCount(page), Math.min(expected, 10));
  assert.ok(await option.isChecked());
  // Every hit now has the topic badge.
  const label = (await api('api/facets?facet_limit=100')).body.facets.topic.find((v) => v.value === 'minerals').label;
  const hits = page.locator('#hits > li.hit');
  for (let i = 0; i < (await hits.count()); i++) {
    assert.ok((await hits.nth(i).locator('.badge-topic').allTextContents()).includes(label));
  }
  const typeCountsAfter = await page.locator('fieldset[data-facet="type"] .fv-count').allTextContents();
  assert.notDeepEqual(typeCountsAfter, typeCountsBefore, 'other facets are counted again');
  const chip = page.locator('#chips a.chip', { hasText: label });
  await page.screenshot({ path: `${process.env.VNKB_E2E_OUT || 'test-output/e2e'}/search-facet-ticked.png` });

  // OR within a facet: a second topic widens; AND across: a year narrows.
  const topics = page.locator('fieldset[data-facet="topic"] input[type=checkbox]:not(:checked)');
  if ((await topics.count()) > 0) {
    const second = await topics.first().getAttribute('value');
    await page.locator(`fieldset[data-facet="topic"] input[value="${second}"]`).check();
    await settled(page);
    assert.equal(params(page).getAll('topic').length, 2);
    assert.ok((await statusTotal(page)) >= expected);
    await page.goBack();
    await settled(page);
    assert.deepEqual(params(page).getAll('topic'), ['minerals']);
  }

  await chip.click();
  await settled(page);
  assert.equal(params(page).getAll('topic').length, 0);
  assert.equal(await statusTotal(page), before);
  assert.equal(await page.locator('#chips a.chip').count(), 0);
  await finish(page, 'search-facet');
});

test('search without diacritics finds and highlights words with them', async () => {
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  await typeQuery(page, 'khoang san');
  await settled(page);
  assert.ok((await statusTotal(page)) > 0);
  const marks = await page.locator('#hits .snippet mark').allTextContents();
  assert.ok(marks.some((m) => /khoáng/i.test(m)), `marks: ${marks.join('|')}`);
  assert.ok(marks.some((m) => /sản/i.test(m)), `marks: ${marks.join('|')}`);
  await finish(page, 'search-no-diacritics');
});

test('an English topic shows, in each Vietnamese hit, the passage naming it', async () => {
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  await typeQuery(page, 'plastic pollution');
  await settled(page);
  // No document holds the English words: every hit is Vietnamese, reached
  // through the plastics topic, and marks how it names plastics ("nhựa").
  const hits = page.locator('#hits > li.hit');
  const n = await hits.count();
  assert.ok(n >= 4, `hits: ${n}`);
  for (let i = 0; i < n; i++) {
    const marks = await hits.nth(i).locator('.snippet mark').allTextContents();
    assert.ok(marks.some((m) => /nhựa/i.test(m)), `hit ${i} marks: ${marks.join('|')}`);
  }
  await finish(page, 'search-across-languages');
});

test('a decision number variant lands on the decision', async () => {
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  await typeQuery(page, '362/2025/ND-CP');
  await page.keyboard.press('Enter');
  await settled(page);
  const first = page.locator('#hits > li.hit').first();
  assert.equal((await first.locator('.hit-number').textContent()).trim(), '362/2025/NĐ-CP');
  await first.locator('.hit-title a').click();
  await settled(page);
  assert.ok(params(page).get('doc'));
  assert.match(await page.locator('h1.doc-title').textContent(), /362\/2025\/NĐ-CP/);
  // Two documents of the corpus cite it.
  const citing = await page.locator('section[aria-labelledby="citedby-h"] a').allTextContents();
  assert.deepEqual(citing.sort(), ['155/2025/TT-BTC', '156/2025/TT-BTC']);
  await finish(page, 'search-decision-number');
});

test('a malformed query shows the server’s error message', async () => {
  const page = await newPage();
  const { status, body } = await api('api/search?q=' + encodeURIComponent('(nhựa'));
  assert.equal(status, 400);
  await page.goto(url());
  await settled(page);
  await typeQuery(page, '(nhựa');
  await settled(page);
  const box = page.locator('#notices .error-box[role="alert"]');
  await box.waitFor();
  assert.equal((await box.locator('.error-message').textContent()).trim(), body.error.message);
  assert.match(await statusText(page), /Câu truy vấn không hợp lệ/);
  assert.equal(await hitCount(page), 0);
  await page.screenshot({ path: `${process.env.VNKB_E2E_OUT || 'test-output/e2e'}/search-error-shown.png` });
  // Fixing the query recovers.
  await page.locator('#q').press('End');
  await page.keyboard.type(')');
  await settled(page);
  assert.equal(await box.count(), 0);
  await finish(page, 'search-error', { allowProblems: [/status of 400/] });
});

test('a suggestion is offered and clickable; relaxed results are explained', async () => {
  const page = await newPage();
  // Whatever the speller knows today, the UI's part is tested on an answer
  // that has a suggestion and relaxed=true.
  await page.route('**/api/search?**', async (route) => {
    const q = new URL(route.request().url()).searchParams.get('q') || '';
    const response = await route.fetch();
    const body = await response.json();
    if (q === 'lien minh khoang sann') {
      body.suggestion = body.suggestion || 'liên minh khoáng sản';
      body.relaxed = true;
    }
    await route.fulfill({ response, json: body });
  });
  await page.goto(url('?q=' + encodeURIComponent('lien minh khoang sann')));
  await settled(page);
  const link = page.locator('#notices .suggestion a');
  assert.match(await page.locator('#notices .suggestion').textContent(), /^Bạn có muốn tìm:/);
  assert.match(await page.locator('#notices .relaxed').textContent(), /phần lớn các từ/);
  const suggested = (await link.textContent()).trim();
  await link.click();
  await settled(page);
  assert.equal(params(page).get('q'), suggested);
  assert.equal(await page.locator('#q').inputValue(), suggested);
  await finish(page, 'search-suggestion');
});

test('words typed with diacritics that find little say what their other spellings find, with a link', async () => {
  // "quản lý rừng" as typed is in fewer documents of the corpus than its
  // other spellings ("quan ly rung"): the server says so, and the page too.
  const q = 'quản lý rừng';
  const answer = (await api('api/search?q=' + encodeURIComponent(q))).body;
  assert.ok(answer.other_spellings, 'the corpus has other spellings of ' + q);
  const other = answer.other_spellings;
  assert.ok(other.total > answer.total);
  const page = await newPage();
  await page.goto(url('?q=' + encodeURIComponent(q)));
  await settled(page);
  const notice = page.locator('#notices .other-spellings');
  const text = await notice.textContent();
  const said = answer.total
    ? `Chỉ ${answer.total} văn bản chứa “${q}”; ${other.total} văn bản có cách viết gần giống`
    : `Không có văn bản nào chứa “${q}”; ${other.total} văn bản có cách viết gần giống`;
  assert.equal(text, said);
  // The hits are those of the spelling typed only.
  assert.equal(await statusTotal(page), answer.total);
  assert.equal(await hitCount(page), answer.hits.length);
  await notice.locator('a').click();
  await settled(page);
  assert.equal(params(page).get('q'), other.query);
  assert.equal(await statusTotal(page), other.total);
  assert.equal(await page.locator('#notices .other-spellings').count(), 0);
  await finish(page, 'search-other-spellings');
});

test('a number the collection lacks is said to be absent, and each hit says what it is to the number', async () => {
  const q = '1407/QĐ-TTg';
  const answer = (await api('api/search?q=' + encodeURIComponent(q))).body;
  assert.equal(answer.numbers.length, 1);
  assert.equal(answer.numbers[0].in_collection, false);
  const page = await newPage();
  await page.goto(url('?q=' + encodeURIComponent(q)));
  await settled(page);
  const notice = page.locator('#notices .number-absent');
  assert.equal(
    await notice.textContent(),
    `Văn bản ${q} không có trong kho; ${answer.numbers[0].related} văn bản dẫn chiếu hoặc nhắc đến văn bản này.`,
  );
  const roles = await page.locator('#hits .number-role').evaluateAll((ns) => ns.map((n) => n.dataset.role));
  assert.deepEqual(
    roles,
    answer.hits.map((h) => h.number_role.role),
  );
  assert.equal(await page.locator('#hits .number-role').first().textContent(), `Nhắc đến ${q}`);

  // A number the collection holds: the decision first, labelled as such;
  // no absence notice.
  const held = (await api('api/search?q=' + encodeURIComponent('362/2025/NĐ-CP'))).body;
  assert.equal(held.numbers[0].in_collection, true);
  await page.goto(url('?q=' + encodeURIComponent('362/2025/NĐ-CP')));
  await settled(page);
  assert.equal(await page.locator('#notices .number-absent').count(), 0);
  assert.equal(await page.locator('#hits .hit').first().locator('.number-role').textContent(), 'Là văn bản 362/2025/NĐ-CP');
  await finish(page, 'search-number-roles');
});

test('sort, pages and filters live in the URL: reload, back and forward restore the view', async () => {
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  await page.locator('#sort').selectOption('date_desc');
  await settled(page);
  assert.equal(params(page).get('sort'), 'date_desc');
  const dates = await page.locator('#hits .hit-date').evaluateAll((ns) => ns.map((n) => n.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');

  const firstPageTitles = await page.locator('#hits .hit-title').allTextContents();
  await page.locator('#pager a', { hasText: '2' }).first().click();
  await settled(page);
  assert.equal(params(page).get('page'), '2');
  const secondPageTitles = await page.locator('#hits .hit-title').allTextContents();
  assert.notDeepEqual(secondPageTitles, firstPageTitles);
  assert.equal((await page.locator('#pager [aria-current="page"]').textContent()).trim(), '2');

  await page.reload();
  await settled(page);
  assert.equal(await page.locator('#sort').inputValue(), 'date_desc');
  assert.deepEqual(await page.locator('#hits .hit-title').allTextContents(), secondPageTitles);

  await page.goBack();
  await settled(page);
  assert.equal(params(page).get('page'), null);
  assert.deepEqual(await page.locator('#hits .hit-title').allTextContents(), firstPageTitles);
  await page.goBack();
  await settled(page);
  assert.equal(params(page).get('sort'), null);
  assert.equal(await page.locator('#sort').inputValue(), 'relevance');
  await page.goForward();
  await page.goForward();
  await settled(page);
  assert.equal(params(page).get('page'), '2');
  assert.deepEqual(await page.locator('#hits .hit-title').allTextContents(), secondPageTitles);

  // A shared link with filters opens the same view in a new tab.
  const shared = url('?q=' + encodeURIComponent('khoáng sản') + '&topic=minerals&sort=date_asc');
  const other = await newPage();
  await other.goto(shared);
  await settled(other);
  assert.equal(await other.locator('#q').inputValue(), 'khoáng sản');
  assert.ok(await other.locator('fieldset[data-facet="topic"] input[value="minerals"]').isChecked());
  assert.equal(await other.locator('#sort').inputValue(), 'date_asc');
  assert.equal(await other.locator('#chips a.chip').count(), 1);
  await finish(other, 'search-shared-link');
  await finish(page, 'search-url-state');
});

test('a date range filters by issue date and shows dates Vietnamese style', async () => {
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  await page.locator('#date-from').fill('1/1/2026');
  await page.locator('#date-to').fill('2026');
  await page.locator('#date-from').press('Enter');
  await settled(page);
  assert.equal(params(page).get('from'), '2026-01-01');
  assert.equal(params(page).get('to'), '2026-12-31');
  const dates = await page.locator('#hits .hit-date').allTextContents();
  assert.ok(dates.length > 0);
  for (const d of dates) assert.match(d, /^\d{2}\/\d{2}\/2026$/);
  assert.ok(await page.locator('#chips a.chip', { hasText: 'Từ 01/01/2026' }).count());
  // An impossible date is refused with a message, not sent.
  await page.locator('#date-to').fill('31/02/2026');
  await page.locator('#date-to').press('Enter');
  assert.match(await page.locator('#date-error').textContent(), /không hợp lệ/);
  assert.equal(params(page).get('to'), '2026-12-31');
  await finish(page, 'search-date-range');
});

test('keyboard: / focuses the search box, Escape clears it, Space ticks a facet', async () => {
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('khoáng sản', { delay: 20 });
  await settled(page);
  assert.equal(params(page).get('q'), 'khoáng sản');
  await page.keyboard.press('Escape');
  await settled(page);
  assert.equal(await page.locator('#q').inputValue(), '');
  assert.equal(params(page).get('q'), null);

  // Tab reaches the facet checkboxes; Space ticks one; focus stays on it.
  const first = page.locator('#facet-groups input[type=checkbox]').first();
  const facet = await first.getAttribute('name');
  const value = await first.getAttribute('value');
  const box = page.locator(`#facet-groups input[name="${facet}"][value="${value}"]`);
  await box.focus();
  await page.keyboard.press('Space');
  await settled(page);
  assert.ok(await box.isChecked());
  assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox');
  const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focusVisible, 'none', 'focus is visible');
  // Tab from the search box moves forward through the page, in order.
  await page.locator('#q').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'search-button');
  await finish(page, 'search-keyboard');
});

test('English switch is remembered; Vietnamese is the default', async () => {
  const page = await newPage();
  await page.goto(url('?q=' + encodeURIComponent('khoáng sản')));
  await settled(page);
  assert.equal(await page.locator('#lang').textContent(), 'English');
  assert.equal(await page.locator('fieldset[data-facet="topic"] legend').textContent(), 'Chủ đề');
  // Every facet's title comes from the server's definitions, in both
  // languages: none shows its key.
  const definitions = (await api('api/facets?facet_limit=0')).body.definitions.search;
  const titles = async () => page.locator('fieldset[data-facet] legend').evaluateAll((ns) => ns.map((n) => [n.parentElement.dataset.facet, n.textContent]));
  for (const [facet, title] of await titles()) {
    assert.equal(title, definitions.find((f) => f.name === facet).label, facet);
  }
  await page.locator('#lang').click();
  await settled(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('fieldset[data-facet="topic"] legend').textContent(), 'Topic');
  for (const [facet, title] of await titles()) {
    assert.equal(title, definitions.find((f) => f.name === facet).label_en, facet);
  }
  assert.match(await statusText(page), /documents for “khoáng sản”/);
  await page.reload();
  await settled(page);
  assert.equal(await page.locator('#search-form button').textContent(), 'Search');
  await page.screenshot({ path: `${process.env.VNKB_E2E_OUT || 'test-output/e2e'}/search-english.png` });
  await page.locator('#lang').click();
  await settled(page);
  assert.equal(await page.locator('#search-form button').textContent(), 'Tìm');
  await finish(page, 'search-language');
});

test('on a 375-pixel phone the facets collapse behind a button', async () => {
  const page = await newPage({ width: 375, height: 812 });
  await page.goto(url('?q=' + encodeURIComponent('khoáng sản')));
  await settled(page);
  assert.equal(await page.locator('#facets').isVisible(), false);
  const toggle = page.locator('#facet-toggle');
  assert.ok(await toggle.isVisible());
  // Nothing is wider than the screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375));
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.locator('#facets').isVisible());
  await page.locator('fieldset[data-facet="topic"] input[value="minerals"]').check();
  await settled(page);
  assert.equal(await toggle.textContent(), 'Bộ lọc (1)');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#facets').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'facet-toggle');
  await finish(page, 'search-phone');
});
