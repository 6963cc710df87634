import {mkdtemp, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {OFFLINE_GUIDE_FILE, mapWithLimit, pageAddress, writeOfflineGuideList} from '.';

let outDir: string;

async function put(file: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(outDir, file)), {recursive: true});
  await writeFile(path.join(outDir, file), content);
}

beforeEach(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'offline-guide-'));
});

afterEach(async () => {
  await rm(outDir, {recursive: true, force: true});
});

describe('the whole guide list', () => {
  it('names every page by its address and every file pages use, with its download size', async () => {
    const page = '<!doctype html><title>Week 10</title>'.repeat(50);
    await put('index.html', '<!doctype html><title>Home</title>');
    await put('weeks/week-10/go.html', page);
    await put('weeks/week-10.html', '<!doctype html><title>Week 10</title>');
    await put('assets/js/main.1a2b.js', 'console.log("main");'.repeat(100));
    await put('img/icons/icon-192.png', Buffer.alloc(3000, 7));
    await put('pagefind/fragment/en_1.pf_fragment', Buffer.alloc(900, 1));
    await put('manifest.json', '{"name":"Go Study Plans"}');
    // Not needed by any page offline: the worker itself, the sitemap, the error page, the README's pictures.
    await put('sw.js', 'self.x = 1;');
    await put('sitemap.xml', '<urlset/>');
    await put('404.html', '<!doctype html><title>Not found</title>');
    await put('img/readme/week-10.png', Buffer.alloc(50_000, 3));

    const list = await writeOfflineGuideList(outDir);
    expect(list.pages.map((entry) => entry.path)).toEqual(['/', '/weeks/week-10', '/weeks/week-10/go']);
    expect(list.files.map((entry) => entry.path)).toEqual([
      '/assets/js/main.1a2b.js',
      '/img/icons/icon-192.png',
      '/manifest.json',
      '/pagefind/fragment/en_1.pf_fragment',
    ]);
    // Text moves compressed; images and Pagefind's own compressed files move as they are.
    expect(list.pages.find((entry) => entry.path === '/weeks/week-10/go')?.bytes).toBe(gzipSync(page).length);
    expect(list.files.find((entry) => entry.path === '/img/icons/icon-192.png')?.bytes).toBe(3000);
    expect(list.files.find((entry) => entry.path === '/pagefind/fragment/en_1.pf_fragment')?.bytes).toBe(900);
    expect(JSON.parse(await readFile(path.join(outDir, OFFLINE_GUIDE_FILE), 'utf8'))).toEqual(list);
  });

  it('takes the sizes of pages the build already measured, and measures the rest', async () => {
    await put('index.html', '<!doctype html><title>Home</title>');
    await put('weeks/week-10.html', '<!doctype html><title>Week 10</title>');
    const list = await writeOfflineGuideList(outDir, new Map([[path.join(outDir, 'index.html'), 1234]]));
    expect(list.pages).toEqual([
      {path: '/', bytes: 1234},
      {path: '/weeks/week-10', bytes: gzipSync('<!doctype html><title>Week 10</title>').length},
    ]);
  });

  it('gives a page its address without .html or a trailing index', () => {
    expect(pageAddress('index.html')).toBe('/');
    expect(pageAddress('notes.html')).toBe('/notes');
    expect(pageAddress('weeks/week-09/go.html')).toBe('/weeks/week-09/go');
    expect(pageAddress('intensive/index.html')).toBe('/intensive');
  });
});

describe('mapWithLimit', () => {
  it('keeps at most the limit of tasks running, and gives the results in the items’ order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithLimit(
      Array.from({length: 25}, (_, index) => index),
      4,
      async (item) => {
        running += 1;
        most = Math.max(most, running);
        // Later items finish sooner, so results arrive out of order.
        await new Promise((resolve) => setTimeout(resolve, 25 - item));
        running -= 1;
        return item * 2;
      },
    );
    expect(most).toBe(4);
    expect(results).toEqual(Array.from({length: 25}, (_, index) => index * 2));
  });

  it('runs nothing for no items', async () => {
    expect(await mapWithLimit([], 4, () => Promise.reject(new Error('not called')))).toEqual([]);
  });
});
