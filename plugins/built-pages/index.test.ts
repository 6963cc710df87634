import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {getHtmlMinifier} from '@docusaurus/bundler';
import builtPagesPlugin, {whenPagesWritten} from '.';

const dirs: string[] = [];
afterEach(() => {
  dirs.splice(0).forEach((dir) => rmSync(dir, {recursive: true, force: true}));
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const WELL_FORMED = '<!doctype html><html lang=en><head><meta charset=UTF-8><script>a()</script></head><body><ul><li>item</ul></body></html>';
const BARE_ITEM = '<!doctype html><html lang=en><head><meta charset=UTF-8></head><body><ul><li><div><li>bare</li></div></li></ul></body></html>';

describe('the pass over the built pages', () => {
  it('writes every page’s policy and fails the build on a misnested page, naming it and its source', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'built-pages-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'ok.html'), WELL_FORMED);
    writeFileSync(path.join(dir, 'bad.html'), BARE_ITEM);
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const plugin = builtPagesPlugin({siteDir: path.dirname(dir), baseUrl: '/'} as never);
    await plugin.postBuild!({outDir: dir, routes: [{path: '/bad', metadata: {sourceFilePath: 'docs/bad.md'}}]} as never);

    for (const file of ['ok.html', 'bad.html']) expect(readFileSync(path.join(dir, file), 'utf8')).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(exit).toHaveBeenCalledWith(1);
    const printed = String(error.mock.calls[0]?.[0]);
    expect(printed).toMatch(/bad\.html:1:\d+ {2}error {2}"<li>" closes the <div> .*\(page \/bad, written from docs\/bad\.md\) {2}html-nesting/);
    expect(printed).not.toContain('ok.html');
    expect(printed).toContain('[ERROR] 1 page does not parse to the HTML React rendered');
  });

  it('with SWC’s minifier, fails the build on the pages it reported misnested, from its report, and writes every page’s policy', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'built-pages-'));
    dirs.push(dir);
    const minifier = await getHtmlMinifier({type: 'swc'});
    const bad = await minifier.minify(BARE_ITEM);
    const ok = await minifier.minify(WELL_FORMED);
    expect(ok.warnings).toEqual([]);
    writeFileSync(path.join(dir, 'ok.html'), ok.code);
    writeFileSync(path.join(dir, 'bad.html'), bad.code);
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const siteConfig = {future: {faster: {swcHtmlMinimizer: true}}};
    const plugin = builtPagesPlugin({siteDir: path.dirname(dir), baseUrl: '/', siteConfig} as never);
    // As Docusaurus prints the minifier's findings once every page is rendered, before postBuild.
    console.warn(
      ['[WARNING] Docusaurus static site generation process emitted warnings for 1 paths', '- "/bad":', ...bad.warnings.map((line) => `  - ${line}`)].join(
        '\n',
      ),
    );
    await plugin.postBuild!({outDir: dir, routes: [{path: '/bad', metadata: {sourceFilePath: 'docs/bad.md'}}]} as never);

    for (const file of ['ok.html', 'bad.html']) expect(readFileSync(path.join(dir, file), 'utf8')).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(exit).toHaveBeenCalledWith(1);
    const printed = String(error.mock.calls[0]?.[0]);
    expect(printed).toMatch(
      /^docs\/bad\.md {2}error {2}The HTML minifier reports: End tag "li" implied, .*\(page \/bad, written from docs\/bad\.md\) {2}html-nesting$/m,
    );
    expect(printed).toContain('[ERROR] 1 page does not parse to the HTML React rendered');
  });

  it('lets a step started beside it (the offline guide) wait until every page has its final text', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'built-pages-'));
    dirs.push(dir);
    for (let page = 0; page < 20; page += 1) writeFileSync(path.join(dir, `page-${page}.html`), WELL_FORMED);
    const plugin = builtPagesPlugin({siteDir: path.dirname(dir), baseUrl: '/'} as never);
    // As Docusaurus does: every plugin's postBuild started at once, the reader's after the pass.
    const pass = plugin.postBuild!({outDir: dir, routes: []} as never);
    const seen = whenPagesWritten().then((downloadSizes) =>
      Array.from({length: 20}, (_, page) => {
        const file = path.join(dir, `page-${page}.html`);
        const served = readFileSync(file, 'utf8');
        // Each page's size as it will be served, with its policy, compressed as a server does.
        return served.includes('Content-Security-Policy') && downloadSizes.get(file) === gzipSync(served).length;
      }),
    );
    expect(await seen).toEqual(Array.from({length: 20}, () => true));
    await pass;
  });
});
