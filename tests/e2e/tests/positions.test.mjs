// The "Lập trường" view (negotiation positions): totals and facets against
// the API, the timeline, dates, URL state, date range, typing, errors,
// injected HTML, language, keyboard and phone. The actor page and the
// document links are in actor.test.mjs.
// Counts are read from the API, never hard-coded: the extractor may change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { url, api, startBrowser, stopBrowser, newPage, finish, shot, settled, typeQuery, params } from '../lib/helpers.mjs';
import { PER_PAGE, positionsApi, allPositions, cards, pStatus, pTotal, cardIds, vnDate, viewOf } from '../lib/positions.mjs';

before(startBrowser);
after(stopBrowser);

test('the positions view shows the total, a timeline by year and Vietnamese dates', async () => {
  const all = await positionsApi({ per_page: PER_PAGE });
  assert.ok(all.total > 0, 'the corpus gives positions');
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  // The switch in the top bar.
  assert.equal(await page.locator('#nav-search').getAttribute('aria-current'), 'page');
  await page.locator('#nav-positions').click();
  await settled(page);
  assert.equal(params(page).get('view'), 'positions');
  assert.equal(await page.locator('#nav-positions').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('#nav-search').getAttribute('aria-current'), null);
  assert.ok(await page.locator('#positions-view').isVisible());
  assert.equal(await page.locator('#search-view').isVisible(), false);
  assert.equal(await page.locator('#q').getAttribute('placeholder'), 'Tìm lập trường, tác nhân, trích dẫn…');

  // The total and the first page, in the server's (timeline) order.
  assert.match(await pStatus(page), /^Tất cả \d+ lập trường trong kho/);
  assert.equal(await pTotal(page), all.total);
  assert.deepEqual(await cardIds(page), all.positions.map((p) => p.id));
  assert.equal(await page.locator('#p-sort').inputValue(), 'date_asc');
  assert.equal(await page.locator('#p-status').getAttribute('aria-live'), 'polite');

  // Grouped by year under headings, each year's positions of that year.
  const groups = page.locator('#p-list section.tl-year');
  assert.ok((await groups.count()) > 0);
  const years = [];
  for (let i = 0; i < (await groups.count()); i++) {
    const g = groups.nth(i);
    const year = await g.getAttribute('data-year');
    years.push(year);
    const heading = (await g.locator('h2.tl-year-heading .tl-year-label').textContent()).trim();
    assert.equal(heading, year || 'Không rõ ngày');
    for (const d of await g.locator('li.position').evaluateAll((ns) => ns.map((n) => n.dataset.date))) {
      assert.equal(d.slice(0, 4), year);
    }
  }
  const dated = years.filter(Boolean);
  assert.deepEqual(dated, [...dated].sort(), 'years in ascending order');

  // Each card: actor link, stance badge, date, quote, document and page.
  for (let i = 0; i < all.positions.length; i++) {
    const p = all.positions[i];
    const card = cards(page).nth(i);
    assert.equal((await card.locator('a.pos-actor').textContent()).trim(), p.actor.label);
    assert.equal(await card.locator('a.pos-actor').getAttribute('href'), `/?${new URLSearchParams({ view: 'actor', id: p.actor.id })}`);
    assert.equal((await card.locator('.stance-badge').textContent()).trim(), p.stance.label);
    assert.equal((await card.locator('.pos-date').textContent()).trim(), p.date ? vnDate(p.date) : 'Không rõ ngày');
    assert.equal((await card.locator('blockquote.pos-quote').textContent()).trim(), p.quote.trim());
    assert.equal((await card.locator('a.pos-page').textContent()).trim(), `tr. ${p.page}`);
    // The link the search results use for a page.
    assert.equal(await card.locator('a.pos-page').getAttribute('href'), p.page > 1 ? `/?doc=${p.document_id}&tp=${p.page}` : `/?doc=${p.document_id}`);
    assert.equal(await card.locator('a.pos-file').getAttribute('href'), `/api/documents/${p.document_id}/file#page=${p.page}`);
    if (p.document_number) assert.equal((await card.locator('.pos-doc-number').textContent()).trim(), p.document_number);
    const topics = await card.locator('.badge-topic').allTextContents();
    assert.deepEqual(topics, p.topics.map((x) => x.label));
    if (p.process) assert.equal((await card.locator('.pos-process').textContent()).trim(), `Tiến trình: ${p.process.label}`);
  }

  // Dates of every form, anywhere in the collection, as the UI writes them.
  const every = await allPositions();
  const forms = new Map(); // one position per form of date
  for (const p of every) {
    const form = !p.date ? 'none' : p.date.length === 10 ? 'day' : p.date.length === 7 ? 'month' : 'year';
    if (!forms.has(form)) forms.set(form, p);
  }
  for (const [form, p] of forms) {
    await page.goto(url(await viewOf(p)));
    await settled(page);
    const text = (await page.locator(`#p-list li.position[data-id="${p.id}"] .pos-date`).textContent()).trim();
    const expected = { none: 'Không rõ ngày', day: /^\d{2}\/\d{2}\/\d{4}$/, month: /^\d{2}\/\d{4}$/, year: /^\d{4}$/ }[form];
    if (typeof expected === 'string') assert.equal(text, expected);
    else assert.match(text, expected);
    if (p.date) assert.equal(text, vnDate(p.date));
  }
  await finish(page, 'positions-list');
});

test('a stance facet filters (every card shows it); OR within, AND across; chips remove', async () => {
  const start = await positionsApi({ per_page: 0, facet_limit: 30 });
  const stances = start.facets.stance;
  assert.ok(stances.length >= 2, 'at least two stances in the corpus');
  const [s1, s2] = stances; // the two most common
  const page = await newPage();
  await page.goto(url('?view=positions'));
  await settled(page);
  const facetCount = async (facet, value) =>
    Number(
      await page
        .locator(`fieldset[data-pfacet="${facet}"] li`, { has: page.locator(`input[value="${value}"]`) })
        .locator('.fv-count')
        .textContent(),
    );
  assert.equal(await facetCount('stance', s1.value), s1.count);
  const before = await pTotal(page);

  await page.locator(`fieldset[data-pfacet="stance"] input[value="${s1.value}"]`).check();
  await settled(page);
  assert.deepEqual(params(page).getAll('stance'), [s1.value]);
  const one = await positionsApi({ stance: s1.value, per_page: PER_PAGE });
  assert.equal(await pTotal(page), one.total);
  assert.equal(one.total, s1.count);
  assert.ok(one.total < before);
  assert.deepEqual(await cardIds(page), one.positions.map((p) => p.id));
  const badges = await page.locator('#p-list li.position .stance-badge').evaluateAll((ns) => ns.map((n) => [n.dataset.stance, n.textContent.trim()]));
  assert.ok(badges.length > 0);
  for (const [id, text] of badges) {
    assert.equal(id, s1.value);
    assert.equal(text, s1.label);
  }
  await shot(page, 'positions-stance-ticked');

  // OR within a facet: the other stances stay listed; a second one widens.
  assert.equal(await page.locator(`fieldset[data-pfacet="stance"] input[value="${s2.value}"]`).count(), 1);
  assert.equal(await facetCount('stance', s2.value), s2.count);
  await page.locator(`fieldset[data-pfacet="stance"] input[value="${s2.value}"]`).check();
  await settled(page);
  assert.deepEqual(params(page).getAll('stance'), [s1.value, s2.value]);
  const both = await positionsApi({ stance: [s1.value, s2.value], per_page: 0 });
  assert.equal(both.total, s1.count + s2.count, 'one stance per position');
  assert.equal(await pTotal(page), both.total);
  for (const id of await page.locator('#p-list .stance-badge').evaluateAll((ns) => ns.map((n) => n.dataset.stance))) {
    assert.ok([s1.value, s2.value].includes(id));
  }

  // AND across facets: an actor narrows.
  const actor = both.facets.actor.find((a) => a.count < both.total) || both.facets.actor[0];
  const actorBox = page.locator(`fieldset[data-pfacet="actor"] input[value="${actor.value}"]`);
  if (!(await actorBox.isVisible())) await page.locator('fieldset[data-pfacet="actor"] .facet-more').click();
  await actorBox.check();
  await settled(page);
  const narrowed = await positionsApi({ stance: [s1.value, s2.value], actor: actor.value, per_page: PER_PAGE });
  assert.equal(await pTotal(page), narrowed.total);
  assert.ok(narrowed.total <= both.total);
  for (const a of await page.locator('#p-list a.pos-actor').allTextContents()) assert.equal(a.trim(), actor.label);
  // One actor chosen: a link to its page.
  assert.equal((await page.locator('#p-summary .summary-actor-link').textContent()).trim(), actor.label);

  // Chips: one per filter, × removes it, "clear all" removes every one.
  const chips = page.locator('#p-chips a.chip:not(.chip-clear)');
  assert.equal(await chips.count(), 3);
  await page.locator('#p-chips a.chip', { hasText: `Tác nhân: ${actor.label}` }).click();
  await settled(page);
  assert.equal(params(page).getAll('actor').length, 0);
  assert.equal(await pTotal(page), both.total);
  await page.locator('#p-chips a.chip-clear').click();
  await settled(page);
  assert.equal(params(page).getAll('stance').length, 0);
  assert.equal(await pTotal(page), before);
  assert.equal(await page.locator('#p-chips a.chip').count(), 0);

  // Back walks the same steps.
  await page.goBack();
  await settled(page);
  assert.deepEqual(params(page).getAll('stance'), [s1.value, s2.value]);
  assert.ok(await page.locator(`fieldset[data-pfacet="stance"] input[value="${s2.value}"]`).isChecked());
  await finish(page, 'positions-facets');
});

test('the process facet lists a forum under its process, indented', async () => {
  const start = await positionsApi({ per_page: 0, facet_limit: 30 });
  const processes = start.facets.process;
  const listed = new Set(processes.map((v) => v.value));
  const nested = processes.filter((v) => v.parent && listed.has(v.parent));
  assert.ok(nested.length > 0, 'the corpus has a forum whose process is listed (INC-5)');
  const page = await newPage();
  await page.goto(url('?view=positions'));
  await settled(page);
  const more = page.locator('fieldset[data-pfacet="process"] .facet-more');
  if (await more.count()) await more.click();
  const shown = await page
    .locator('fieldset[data-pfacet="process"] li.facet-value')
    .evaluateAll((ns) => ns.map((n) => ({ value: n.querySelector('input').value, nested: n.classList.contains('is-nested') })));
  assert.equal(shown.length, processes.length);
  for (const v of nested) {
    const at = shown.findIndex((x) => x.value === v.value);
    assert.ok(shown[at].nested, `${v.value} is indented`);
    // Between its process and itself only other forums of that process.
    const parentAt = shown.findIndex((x) => x.value === v.parent);
    assert.ok(parentAt >= 0 && parentAt < at, `${v.value} follows ${v.parent}`);
    for (const x of shown.slice(parentAt + 1, at)) assert.ok(x.nested, `${x.value} between ${v.parent} and ${v.value} is a forum`);
  }
  for (const x of shown.filter((x) => x.nested)) assert.ok(nested.some((v) => v.value === x.value));
  await finish(page, 'positions-process-facet');
});

test('sort, pages and filters live in the URL: reload, back, forward and a shared link', async () => {
  const total = (await positionsApi({ per_page: 0 })).total;
  const page = await newPage();
  await page.goto(url('?view=positions'));
  await settled(page);
  await page.locator('#p-sort').selectOption('date_desc');
  await settled(page);
  assert.equal(params(page).get('sort'), 'date_desc');
  const desc = await positionsApi({ sort: 'date_desc', per_page: PER_PAGE });
  const firstIds = await cardIds(page);
  assert.deepEqual(firstIds, desc.positions.map((p) => p.id));
  const dates = desc.positions.map((p) => p.date).filter(Boolean);
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  const years = await page.locator('#p-list section.tl-year[data-year]:not([data-year=""])').evaluateAll((ns) => ns.map((n) => n.dataset.year));
  assert.deepEqual(years, [...years].sort().reverse());

  let secondIds = null;
  if (total > PER_PAGE) {
    await page.locator('#p-pager a', { hasText: '2' }).first().click();
    await settled(page);
    assert.equal(params(page).get('page'), '2');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'p-status');
    secondIds = await cardIds(page);
    assert.deepEqual(secondIds, (await positionsApi({ sort: 'date_desc', per_page: PER_PAGE, page: 2 })).positions.map((p) => p.id));
    assert.equal((await page.locator('#p-pager [aria-current="page"]').textContent()).trim(), '2');
    await page.reload();
    await settled(page);
    assert.equal(await page.locator('#p-sort').inputValue(), 'date_desc');
    assert.deepEqual(await cardIds(page), secondIds);
    await page.goBack();
    await settled(page);
    assert.equal(params(page).get('page'), null);
    assert.deepEqual(await cardIds(page), firstIds);
  }
  await page.goBack();
  await settled(page);
  assert.equal(params(page).get('sort'), null);
  assert.equal(await page.locator('#p-sort').inputValue(), 'date_asc');
  await page.goForward();
  await settled(page);
  assert.equal(params(page).get('sort'), 'date_desc');
  assert.deepEqual(await cardIds(page), firstIds);

  // The switch goes to the documents and back keeps this view.
  const here = page.url();
  await page.locator('#nav-search').click();
  await settled(page);
  assert.ok(await page.locator('#search-view').isVisible());
  assert.equal(params(page).get('view'), null);
  assert.equal(await page.locator('#nav-positions').getAttribute('href'), new URL(here).pathname + new URL(here).search);
  await page.goBack();
  await settled(page);
  assert.equal(page.url(), here);
  assert.ok(await page.locator('#positions-view').isVisible());

  // A shared link opens the same view in a new tab.
  const facets = (await positionsApi({ per_page: 0 })).facets;
  const actor = facets.actor[0].value;
  const stance = facets.stance[0].value;
  const shared = url(`?view=positions&actor=${actor}&stance=${stance}&sort=date_desc`);
  const expected = await positionsApi({ actor, stance, sort: 'date_desc', per_page: PER_PAGE });
  const other = await newPage();
  await other.goto(shared);
  await settled(other);
  assert.ok(await other.locator(`fieldset[data-pfacet="actor"] input[value="${actor}"]`).isChecked());
  assert.ok(await other.locator(`fieldset[data-pfacet="stance"] input[value="${stance}"]`).isChecked());
  assert.equal(await other.locator('#p-sort').inputValue(), 'date_desc');
  assert.equal(await other.locator('#p-chips a.chip:not(.chip-clear)').count(), 2);
  assert.equal(await pTotal(other), expected.total);
  assert.deepEqual(await cardIds(other), expected.positions.map((p) => p.id));
  await finish(other, 'positions-shared-link');
  await finish(page, 'positions-url-state');
});

test('a date range filters the positions by date', async () => {
  const years = (await positionsApi({ per_page: 0 })).facets.year.map((y) => y.value).sort();
  assert.ok(years.length > 0, 'some positions have a date');
  const year = years[years.length - 1];
  const page = await newPage();
  await page.goto(url('?view=positions'));
  await settled(page);
  await page.locator('#p-date-from').fill(`1/1/${year}`);
  await page.locator('#p-date-to').fill(year);
  await page.locator('#p-date-from').press('Enter');
  await settled(page);
  assert.equal(params(page).get('from'), `${year}-01-01`);
  assert.equal(params(page).get('to'), `${year}-12-31`);
  const expected = await positionsApi({ from: `${year}-01-01`, to: `${year}-12-31`, per_page: 0 });
  assert.equal(await pTotal(page), expected.total);
  for (const d of await page.locator('#p-list .pos-date').allTextContents()) assert.match(d.trim(), new RegExp(`${year}$`));
  assert.equal(await page.locator('#p-chips a.chip', { hasText: `Từ 01/01/${year}` }).count(), 1);
  // An impossible date is refused with a message.
  await page.locator('#p-date-to').fill('31/02/2026');
  await page.locator('#p-date-to').press('Enter');
  assert.match(await page.locator('#p-date-error').textContent(), /không hợp lệ/);
  assert.equal(params(page).get('to'), `${year}-12-31`);
  await finish(page, 'positions-date-range');
});

test('typing searches positions, the latest answer wins; errors and empty results', async () => {
  const facets = (await positionsApi({ per_page: 0 })).facets;
  // Two queries: a stance's name (held back), then the first actor's name
  // that finds positions.
  const slow = facets.stance[facets.stance.length - 1].label;
  let fast = null;
  for (const a of facets.actor) {
    if ((await positionsApi({ q: a.label, per_page: 0 })).total > 0) {
      fast = a.label;
      break;
    }
  }
  assert.ok(fast, 'an actor name finds positions');
  const page = await newPage();
  await page.route('**/api/positions?**', async (route) => {
    const q = new URL(route.request().url()).searchParams.get('q') || '';
    if (q === slow) await new Promise((r) => setTimeout(r, 900));
    await route.continue().catch(() => {});
  });
  await page.goto(url('?view=positions'));
  await settled(page);
  await typeQuery(page, slow);
  await page.waitForFunction((s) => new URL(location.href).searchParams.get('q') === s, slow);
  await typeQuery(page, fast);
  await settled(page);
  await page.waitForTimeout(1200); // the held-back answer has arrived by now
  await settled(page);
  assert.equal(params(page).get('view'), 'positions');
  assert.equal(params(page).get('q'), fast);
  const expected = await positionsApi({ q: fast, per_page: PER_PAGE });
  assert.ok(expected.total > 0);
  assert.equal(await pStatus(page).then((s) => s.startsWith(`${expected.total} lập trường cho “${fast}”`)), true);
  assert.deepEqual(await cardIds(page), expected.positions.map((p) => p.id));
  // With words: by relevance, one flat list (no year headings).
  assert.equal(await page.locator('#p-sort').inputValue(), 'relevance');
  assert.equal(await page.locator('#p-list ol.pos-list.is-flat').count(), 1);
  assert.equal(await page.locator('#p-list section.tl-year').count(), 0);
  // Typing left one history entry.
  await page.goBack();
  await settled(page);
  assert.equal(params(page).get('q'), null);
  assert.equal(params(page).get('view'), 'positions');
  await page.goForward();
  await settled(page);

  // A malformed query shows the server's message.
  const bad = await api('api/positions?q=' + encodeURIComponent('(nhựa'));
  assert.equal(bad.status, 400);
  await typeQuery(page, '(nhựa');
  await settled(page);
  const box = page.locator('#p-notices .error-box[role="alert"]');
  await box.waitFor();
  assert.equal((await box.locator('.error-message').textContent()).trim(), bad.body.error.message);
  assert.match(await pStatus(page), /Câu truy vấn không hợp lệ/);
  assert.equal(await cards(page).count(), 0);
  await shot(page, 'positions-error');

  // Nothing found: said so, with a way out of the filters.
  await page.goto(url('?view=positions&q=zqxjwv&stance=' + facets.stance[0].value));
  await settled(page);
  assert.equal((await page.locator('#p-list .empty-title').textContent()).trim(), 'Không tìm thấy lập trường nào');
  await page.locator('#p-list a.without-filters').click();
  await settled(page);
  assert.equal(params(page).getAll('stance').length, 0);
  assert.equal(params(page).get('q'), 'zqxjwv');
  await finish(page, 'positions-typing', { allowProblems: [/status of 400/] });
});

test('injected HTML in a quote or a title stays text; corrected and added positions are marked', async () => {
  const every = await allPositions();
  const page = await newPage();
  const hostile = every.find((p) => p.quote.includes('<script>'));
  assert.ok(hostile, 'run.sh adds a position quoting a <script>');
  {
    assert.equal(hostile.source, 'librarian');
    await page.goto(url(await viewOf(hostile)));
    await settled(page);
    await page.waitForTimeout(200);
    const card = page.locator(`#p-list li.position[data-id="${hostile.id}"]`);
    assert.equal((await card.locator('blockquote').textContent()).trim(), hostile.quote.trim());
    // Its forum as written and its target, HTML in them shown as text.
    assert.match(hostile.forum_name, /<img src=x onerror=/);
    assert.match(hostile.target, /<script>/);
    assert.equal((await card.locator('.pos-forum-name-text').textContent()).trim(), hostile.forum_name);
    assert.equal((await card.locator('.pos-forum-name').textContent()).trim(), `Tại: ${hostile.forum_name}`);
    assert.equal((await card.locator('.pos-target-text').textContent()).trim(), hostile.target);
    assert.equal((await card.locator('.pos-target').textContent()).trim(), `Về: ${hostile.target}`);
    assert.ok((await card.locator('.pos-doc-title').textContent()).includes(hostile.document_title));
    assert.equal((await card.locator('.pos-source').textContent()).trim(), 'do thủ thư thêm');
    assert.equal((await card.locator('.pos-date').textContent()).trim(), vnDate(hostile.date));
    // The same on the actor page.
    await card.locator('a.pos-actor').click();
    await settled(page);
    await page.waitForTimeout(200);
    const again = page.locator(`#actor-view li.position[data-id="${hostile.id}"]`);
    assert.equal((await again.locator('blockquote').textContent()).trim(), hostile.quote.trim());
    assert.equal((await again.locator('.pos-target-text').textContent()).trim(), hostile.target);
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'no injected code ran');
    assert.deepEqual(page.dialogs, []);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 1);
    const handlers = await page.evaluate(
      () => [...document.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => /^on/i.test(a.name))).length,
    );
    assert.equal(handlers, 0);
  }
  const corrected = every.find((p) => p.source === 'corrected');
  if (corrected) {
    await page.goto(url(await viewOf(corrected)));
    await settled(page);
    const card = page.locator(`#p-list li.position[data-id="${corrected.id}"]`);
    assert.equal((await card.locator('.pos-source').textContent()).trim(), 'đã hiệu đính');
    assert.equal(await card.locator('.pos-source').getAttribute('title'), 'Thủ thư đã sửa lập trường này sau khi trích tự động');
  }
  // Extracted positions carry no mark.
  const extracted = every.find((p) => p.source === 'extracted');
  await page.goto(url(await viewOf(extracted)));
  await settled(page);
  assert.equal(await page.locator(`#p-list li.position[data-id="${extracted.id}"] .pos-source`).count(), 0);
  await finish(page, 'positions-safety');
});

test('English labels, keyboard use and visible focus', async () => {
  const start = await positionsApi({ per_page: PER_PAGE });
  const page = await newPage();
  await page.goto(url('?view=positions'));
  await settled(page);
  // "/" focuses the search box; Escape leaves it.
  await page.locator('body').click({ position: { x: 5, y: 600 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  assert.equal(await page.locator('label[for="q"]').textContent(), 'Tìm lập trường');

  // Space ticks a facet value; focus stays on it and is visible.
  const value = start.facets.stance[0].value;
  const box = page.locator(`fieldset[data-pfacet="stance"] input[value="${value}"]`);
  await box.focus();
  await page.keyboard.press('Space');
  await settled(page);
  assert.ok(await box.isChecked());
  assert.deepEqual(params(page).getAll('stance'), [value]);
  assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  // Tab reaches the cards' links in order: actor, then its document.
  const actorLink = page.locator('#p-list a.pos-actor').first();
  await actorLink.focus();
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  await page.keyboard.press('Enter');
  await settled(page);
  assert.equal(params(page).get('view'), 'actor');
  await page.goBack();
  await settled(page);

  // English, remembered; stance labels translated, data as given.
  await page.locator('#lang').click();
  await settled(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await page.locator('#nav-positions').textContent()).trim(), 'Positions');
  assert.equal((await page.locator('#nav-search').textContent()).trim(), 'Documents');
  assert.equal(await page.locator('fieldset[data-pfacet="stance"] legend').textContent(), 'Stance');
  assert.match(await pStatus(page), /^\d+ positions?( · showing \d+–\d+)?$/);
  const english = { supports: 'supports', opposes: 'opposes', proposes: 'proposes', requests: 'requests', commits: 'commits', leads: 'leads', concerned: 'concerned' };
  for (const [id, text] of await page.locator('#p-list .stance-badge').evaluateAll((ns) => ns.map((n) => [n.dataset.stance, n.textContent.trim()]))) {
    assert.equal(text, english[id]);
  }
  await page.reload();
  await settled(page);
  assert.equal((await page.locator('#view-nav [aria-current="page"]').textContent()).trim(), 'Positions');
  await shot(page, 'positions-english');
  await page.locator('#lang').click();
  await settled(page);
  assert.equal((await page.locator('#nav-positions').textContent()).trim(), 'Lập trường');
  await finish(page, 'positions-keyboard-language');
});

test('on a 375-pixel phone the positions fit and the filters fold', async () => {
  const page = await newPage({ width: 375, height: 812 });
  await page.goto(url('?view=positions'));
  await settled(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'nothing wider than the screen');
  // The view switch and the language button share the first line.
  const nav = await page.locator('#view-nav').boundingBox();
  const lang = await page.locator('#lang').boundingBox();
  assert.ok(nav.x + nav.width <= 375 && Math.abs(nav.y - lang.y) < 10, JSON.stringify({ nav, lang }));
  assert.equal(await page.locator('#p-facets').isVisible(), false);
  const toggle = page.locator('#p-facet-toggle');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const value = (await positionsApi({ per_page: 0 })).facets.stance[0].value;
  await page.locator(`fieldset[data-pfacet="stance"] input[value="${value}"]`).check();
  await settled(page);
  assert.equal(await toggle.textContent(), 'Bộ lọc (1)');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#p-facets').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'p-facet-toggle');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375));
  // The actor page too.
  await page.locator('#p-list a.pos-actor').first().click();
  await settled(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375));
  await finish(page, 'positions-phone');
});

test('a query naming a stance offers its filter, without the stance words', async () => {
  // The stance is read from the query by the server ("ai đề xuất ..." ->
  // proposes); the link filters by it and searches the rest.
  const common = (await positionsApi({ per_page: 0, facet_limit: 30 })).facets.stance[0];
  const label = (await positionsApi({ stance: common.value, per_page: 1 })).positions[0].stance.label;
  const q = `ai ${label}`;
  const answer = await positionsApi({ q, per_page: 0 });
  assert.equal(answer.stance_suggestion.id, common.value);
  const page = await newPage();
  await page.goto(url(`?view=positions&q=${encodeURIComponent(q)}`));
  await settled(page);
  const link = page.locator('#p-notices a.stance-suggestion-link');
  assert.equal(await link.count(), 1);
  assert.equal(await link.getAttribute('data-stance'), common.value);
  await link.click();
  await settled(page);
  assert.deepEqual(params(page).getAll('stance'), [common.value]);
  assert.equal(params(page).get('q') || '', '');
  assert.equal(await pTotal(page), common.count);
  // With the filter on, the offer is gone.
  assert.equal(await page.locator('#p-notices a.stance-suggestion-link').count(), 0);
  await finish(page);
});

test('an English topic finds the Vietnamese positions on it, as document search does', async () => {
  // "plastic" names the plastics topic; no English position speaks of it,
  // the Vietnamese consultations do ("nhựa").
  const answer = await positionsApi({ q: 'plastic', per_page: PER_PAGE });
  assert.ok(answer.total > 0, 'plastic reaches the Vietnamese positions');
  assert.ok(answer.positions.some((p) => p.quote.includes('nhựa')));
  const page = await newPage();
  await page.goto(url('?view=positions&q=plastic'));
  await settled(page);
  assert.equal(await page.locator('#p-sort').inputValue(), 'relevance');
  assert.equal(await pTotal(page), answer.total);
  assert.deepEqual(await cardIds(page), answer.positions.map((p) => p.id));
  const quotes = await page.locator('#p-list blockquote.pos-quote').allTextContents();
  assert.ok(quotes.some((q) => q.includes('nhựa')));
  await finish(page, 'positions-english-query');
});
