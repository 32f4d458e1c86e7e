// Shared helpers of the e2e tests: the server URL, one browser per test file,
// a page that records page errors and CSP violations, screenshots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';

export const BASE = (process.env.VNKB_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
export const OUT = process.env.VNKB_E2E_OUT || path.resolve('test-output/e2e');
fs.mkdirSync(OUT, { recursive: true });

export function url(rel = '') {
  return new URL(rel, BASE).href;
}

// The JSON API, straight (to compare the UI with what the server says).
export async function api(rel) {
  const res = await fetch(url(rel));
  return { status: res.status, body: await res.json() };
}

let browser = null;
export async function startBrowser() {
  browser = await launch();
  return browser;
}
export async function stopBrowser() {
  if (browser) await browser.close();
  browser = null;
}

// A new page (tab) that collects uncaught errors, console errors (CSP
// violations are reported there) and dialogs.
export async function newPage({ width = 1280, height = 900 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  page.problems = [];
  page.dialogs = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('dialog', async (d) => {
    page.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  page.setDefaultTimeout(10000);
  return page;
}

// Fails on page errors and console errors (e.g. a CSP violation), saves the
// screenshot, closes the page.
export async function finish(page, name, { allowProblems = [] } = {}) {
  await shot(page, name);
  const problems = page.problems.filter((p) => !allowProblems.some((re) => re.test(p)));
  await page.close();
  assert.deepEqual(problems, [], `errors in the page: ${problems.join('\n')}`);
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

// Waits until the view of the current URL is fully shown: the UI sets
// <body data-ready="1"> when no typing is pending and no answer outstanding.
export async function settled(page) {
  await page.waitForFunction(() => document.body && document.body.dataset.ready === '1');
}

export async function typeQuery(page, text) {
  const box = page.locator('#q');
  await box.click();
  await box.fill('');
  await box.pressSequentially(text, { delay: 25 });
}

// The URL's search parameters of the page.
export function params(page) {
  return new URL(page.url()).searchParams;
}

export async function statusText(page) {
  return (await page.locator('#status').textContent()).trim();
}

// The number at the start of the status line ("7 văn bản cho …").
export async function statusTotal(page) {
  const m = /(\d[\d.,]*)/.exec(await statusText(page));
  return m ? Number(m[1].replace(/[.,]/g, '')) : NaN;
}
