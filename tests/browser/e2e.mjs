// End-to-end test of the vanban web page: a headless Chromium driven as a user would, against a
// running `vanban serve` whose database holds corpus/ and a stand-in for 38/NQ-CP (run.sh sets that up).
//
//   node e2e.mjs --base-url http://127.0.0.1:PORT --out DIR [--chromium /usr/bin/chromium]
//
// Each step asserts what the user should see; the first failure prints the step and the reason,
// saves DIR/failure.png and DIR/failure.html, and exits 1. Screenshots of every page go to DIR.
// Exit codes: 0 all steps passed; 1 a step failed; 2 usage error.

import { chromium } from 'playwright-core';
import fs from 'node:fs/promises';
import path from 'node:path';

const STEP_TIMEOUT_MS = 15_000;

function usage(message) {
  if (message) process.stderr.write(`e2e.mjs: ${message}\n`);
  process.stderr.write('usage: node e2e.mjs --base-url http://127.0.0.1:PORT --out DIR [--chromium PATH]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { baseUrl: '', out: '', chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      i += 1;
      return argv[i];
    };
    if (a === '--base-url') opts.baseUrl = value();
    else if (a === '--out') opts.out = value();
    else if (a === '--chromium') opts.chromium = value();
    else if (a === '--help' || a === '-h') usage('');
    else usage(`unknown argument '${a}'`);
  }
  if (!opts.baseUrl) usage('--base-url is required');
  if (!opts.out) usage('--out is required');
  opts.baseUrl = opts.baseUrl.replace(/\/+$/, '');
  return opts;
}

class StepError extends Error {}

/// Fails the current step with `message` unless `condition` holds.
function check(condition, message) {
  if (!condition) throw new StepError(message);
}

/// Polls `probe` until it returns a truthy value; fails with `message()` after the step timeout.
async function eventually(probe, message, timeout = STEP_TIMEOUT_MS) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) {
      throw new StepError(typeof message === 'function' ? message(last) : message);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function visible(page, selector, what) {
  const loc = page.locator(selector).first();
  try {
    await loc.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  } catch (_) {
    const error = await page.locator('[data-testid="error"]').first().textContent({ timeout: 500 }).catch(() => null);
    throw new StepError(`${what} did not appear (${selector}) on ${page.url()}` +
      (error ? `; the page shows the error: ${error.trim()}` : ''));
  }
  return loc;
}

async function textOf(loc) {
  return ((await loc.textContent({ timeout: STEP_TIMEOUT_MS })) || '').trim();
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  await fs.mkdir(opts.out, { recursive: true });
  const base = opts.baseUrl;
  const baseOrigin = new URL(base).origin;

  const browser = await chromium.launch({
    executablePath: opts.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);

  const pageErrors = [];
  const consoleErrors = [];
  const foreignRequests = [];
  page.on('pageerror', (e) => pageErrors.push(String(e && e.stack ? e.stack : e)));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${m.text()} (${page.url()})`); });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && new URL(u).origin !== baseOrigin) foreignRequests.push(u);
  });

  const shot = (name) => page.screenshot({ path: path.join(opts.out, `${name}.png`) });
  let passed = 0;
  async function step(name, fn) {
    const t0 = Date.now();
    try {
      await fn();
    } catch (e) {
      const reason = e instanceof StepError ? e.message : (e && e.stack) || String(e);
      process.stdout.write(`FAIL  ${name}\n      ${reason.split('\n').join('\n      ')}\n`);
      await page.screenshot({ path: path.join(opts.out, 'failure.png'), fullPage: false }).catch(() => {});
      await fs.writeFile(path.join(opts.out, 'failure.html'), await page.content().catch(() => '')).catch(() => {});
      process.stdout.write(`      page: ${page.url()}\n      screenshot: ${path.join(opts.out, 'failure.png')}\n`);
      if (pageErrors.length) process.stdout.write(`      JavaScript errors:\n        ${pageErrors.join('\n        ')}\n`);
      await browser.close().catch(() => {});
      process.exit(1);
    }
    passed += 1;
    process.stdout.write(`ok    ${name} (${Date.now() - t0} ms)\n`);
  }

  let documentUrl = '';
  let agencyUrl = '';
  let agencyRows = 0;

  await step('the home page opens with the search box and recent documents', async () => {
    const res = await page.goto(`${base}/`);
    check(res && res.status() === 200, `GET / answered ${res && res.status()}, expected 200`);
    await visible(page, '[data-testid="search-form"] [data-testid="search-input"]', 'the search box');
    await visible(page, '[data-testid="document-item"]', 'the list of recent documents');
    const label = await page.locator('label[for="q"]').count();
    check(label === 1, 'the search box has no <label>');
    await shot('home');
  });

  await step('the type filter lists the document types of /api/vocabulary', async () => {
    const vocabulary = await (await page.request.get(`${base}/api/vocabulary`)).json();
    const names = vocabulary.document_types.map((t) => t.name);
    await eventually(async () => (await page.locator('#f-type option').count()) === names.length + 2,
      async () => `the type filter has ${await page.locator('#f-type option').count()} options, expected ` +
        `${names.length} types, "Tất cả" and "Loại khác…"`);
    const shown = await page.locator('#f-type option').evaluateAll((os) => os.map((o) => o.value));
    for (const n of names) check(shown.includes(n), `the type filter lacks "${n}"`);
  });

  await step('the agency look-up finds "SYT Hà Nội" and "cong an ha noi"', async () => {
    for (const [typed, id] of [['SYT Hà Nội', 'so-y-te@thanh-pho-ha-noi'], ['cong an ha noi', 'cong-an-tinh@thanh-pho-ha-noi']]) {
      await page.locator('[data-testid="agency-search-input"]').fill(typed);
      await page.locator('[data-testid="agency-search-input"]').press('Enter');
      await eventually(async () => {
        const ids = await page.locator('[data-testid="agency-item"]').evaluateAll((els) => els.map((e) => e.dataset.agencyId));
        return ids.length === 1 && ids[0] === id;
      }, async () => `typing "${typed}" lists [${(await page.locator('[data-testid="agency-item"]')
        .evaluateAll((els) => els.map((e) => e.dataset.agencyId))).join(', ')}], expected [${id}]`);
    }
  });

  await step('searching "phong chong dich" lists 134/KH-UBND first', async () => {
    await page.locator('[data-testid="search-input"]').fill('phong chong dich');
    await page.locator('[data-testid="search-input"]').press('Enter');
    await eventually(() => new URL(page.url()).pathname === '/search' &&
      new URL(page.url()).searchParams.get('q') === 'phong chong dich',
    () => `the URL did not become /search?q=phong+chong+dich (it is ${page.url()})`);
    await visible(page, '[data-testid="result-item"]', 'a search result');
    const first = page.locator('[data-testid="result-item"]').first();
    const number = await textOf(first.locator('[data-testid="result-number"]'));
    check(number === '134/KH-UBND', `the first result is "${number}", expected 134/KH-UBND`);
    const marks = await page.locator('[data-testid="result-item"] .snippet mark').count();
    check(marks > 0, 'no <mark> highlight in the snippets of the results');
    // Typed without diacritics: the page says how it was ranked (the word model of the corpus).
    const rankedAs = await textOf(await visible(page, '[data-testid="ranked-as"] q', 'the query as ranked'));
    check(rankedAs === 'phòng chống dịch', `ranked as "${rankedAs}", expected "phòng chống dịch"`);
    await shot('results');
  });

  await step('the result opens the document page with its outline (I, II, III)', async () => {
    await page.locator('[data-testid="result-item"]').first().locator('.item-title a').click();
    await eventually(() => /^\/documents\/[^/]+$/.test(new URL(page.url()).pathname),
      () => `the URL did not become /documents/{id} (it is ${page.url()})`);
    const number = await visible(page, '[data-testid="doc-number"]', 'the document number');
    await eventually(async () => (await textOf(number)) === '134/KH-UBND',
      async () => `the document page shows number "${await textOf(number)}", expected 134/KH-UBND`);
    documentUrl = page.url();
    await visible(page, '[data-testid="outline"]', 'the outline');
    const top = page.locator('[data-testid="outline"] > ul > li[data-testid="outline-entry"]');
    const paths = await top.evaluateAll((els) => els.map((e) => e.dataset.path));
    for (const p of ['I', 'II', 'III']) {
      check(paths.includes(p), `the outline's top entries are [${paths.join(', ')}]; "${p}" is missing`);
      const entry = page.locator(`[data-testid="outline"] > ul > li[data-testid="outline-entry"][data-path="${p}"]`).first();
      check(await entry.isVisible(), `the outline entry ${p} is not visible`);
      const heading = await textOf(entry.locator('.heading').first());
      check(heading.length > 0, `the outline entry ${p} has no heading`);
    }
    await visible(page, '[data-testid="document-text"] mark.task', 'a task highlighted in the text');
    await shot('document');
  });

  await step('the citation of 38/NQ-CP is resolved and opens that document', async () => {
    const cite = page.locator('[data-testid="citation"][data-number="38/NQ-CP"]').first();
    await cite.waitFor({ state: 'visible' }).catch(() => {
      throw new StepError('no citation item for 38/NQ-CP ([data-testid="citation"][data-number="38/NQ-CP"])');
    });
    check(!(await cite.evaluate((e) => e.classList.contains('missing'))),
      'the citation of 38/NQ-CP is shown as missing, but run.sh imported it');
    const badges = await cite.locator('.badge.rel').allTextContents();
    check(badges.includes('triển khai, thực hiện'),
      `the relation of 38/NQ-CP reads [${badges.join(', ')}], expected the label of /api/vocabulary "triển khai, thực hiện"`);
    await cite.locator('a').first().click();
    await eventually(() => page.url() !== documentUrl && /^\/documents\//.test(new URL(page.url()).pathname),
      () => `clicking the citation did not open another document (URL ${page.url()})`);
    const number = page.locator('[data-testid="doc-number"]');
    await eventually(async () => (await textOf(number)) === '38/NQ-CP',
      async () => `the cited document shows number "${await textOf(number).catch(() => '')}", expected 38/NQ-CP`);
    await visible(page, '[data-testid="cited-by-item"]', '"Được dẫn chiếu bởi" entry');
    const citedBy = await page.locator('[data-testid="cited-by-item"]').allTextContents();
    check(citedBy.some((t) => t.includes('134/KH-UBND')),
      `38/NQ-CP is not shown as cited by 134/KH-UBND (cited by: ${citedBy.join(' | ')})`);
    await shot('cited-document');
  });

  await step('going back returns to 134/KH-UBND', async () => {
    await page.goBack();
    await eventually(() => page.url() === documentUrl, () => `after going back the URL is ${page.url()}, expected ${documentUrl}`);
    const number = page.locator('[data-testid="doc-number"]');
    await eventually(async () => (await textOf(number)) === '134/KH-UBND',
      async () => `after going back the page shows "${await textOf(number).catch(() => '')}", expected 134/KH-UBND`);
  });

  await step('a citation of a document not in the database is shown as missing', async () => {
    const missing = page.locator('[data-testid="citation"].missing');
    await visible(page, '[data-testid="citation"].missing', 'a citation marked missing');
    const first = missing.first();
    // Not a document page: the number's search, which says what cites it.
    const links = await first.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    check(links.every((h) => h.startsWith('/search?q=')), `a missing citation links to [${links.join(', ')}]`);
    const text = await textOf(first);
    check(text.includes('chưa có trong cơ sở dữ liệu'), `the missing citation does not say so: "${text}"`);
    const dashed = await page.locator('[data-testid="diagram"] .node.missing').count();
    check(dashed > 0, 'the diagram shows no unresolved (dashed) node');
    const linked = await page.locator('[data-testid="diagram"] a.node').count();
    check(linked > 0, 'the diagram has no clickable node (38/NQ-CP should be one)');
  });

  await step('the reload of a shareable document URL keeps the view', async () => {
    await page.reload();
    const number = await visible(page, '[data-testid="doc-number"]', 'the document number after reload');
    await eventually(async () => (await textOf(number)) === '134/KH-UBND',
      async () => `after reload the page shows "${await textOf(number)}", expected 134/KH-UBND`);
    check(page.url() === documentUrl, `the reload changed the URL to ${page.url()}`);
  });

  await step('the task agency "Sở Y tế" (Hà Nội) opens its assignments, with block III.2', async () => {
    // The link named "Sở Y tế" whose agency is the one of Hà Nội (by its id, or by its name).
    const links = page.locator('a[data-testid="task-agency"]');
    const candidates = await links.evaluateAll((els) => els.map((e) => ({
      name: e.textContent.trim(), id: e.dataset.agencyId || '',
    })));
    const index = candidates.findIndex((c) => /^Sở Y tế/.test(c.name) &&
      (c.id.includes('ha-noi') || /Hà Nội/i.test(c.name)));
    check(index >= 0, `no task-agency link "Sở Y tế" of Hà Nội among ${candidates.length} agency links ` +
      `(e.g. ${candidates.slice(0, 5).map((c) => `${c.name} [${c.id}]`).join(', ')})`);
    const link = links.nth(index);
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await eventually(() => /^\/agencies\/[^/]+$/.test(new URL(page.url()).pathname),
      () => `the URL did not become /agencies/{id} (it is ${page.url()})`);
    const name = await visible(page, '[data-testid="agency-name"]', 'the agency name');
    const nameText = await textOf(name);
    check(/^Sở Y tế/.test(nameText), `the agency page is for "${nameText}", expected Sở Y tế`);
    await visible(page, '[data-testid="assignments-table"]', 'the assignments table');
    const paths = await page.locator('[data-testid="assignments-table"] tbody tr').evaluateAll(
      (rows) => rows.map((r) => r.dataset.path || ''));
    const block = paths.filter((p) => p.startsWith('III.2'));
    check(block.length > 0, `no assignment from block III.2 among [${paths.join(', ')}]`);
    agencyUrl = page.url();
    agencyRows = paths.length;
    const csv = await page.locator('[data-testid="csv-link"]').getAttribute('href');
    check(csv && csv.includes('format=csv'), `the CSV link is "${csv}"`);
    await shot('agency');
  });

  await step('the reload of a shareable agency URL keeps the view', async () => {
    await page.reload();
    await visible(page, '[data-testid="assignments-table"]', 'the assignments table after reload');
    check(page.url() === agencyUrl, `the reload changed the URL to ${page.url()}`);
    const rows = await page.locator('[data-testid="assignments-table"] tbody tr').count();
    check(rows === agencyRows, `after reload ${rows} assignment rows, before ${agencyRows}`);
  });

  await step('Sở Khoa học và Công nghệ Hà Nội lists the tasks of Sở Thông tin và Truyền thông, marked', async () => {
    await page.goto(`${base}/agencies/so-khoa-hoc-va-cong-nghe%40thanh-pho-ha-noi`);
    await visible(page, '[data-testid="agency-predecessors"]', 'the list of former bodies it took over');
    const predecessors = await textOf(page.locator('[data-testid="agency-predecessors"]'));
    check(predecessors.includes('Sở Thông tin và Truyền thông thành phố Hà Nội'), `it took over: "${predecessors}"`);
    const marks = await page.locator('[data-testid="assignment-former"]').allTextContents();
    check(marks.length > 0 && marks.every((m) => m === 'giao cho Sở Thông tin và Truyền thông thành phố Hà Nội'),
      `the former body's tasks are marked [${marks.join(' | ')}]`);
    await shot('agency-successor');
    // Its former body says what it became, with a link there.
    await page.locator('[data-testid="agency-predecessors"] a').first().click();
    const notice = await visible(page, '[data-testid="agency-successor"]', 'the note on what the former body became');
    check((await textOf(notice)).includes('Sở Khoa học và Công nghệ thành phố Hà Nội'), `the note says "${await textOf(notice)}"`);
    await page.goBack();
  });

  await step('the CSV download answers UTF-8 with a BOM', async () => {
    const href = await page.locator('[data-testid="csv-link"]').getAttribute('href');
    const res = await page.request.get(new URL(href, base).href);
    check(res.status() === 200, `GET ${href} answered ${res.status()}`);
    const body = await res.body();
    check(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf, 'the CSV does not start with a UTF-8 BOM');
    const header = body.subarray(3, 200).toString('utf8');
    check(header.startsWith('Cơ quan,'), `the page's CSV has Vietnamese headers; it starts "${header.slice(0, 40)}"`);
  });

  await step('the document offers its tasks as CSV and itself as Akoma Ntoso XML', async () => {
    await page.goto(documentUrl);
    await visible(page, '[data-testid="download-akn"]', 'the Akoma Ntoso download');
    const akn = await page.locator('[data-testid="download-akn"]').getAttribute('href');
    const res = await page.request.get(new URL(akn, base).href);
    check(res.status() === 200, `GET ${akn} answered ${res.status()}`);
    check((res.headers()['content-type'] || '').startsWith('application/akn+xml'), `the AKN answer is ${res.headers()['content-type']}`);
    check((await res.text()).includes('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'), 'no akomaNtoso root');
    const csv = await page.locator('[data-testid="download-csv"]').getAttribute('href');
    check(csv && csv.includes('format=csv') && csv.includes('lang=vi'), `the tasks' CSV link is "${csv}"`);
  });

  await step('a number cited but not imported says what cites it', async () => {
    // From the citing document: its citation of 25-KL/TW (not in the database) leads to that number.
    await page.goto(documentUrl);
    const cite = page.locator('[data-testid="citation"][data-resolved="false"] a.cite-number', { hasText: '25-KL/TW' }).first();
    await cite.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    const href = await cite.getAttribute('href');
    check(href === `/search?q=${encodeURIComponent('25-KL/TW')}`, `the citation of 25-KL/TW links to "${href}"`);
    await page.goto(`${base}${href}`);
    const note = await visible(page, '[data-testid="cited-only-note"]', 'the note on a document known only by its citations');
    check((await textOf(note)).includes('chưa có trong cơ sở dữ liệu'), `the note says "${await textOf(note)}"`);
    const citing = await page.locator('[data-testid="cited-only"] [data-testid="cited-by-item"]').allTextContents();
    check(citing.some((t) => t.includes('134/KH-UBND')), `the citing documents are [${citing.join(' | ')}]`);
  });

  await step('an unknown path answers HTTP 404', async () => {
    const res = await page.request.get(`${base}/khong-co`);
    check(res.status() === 404, `GET /khong-co answered ${res.status()}, expected 404`);
  });

  await step('a query with an unbalanced quote shows the error in Vietnamese, the server\'s words below', async () => {
    await page.goto(`${base}/`);
    await page.locator('[data-testid="search-input"]').fill('"phong');
    await page.locator('[data-testid="search-input"]').press('Enter');
    const box = page.locator('[data-testid="error"]').first();
    try {
      await box.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    } catch (_) {
      throw new StepError(`no error element ([data-testid="error"]) on ${page.url()}`);
    }
    const message = await textOf(box.locator('[data-testid="error-message"]'));
    check(message === 'Truy vấn thiếu dấu ngoặc kép đóng (").',
      `the error message is "${message}", expected the Vietnamese text about the closing quote`);
    const detail = await textOf(box.locator('[data-testid="error-detail"]'));
    check(/^Chi tiết: .*unbalanced quote/.test(detail), `the detail line is "${detail}"`);
    await shot('error-unbalanced-quote');
  });

  await step('a document that does not exist says so in Vietnamese', async () => {
    await page.goto(`${base}/documents/999999999`);
    const message = await visible(page, '[data-testid="error"] [data-testid="error-message"]', 'the error message');
    const text = await textOf(message);
    check(text === 'Không tìm thấy văn bản này.', `the error message is "${text}"`);
  });

  await step('no JavaScript error and no request outside the server', async () => {
    check(pageErrors.length === 0, `JavaScript errors on the page:\n${pageErrors.join('\n')}`);
    check(foreignRequests.length === 0, `requests outside ${baseOrigin}:\n${foreignRequests.join('\n')}`);
  });

  if (consoleErrors.length) {
    process.stdout.write(`note: console errors (not failures):\n  ${consoleErrors.join('\n  ')}\n`);
  }
  await browser.close();
  process.stdout.write(`PASS  ${passed} steps; screenshots in ${opts.out}\n`);
}

main().catch((e) => {
  process.stderr.write(`e2e.mjs: ${(e && e.stack) || e}\n`);
  process.exit(1);
});
