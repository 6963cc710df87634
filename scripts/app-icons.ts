/**
 * Draws the installable app's icons from static/img/logo.svg with headless Chromium, so they stay in step with
 * the logo: `npx tsx scripts/app-icons.ts`, then commit static/img/icons/. A maskable icon keeps the logo inside
 * the central safe zone (80 %) on the logo's own colour, since launchers crop it to their shape.
 */
import {mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {chromium} from '@playwright/test';
import {chromiumArgs, findChromium} from '../tests/support/chromium';

const root = path.resolve(__dirname, '..');
const logo = readFileSync(path.join(root, 'static/img/logo.svg'), 'utf8');
const outDir = path.join(root, 'static/img/icons');
const BACKGROUND = '#00758f';

const icons = [
  {file: 'icon-192.png', size: 192, logoScale: 1, background: 'transparent'},
  {file: 'icon-512.png', size: 512, logoScale: 1, background: 'transparent'},
  {file: 'icon-maskable-512.png', size: 512, logoScale: 0.7, background: BACKGROUND},
];

async function main(): Promise<void> {
  const found = findChromium();
  if ('error' in found) throw new Error(found.error);
  mkdirSync(outDir, {recursive: true});
  const browser = await chromium.launch({executablePath: found.path, args: chromiumArgs});
  try {
    for (const icon of icons) {
      const page = await browser.newPage({viewport: {width: icon.size, height: icon.size}});
      const logoSize = Math.round(icon.size * icon.logoScale);
      await page.setContent(
        `<body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${icon.background}">` +
          `<div style="width:${logoSize}px;height:${logoSize}px">${logo.replace('<svg ', `<svg width="${logoSize}" height="${logoSize}" `)}</div></body>`,
      );
      await page.screenshot({path: path.join(outDir, icon.file), omitBackground: icon.background === 'transparent'});
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
