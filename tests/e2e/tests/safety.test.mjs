// Text from documents is inserted as text, never as HTML: the test documents
// of tests/e2e/data/ hold <script> and <img onerror> as visible characters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { url, startBrowser, stopBrowser, newPage, finish, settled, typeQuery } from '../lib/helpers.mjs';

before(startBrowser);
after(stopBrowser);

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror=window.__pwned=2>';

async function assertInert(page) {
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'no injected code ran');
  assert.deepEqual(page.dialogs, [], 'no dialog opened');
  // Only the UI's own elements: no <img>, one <script>, no event attributes.
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('script').count(), 1);
  const handlers = await page.evaluate(
    () => [...document.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => /^on/i.test(a.name))).length,
  );
  assert.equal(handlers, 0);
}

test('injected HTML in results and documents shows as text and runs nothing', async () => {
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  await typeQuery(page, 'xsscanary');
  await settled(page);
  await page.waitForTimeout(300); // give any injected handler a chance to run
  const hits = page.locator('#hits > li.hit');
  assert.equal(await hits.count(), 2);

  const snippets = (await page.locator('#hits .snippet').allTextContents()).join('\n');
  assert.ok(snippets.includes(SCRIPT), snippets);
  assert.ok(snippets.includes(IMG), snippets);
  // The title (the page's heading, as its <title>) is text too.
  const titles = (await page.locator('#hits .hit-title').allTextContents()).join('\n');
  assert.ok(titles.includes('<img src=x onerror=window.__pwned=3>'), titles);
  // Only the server's highlighting becomes <mark>; a "<mark>" in the text does not.
  const marks = await page.locator('#hits .snippet mark').allTextContents();
  assert.deepEqual([...new Set(marks)], ['xsscanary']);
  assert.ok(snippets.includes('<mark>không phải đánh dấu thật</mark>'));
  // Entities are decoded once: "&lt;b&gt;" in the text stays "&lt;b&gt;".
  assert.ok(snippets.includes('&lt;b&gt;'), snippets);
  await assertInert(page);
  await page.screenshot({ path: `${process.env.VNKB_E2E_OUT || 'test-output/e2e'}/safety-results.png` });

  // The document page of each.
  for (let i = 0; i < 2; i++) {
    await hits.nth(i).locator('.hit-title a').click();
    await settled(page);
    await page.waitForTimeout(200);
    const text = await page.locator('.page-text').textContent();
    assert.ok(text.includes(SCRIPT), text);
    assert.ok(text.includes(IMG), text);
    assert.ok(text.includes('<mark>không phải đánh dấu thật</mark>'), text);
    assert.deepEqual([...new Set(await page.locator('.page-text mark').allTextContents())], ['xsscanary']);
    await assertInert(page);
    await page.screenshot({ path: `${process.env.VNKB_E2E_OUT || 'test-output/e2e'}/safety-document-${i + 1}.png` });
    await page.goBack();
    await settled(page);
  }
  await finish(page, 'safety');
});

test('markedFragment renders only <mark> and decodes entities once', async () => {
  const page = await newPage();
  await page.goto(url());
  await settled(page);
  const out = await page.evaluate(async () => {
    const { markedFragment } = await import('/dom.js');
    const div = document.createElement('div');
    div.append(
      markedFragment(
        'a &lt;img src=x onerror=window.__pwned=4&gt; <mark>b</mark> <mark>c</mark> &amp;lt; &quot;d&quot; &#39;e&#39; <b>f</b> <mark>g',
      ),
    );
    return {
      text: div.textContent,
      marks: [...div.querySelectorAll('mark')].map((m) => m.textContent),
      elements: [...div.querySelectorAll('*')].map((n) => n.tagName),
    };
  });
  assert.equal(out.text, 'a <img src=x onerror=window.__pwned=4> b c &lt; "d" \'e\' <b>f</b> g');
  assert.deepEqual(out.marks, ['b c', 'g']);
  assert.deepEqual(out.elements, ['MARK', 'MARK']);
  await assertInert(page);
  await finish(page, 'safety-marked-fragment');
});

test('the UI source never turns strings into HTML or code', () => {
  const ui = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../ui');
  const files = fs.readdirSync(ui).filter((f) => /\.(js|mjs|html)$/.test(f));
  assert.ok(files.includes('app.js'));
  const banned = [
    /\.(innerHTML|outerHTML)\s*[+]?=/,
    /insertAdjacentHTML\s*\(/,
    /document\.write(ln)?\s*\(/,
    /\beval\s*\(/,
    /new\s+Function\s*\(/,
    /createContextualFragment|DOMParser|srcdoc/,
    /\sstyle\s*=/,
    /<script>[^<]/, // inline script in HTML
  ];
  for (const f of files) {
    const text = fs.readFileSync(path.join(ui, f), 'utf8');
    for (const re of banned) assert.doesNotMatch(text, re, `${f} matches ${re}`);
  }
});
