#!/usr/bin/env node
// Browser tests of the built page, in Debian's Chromium driven by playwright-core.
//   node test/browser.mjs            (after `vite build`; `pnpm test:browser` does both)
// Env: CHROMIUM_PATH (default /usr/bin/chromium), SCREENSHOTS=0 to skip writing screenshots.
// Prints one line per test and `N passed, N failed` last; exits non-zero when a test failed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import QRCode from 'qrcode';
import { serve } from '../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const appDir = join(here, '..');
const screenshotDir = join(appDir, 'screenshots');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const takeScreenshots = process.env.SCREENSHOTS !== '0';

const JD = 'https://item.jd.com/100012043978.html';
const TAOBAO_POSTER = 'https://item.taobao.com/item.htm?id=678301234567';
const CAMERA_TARGET = 'https://www.bilibili.com/video/BV17x411w7KC';

// ---------------------------------------------------------------- fake camera: a QR code as a y4m video

/** Writes a few frames of a 640×480 YUV 4:2:0 video showing a QR code for `text`, for Chromium's fake camera. */
function writeQrVideo(file, text) {
  const w = 640;
  const h = 480;
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const scale = Math.floor(360 / (n + 8));
  const side = (n + 8) * scale;
  const left = Math.floor((w - side) / 2);
  const top = Math.floor((h - side) / 2);
  const x0 = left + 4 * scale;
  const y0 = top + 4 * scale;
  const y = Buffer.alloc(w * h, 200); // a grey room
  for (let yy = top; yy < top + side; yy++) y.fill(235, yy * w + left, yy * w + left + side); // white paper
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!code.modules.data[r * n + c]) continue;
      for (let dy = 0; dy < scale; dy++) {
        y.fill(
          16,
          (y0 + r * scale + dy) * w + x0 + c * scale,
          (y0 + r * scale + dy) * w + x0 + (c + 1) * scale,
        );
      }
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, frame, frame, frame]));
}

// ---------------------------------------------------------------- harness

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

const work = mkdtempSync(join(tmpdir(), 'sharekit-demo-browser-'));
const userDataDir = join(work, 'profile');
const cameraVideo = join(work, 'camera.y4m');
writeQrVideo(cameraVideo, CAMERA_TARGET);

/** Setup failed (no build, no Chromium): say why and end with the same summary line as a test run. */
function setupFailed(what, error) {
  console.log(`  ✗ ${what}`);
  console.log(String(error?.message ?? error).replace(/^/gm, '      '));
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

const server = await serve({ port: 0 }).catch((error) => setupFailed('serve the built page', error));
const origin = new URL(server.url).origin;
/** Every request that left the page's origin (the tests fail on any). */
const outside = [];
/** Console errors and uncaught exceptions of the page. */
const pageErrors = [];

const context = await chromium
  .launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // The camera test: Chromium's fake camera plays our QR video, and permission is granted without a prompt.
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${cameraVideo}`,
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write', 'camera'],
  })
  .catch(async (error) => {
    await server.close();
    return setupFailed(`launch Chromium at ${executablePath}`, error);
  });

function isOwn(url) {
  return url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

context.on('request', (request) => {
  if (!isOwn(request.url())) outside.push(request.url());
});
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (isOwn(url)) return route.continue();
  outside.push(url);
  return route.abort('blockedbyclient');
});

let page = context.pages()[0] ?? (await context.newPage());

function watch(p) {
  p.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  p.on('pageerror', (error) => pageErrors.push(String(error)));
}
watch(page);

async function open(query = '') {
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('body[data-qr-engine]');
}

/** Puts `text` on the clipboard and pastes it into the read box with the keyboard, as a person would. */
async function pasteText(text) {
  const box = page.locator('#read-input');
  await box.fill('');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await box.focus();
  await page.keyboard.press('ControlOrMeta+V');
  assert.equal(await box.inputValue(), text, 'the paste reached the read box');
  await page.keyboard.press('Enter');
  await waitForRead();
}

async function waitForRead() {
  await page.waitForFunction(() => {
    const status = document.getElementById('read-status')?.textContent ?? '';
    return status.length > 0 && document.getElementById('results')?.getAttribute('aria-busy') === 'false';
  });
}

async function firstLink() {
  return page.locator('#results .target-link').first().getAttribute('href');
}

async function linksInResults() {
  return page.locator('#results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

async function noScriptLinks() {
  const bad = await page.evaluate(() =>
    Array.from(document.querySelectorAll('a[href]'))
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => /^\s*(javascript|data|vbscript|file):/i.test(href)),
  );
  assert.deepEqual(bad, [], 'no link on the page runs script or opens local data');
}

async function shot(name, locator) {
  if (!takeScreenshots) return;
  mkdirSync(screenshotDir, { recursive: true });
  await locator.screenshot({ path: join(screenshotDir, name), animations: 'disabled' });
}

async function makePoster(url, title = '', price = '', brand = '') {
  await page.fill('#make-url', url);
  await page.fill('#make-title', title);
  await page.fill('#make-price', price);
  await page.fill('#make-brand', brand);
  await page.click('#make-form button[type="submit"]');
  await page.waitForSelector('#poster-download', { timeout: 20_000 });
}

// ---------------------------------------------------------------- tests

test('the page loads in English for an English browser and wires zxing from its own origin', async () => {
  await open();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#read-heading'), 'Read a share');
  assert.equal(await page.getAttribute('body', 'data-qr-engine'), 'zxing-wasm + jsQR');
});

test('a pasted product URL gives its clean canonical link, platform and steps', async () => {
  await pasteText('https://item.m.jd.com/product/100012043978.html?utm_source=iosapp&ad_od=share');
  assert.equal(await firstLink(), JD);
  const card = page.locator('#results li').first();
  assert.match(await card.textContent(), /JD\.com/);
  assert.ok((await card.locator('.steps li').count()) > 0, 'the steps are listed');
  assert.equal(await card.getAttribute('data-level'), 'ok');
  assert.ok((await card.locator('.app-links li').count()) >= 2, 'app links for the target are listed');
  assert.ok((await card.locator('button.copy').count()) >= 3, 'copy buttons for the link and the app links');
});

test('a pasted Taobao share text gives its link', async () => {
  await pasteText(
    '【淘宝】https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt CZ3457 「保温杯 大容量」\n点击链接直接打开',
  );
  assert.equal(await firstLink(), 'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt');
  assert.match(await page.locator('#results li').first().textContent(), /CZ3457|Taobao/);
  // The Chinese title inside the English interface carries its own language.
  assert.equal(await page.locator('#results dd[lang="zh-CN"]').first().textContent(), '保温杯 大容量');
});

test('a pasted Douyin share text gives its link', async () => {
  await pasteText(
    '7.43 复制打开抖音，看看【小明的作品】周末去爬山 # 户外 https://v.douyin.com/iRNBho6u/ b@A.gO 08/21 Xzm:/',
  );
  assert.equal(await firstLink(), 'https://v.douyin.com/iRNBho6u/');
});

test('a pasted app link gives the web link it stands for', async () => {
  await pasteText('taobao://item.taobao.com/item.htm?id=634567890123');
  assert.equal(await firstLink(), 'https://item.taobao.com/item.htm?id=634567890123');
  assert.match(await page.locator('#results li').first().textContent(), /an app link/);
});

test('our token, made on the make side and pasted on the read side, gives the link back', async () => {
  await page.fill('#make-url', 'https://item.m.jd.com/product/100012043978.html?utm_source=iosapp');
  await page.click('#make-form button[type="submit"]');
  await page.waitForSelector('#make-output:not([hidden])');
  const token = (await page.textContent('#make-token'))?.trim() ?? '';
  assert.match(token, /^[2-9A-Z]{8,}$/);
  await pasteText(token);
  assert.equal(await firstLink(), JD);
  assert.match(await page.locator('#results li').first().textContent(), /a sharekit token/);
  // The composed share text reads back to the same link too.
  const share = await page.inputValue('#make-share');
  assert.ok(share.includes(token), 'the share text carries the token');
  await pasteText(share);
  assert.equal(await firstLink(), JD);
});

test('several targets in one text show as a list', async () => {
  await pasteText(`https://www.bilibili.com/video/BV17x411w7KC and ${JD}`);
  assert.equal(await page.locator('#results > li').count(), 2);
  assert.deepEqual(
    (await linksInResults()).filter((h) => h === CAMERA_TARGET || h === JD),
    [CAMERA_TARGET, JD],
  );
  assert.equal(await page.textContent('#read-status'), 'Found 2 target(s).');
});

for (const danger of [
  'javascript:alert(document.domain)',
  ' JaVaScRiPt:alert(1)',
  'intent://item/1#Intent;scheme=taobao;package=com.taobao.taobao;S.browser_fallback_url=javascript%3Aalert(1);end',
  'https://item.taobao.com.evil.example/item.htm?id=1',
]) {
  test(`the dangerous target ${JSON.stringify(danger)} is shown as text, never as a link`, async () => {
    await pasteText(danger);
    const card = page.locator('#results > li').first();
    assert.equal(await card.getAttribute('data-level'), 'danger');
    assert.equal(await card.locator('a').count(), 0, 'no link in the card');
    assert.equal((await card.locator('.raw-target').textContent())?.trim(), danger.trim());
    assert.match(await card.textContent(), /Dangerous — not opened/);
    assert.ok((await card.locator('.reason-danger').count()) > 0, 'the danger reason is given');
    await noScriptLinks();
  });
}

test('an uploaded poster PNG gives the link in its QR code', async () => {
  await page.setInputFiles('#read-file', join(here, 'fixtures', 'taobao-poster.png'));
  await waitForRead();
  assert.equal(await firstLink(), TAOBAO_POSTER);
  assert.match(await page.locator('#results li').first().textContent(), /a QR code in an image/);
  assert.equal(await page.isVisible('#read-image'), true, 'the image read is shown');
  // zxing-wasm, loaded from the page's origin, did the reading.
  assert.match(await page.locator('#results > li').first().locator('.steps').textContent(), /read by zxing/);
});

test('an image pasted from the clipboard is read', async () => {
  const bytes = readFileSync(join(here, 'fixtures', 'taobao-poster.png')).toString('base64');
  await page.locator('#read-input').focus();
  await page.evaluate((b64) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([raw], 'pasted.png', { type: 'image/png' }));
    document
      .getElementById('read-input')
      ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, bytes);
  await page.waitForFunction(() =>
    document.getElementById('read-image-caption')?.textContent?.includes('pasted.png'),
  );
  await waitForRead();
  assert.equal(await firstLink(), TAOBAO_POSTER);
});

test('an image dropped on the input box is read', async () => {
  const bytes = readFileSync(join(here, 'fixtures', 'taobao-poster.png')).toString('base64');
  await pasteText('');
  await page.evaluate((b64) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([raw], 'dropped.png', { type: 'image/png' }));
    const zone = document.getElementById('drop-zone');
    zone?.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, bytes);
  await page.waitForFunction(() =>
    document.getElementById('read-image-caption')?.textContent?.includes('dropped.png'),
  );
  await waitForRead();
  assert.equal(await firstLink(), TAOBAO_POSTER);
});

test('a tilted, shrunken, blurred JPEG photo of the poster is read', async () => {
  const bytes = readFileSync(join(here, 'fixtures', 'taobao-poster.png')).toString('base64');
  const photo = await page.evaluate(async (b64) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const poster = await createImageBitmap(new Blob([raw], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(1200, 900);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#8c8273'; // a table
    ctx.fillRect(0, 0, 1200, 900);
    ctx.translate(600, 450);
    ctx.rotate((14 * Math.PI) / 180);
    ctx.filter = 'blur(0.8px)';
    ctx.drawImage(poster, -225, -400, 450, 800);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.filter = 'none';
    const image = ctx.getImageData(0, 0, 1200, 900);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed % 25) - 12;
      for (let k = 0; k < 3; k++)
        image.data[i + k] = Math.max(0, Math.min(255, image.data[i + k] * 0.85 + 20 + noise));
    }
    ctx.putImageData(image, 0, 0);
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
    const out = new Uint8Array(await jpeg.arrayBuffer());
    let s = '';
    for (const b of out) s += String.fromCharCode(b);
    return btoa(s);
  }, bytes);
  await page.setInputFiles('#read-file', {
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(photo, 'base64'),
  });
  await page.waitForFunction(() =>
    document.getElementById('read-image-caption')?.textContent?.includes('photo.jpg'),
  );
  await waitForRead();
  assert.equal(await firstLink(), TAOBAO_POSTER);
});

/** A PNG whose header claims `w`×`h` pixels, with one tiny compressed row and no more. */
function hugePngHeader(w, h) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + w * 3))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('an image whose header claims 20000×20000 pixels is refused before decoding, and junk is unreadable', async () => {
  await pasteText('');
  await page.setInputFiles('#read-file', {
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: hugePngHeader(20000, 20000),
  });
  await page.waitForFunction(
    () => document.getElementById('read-status')?.textContent === 'The image is too large.',
  );
  assert.equal(await page.locator('#results > li').count(), 0);
  await page.setInputFiles('#read-file', {
    name: 'junk.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not an image at all'),
  });
  await page.waitForFunction(
    () => document.getElementById('read-status')?.textContent === 'The image could not be read.',
  );
});

test('a poster made on the page reads back on the page, and its PNG download reads back too', async () => {
  await open();
  await makePoster(
    'https://item.m.jd.com/product/100012043978.html?utm_source=iosapp',
    '北欧风陶瓷马克杯 大容量带盖勺 办公室情侣水杯',
    '39.9',
    '杯具小铺',
  );
  assert.equal(await page.isVisible('#poster-img'), true);
  const naturalWidth = await page.$eval('#poster-img', (img) => img.naturalWidth);
  assert.ok(naturalWidth > 300, 'the poster preview is drawn');
  // Every app link has its QR code.
  const rows = await page.locator('#make-applinks > li').count();
  assert.ok(rows >= 4, `app links listed (${rows})`);
  assert.equal(await page.locator('#make-applinks svg.qr').count(), rows);
  await shot('make.png', page.locator('#make'));

  // The QR code of the app scheme carries the scheme link: read a picture of it on the read side.
  const schemeRow = page.locator('#make-applinks > li[data-form="scheme"]');
  const schemeLink = (await schemeRow.locator('.app-link-value').textContent())?.trim() ?? '';
  assert.match(schemeLink, /^openapp\.jdmobile:\/\//);
  const qrPicture = await schemeRow.locator('svg.qr').screenshot();
  await page.setInputFiles('#read-file', { name: 'scheme-qr.png', mimeType: 'image/png', buffer: qrPicture });
  await page.waitForFunction(() =>
    document.getElementById('read-image-caption')?.textContent?.includes('scheme-qr'),
  );
  await waitForRead();
  assert.equal(await firstLink(), JD);
  const steps = await page.locator('#results > li').first().locator('.steps').textContent();
  assert.ok(steps?.includes(schemeLink.slice(0, 60)), 'the QR payload is the scheme link');

  await page.click('#poster-readback');
  await waitForRead();
  assert.equal(await firstLink(), JD);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#poster-download')]);
  assert.match(download.suggestedFilename(), /^poster-item\.jd\.com-100012043978\.png$/);
  const file = join(work, 'downloaded.png');
  await download.saveAs(file);
  assert.deepEqual([...readFileSync(file).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await pasteText('');
  await page.setInputFiles('#read-file', file);
  await waitForRead();
  assert.equal(await firstLink(), JD);
});

test('the camera, when switched on, scans a QR code live and switches itself off', async () => {
  await open();
  assert.equal(
    await page.getAttribute('#camera-toggle', 'aria-pressed'),
    'false',
    'the camera is off by default',
  );
  await page.click('#camera-toggle');
  await page.waitForSelector('#results .target-link', { timeout: 20_000 });
  assert.equal(await firstLink(), CAMERA_TARGET);
  assert.equal(await page.getAttribute('#camera-toggle', 'aria-pressed'), 'false');
  assert.equal(await page.isHidden('#camera'), true);
});

test('the make side refuses a dangerous URL and says why, and asks for a price as a number', async () => {
  await open();
  await page.fill('#make-url', 'https://item.taobao.com.evil.example/item.htm?id=1');
  await page.click('#make-form button[type="submit"]');
  await page.waitForFunction(() => (document.getElementById('make-error')?.textContent ?? '').length > 0);
  assert.match(await page.textContent('#make-error'), /dangerous/);
  assert.equal(await page.isHidden('#make-output'), true, 'nothing was made');
  assert.equal(await page.getAttribute('#make-url', 'aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'make-url');
  await page.fill('#make-url', JD);
  await page.fill('#make-price', 'cheap');
  await page.click('#make-form button[type="submit"]');
  await page.waitForFunction(() =>
    (document.getElementById('make-error')?.textContent ?? '').includes('price'),
  );
  assert.equal(await page.getAttribute('#make-price', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#make-url', 'aria-invalid'), 'false');
  await noScriptLinks();
});

test('once loaded, the page keeps working with the network off', async () => {
  await open();
  await context.setOffline(true);
  try {
    await pasteText(`【京东】${JD}`);
    assert.equal(await firstLink(), JD);
    await page.setInputFiles('#read-file', join(here, 'fixtures', 'taobao-poster.png'));
    await waitForRead();
    assert.equal(await firstLink(), TAOBAO_POSTER);
    await makePoster(JD, '马克杯');
    await page.click('#poster-readback');
    await waitForRead();
    assert.equal(await firstLink(), JD);
  } finally {
    await context.setOffline(false);
  }
});

test('the language toggle switches the interface and the lang attribute to Chinese and back', async () => {
  await open();
  await pasteText(JD);
  await page.click('#lang-toggle');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('#read-heading'), '识别分享内容');
  assert.equal(await page.textContent('#read-status'), '找到 1 个目标。');
  assert.match(await page.locator('#results li').first().textContent(), /京东/);
  assert.equal(await page.getAttribute('#lang-toggle-name', 'lang'), 'en');
  assert.match(await page.textContent('#lang-toggle'), /^English/);
  await page.click('#lang-toggle');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#read-status'), 'Found 1 target.');
});

test('a browser that prefers Chinese gets the Chinese interface', async () => {
  const zhPage = await context.newPage();
  watch(zhPage);
  await zhPage.addInitScript(() => {
    Object.defineProperty(navigator, 'languages', { get: () => ['zh-CN', 'zh'] });
    Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' });
  });
  await zhPage.goto(server.url);
  await zhPage.waitForSelector('body[data-ready="true"]');
  assert.equal(await zhPage.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await zhPage.textContent('#make-heading'), '生成分享');
  await zhPage.setViewportSize({ width: 360, height: 740 });
  await zhPage.fill(
    '#read-input',
    '【淘宝】https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt CZ3457 「保温杯 大容量」',
  );
  await zhPage.press('#read-input', 'Enter');
  await zhPage.waitForSelector('#results .target-link');
  assert.equal(await zhPage.textContent('#read-status'), '找到 1 个目标。');
  if (takeScreenshots) {
    mkdirSync(screenshotDir, { recursive: true });
    await zhPage
      .locator('#read')
      .screenshot({ path: join(screenshotDir, 'read-zh-phone.png'), animations: 'disabled' });
  }
  await zhPage.close();
});

test('the page works from the keyboard with a visible focus ring, and every control has a name', async () => {
  await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'read-input');
  await page.keyboard.type(JD);
  await page.keyboard.press('Enter');
  await waitForRead();
  assert.equal(await firstLink(), JD);
  // Tab on to the Read button and check its focus ring.
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return null;
    const style = getComputedStyle(el);
    return {
      text: el.textContent,
      outline: style.outlineStyle,
      width: Number.parseFloat(style.outlineWidth),
    };
  });
  assert.equal(ring?.text, 'Read');
  assert.equal(ring?.outline, 'solid');
  assert.ok((ring?.width ?? 0) >= 2, 'the focus ring is at least 2px');
  const unnamed = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button, input:not([type="file"]), textarea, a[href], select'))
      .filter((el) => {
        const html = /** @type {HTMLElement} */ (el);
        if (html.closest('[hidden]')) return false;
        const labelled =
          (html.getAttribute('aria-label') ?? '').trim() ||
          (html.textContent ?? '').trim() ||
          ('labels' in html && html.labels && html.labels.length > 0 ? 'label' : '');
        return !labelled;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
});

/** Runs axe-core's WCAG 2.0–2.2 A and AA rules on the page as it is; returns the violations, one line each. */
async function axe(p) {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not apply.
  await p.evaluate(axeSource);
  return p.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`),
    );
  });
}

test('axe-core finds no WCAG 2.2 A/AA violation on either side, in either language', async () => {
  await open();
  assert.deepEqual(await axe(page), [], 'empty page');
  await pasteText(`${JD} https://item.taobao.com.evil.example/item.htm?id=1 javascript:alert(1)`);
  await makePoster(JD, '马克杯', '39.9', '杯具小铺');
  assert.deepEqual(await axe(page), [], 'results and made share, English');
  await page.click('#lang-toggle');
  assert.deepEqual(await axe(page), [], 'results and made share, Chinese');
  await page.fill('#make-url', 'javascript:alert(1)');
  await page.click('#make-form button[type="submit"]');
  await page.waitForFunction(() => (document.getElementById('make-error')?.textContent ?? '').length > 0);
  assert.deepEqual(await axe(page), [], 'make error shown');
  await page.click('#lang-toggle');
});

test('every visible text has AA contrast against its background (4.5:1, large text 3:1)', async () => {
  await open();
  await pasteText(`${JD} https://item.taobao.com.evil.example/item.htm?id=1 https://bit.ly/3abc`);
  await makePoster(JD, '马克杯', '39.9');
  await page.focus('#read-input');
  const failures = await page.evaluate(() => {
    const parse = (c) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const lum = ([r, g, b]) => {
      const f = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) return c;
      }
      return [255, 255, 255, 1];
    };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const el = node.parentElement;
      if (!el || el.closest('[hidden], .visually-hidden, svg')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      if (el.matches('button:disabled, button:disabled *')) continue; // inactive controls are exempt
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = background(el);
      const l1 = lum(fg);
      const l2 = lum(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        out.push(`${ratio.toFixed(2)} ${el.tagName} ${node.textContent.trim().slice(0, 40)}`);
    }
    return out;
  });
  assert.deepEqual(failures, []);
});

test('at phone width (360px) nothing scrolls sideways; screenshots of both sides', async () => {
  await open();
  await pasteText(
    `【京东】${JD} 好物推荐，复制打开京东 还有这个 https://www.bilibili.com/video/BV17x411w7KC 别点 https://item.taobao.com.evil.example/item.htm?id=1`,
  );
  assert.ok((await page.locator('#results > li').count()) >= 2);
  await shot('read.png', page.locator('#read'));
  await page.setViewportSize({ width: 360, height: 740 });
  try {
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(widths[0] <= widths[1], `page is ${widths[0]}px wide in a ${widths[1]}px window`);
    await shot('read-phone.png', page.locator('#read'));
    await makePoster(JD, '北欧风陶瓷马克杯', '39.9');
    const after = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(after[0] <= after[1], `page is ${after[0]}px wide in a ${after[1]}px window after making`);
    await shot('make-phone.png', page.locator('#make'));
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('the page made no request outside its own origin and logged no errors', async () => {
  assert.deepEqual(outside, []);
  assert.deepEqual(pageErrors, []);
});

// ---------------------------------------------------------------- run

let passed = 0;
let failed = 0;
const started = Date.now();
for (const { name, fn } of tests) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name} (${Date.now() - t0} ms)`);
    console.log(String(error?.stack ?? error).replace(/^/gm, '      '));
    if (page.isClosed()) {
      page = await context.newPage();
      watch(page);
    }
  }
}
await context.close();
await server.close();
if (existsSync(work)) rmSync(work, { recursive: true, force: true });
console.log(`\nbrowser tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
