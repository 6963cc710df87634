import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import builtPagesPlugin from '../built-pages';
import {addPolicy} from '.';
import {DEFAULT_GIST_API_URL, gistApiUrlFrom} from './gistApiUrl';
import {inlineScriptHashes, withPolicy} from './policy';
import {parse, type DefaultTreeAdapterMap} from 'parse5';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const THEME_SCRIPT = '(function(){document.documentElement.setAttribute("data-theme","dark")})()';
const PAGE = `<!doctype html><html lang=en><head><meta charset=UTF-8><title>Week 10</title><script>${THEME_SCRIPT}</script><script src=/assets/js/main.js defer></script><script type=application/ld+json>{"a":1}</script></head><body><div id=__docusaurus></div><script>$RC("B:0","S:0")</script></body></html>`;

const policyOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';

describe('the Content-Security-Policy of a built page', () => {
  it('allows the inline scripts the page runs by hash, and no others', () => {
    expect(inlineScriptHashes(PAGE)).toEqual([sha(THEME_SCRIPT), sha('$RC("B:0","S:0")')]);
    const policy = policyOf(withPolicy(PAGE, 'https://api.github.com'));
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha(THEME_SCRIPT)} ${sha('$RC("B:0","S:0")')};`);
    // WebAssembly may be compiled (Pagefind's search); JavaScript may never be eval'd.
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The timer alarm's worker is made from a blob (src/components/TimerCenter/alerts.ts).
    expect(policy).toContain("worker-src 'self' blob:;");
  });

  it('comes first in <head>, after only the charset declaration', () => {
    const html = withPolicy(PAGE, 'https://api.github.com');
    expect(html).toMatch(/^<!doctype html><html lang=en><head><meta charset=UTF-8><meta http-equiv="Content-Security-Policy"/);
  });

  it('is not added twice', () => {
    const once = withPolicy(PAGE, 'https://api.github.com');
    expect(withPolicy(once, 'https://api.github.com')).toBe(once);
  });

  it('a page without <head> stops the build naming the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csp-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'broken.html'), '<p>no head</p>');
    expect(() => addPolicy(dir, path.join(dir, 'broken.html'), '<p>no head</p>', 'https://api.github.com')).toThrow(/^broken\.html: The page has no <head>/);
  });
});

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, {recursive: true, force: true})));

describe('inline scripts', () => {
  it('are listed in document order, a template’s scripts where the template is, each once', () => {
    const html = `<!doctype html><html><head><script>a()</script></head><body><div><p><script>b()</script></p><template><script>c()</script></template></div><script>d()</script><script>a()</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual(['a()', 'b()', 'c()', 'd()'].map(sha));
  });

  it('are read as the HTML standard’s parser reads them, in every kind of markup a page can hold', () => {
    const pages = [
      PAGE,
      // Markup that only looks like a script: in an attribute, a style, a textarea, a title, a comment.
      `<html><head><title>&lt;script&gt; <script>t()</script></title><style>a::before{content:"<script>s()</script>"}</style></head><body><a title="<script>x()</script>" href=/>a</a><textarea><script>y()</script></textarea><!-- <script>z()</script> --></body></html>`,
      // Scripts as they are written: upper case, attributes with entities, repeated or without a value, text with < and
      // entities (script text is never decoded), a script in SVG, one with a slash before its end, one left open.
      `<html><head><SCRIPT TYPE="Module">m()</SCRIPT><script type="text&#47;javascript">e()</script><script type=" text/javascript ">w()</script></head><body><script type=application/json type="">{"x":1}</script><script async>if(a<b&&c>d)f("&amp;")</script><svg><script>v()</script></svg><script/>q()</script><script>document.write("<\\/script>")</script><script src=/a.js></script><script>open()`,
    ];
    for (const html of pages) expect(inlineScriptHashes(html)).toEqual(standardReading(html));
    expect(standardReading(pages[1]!)).toEqual([]);
    expect(standardReading(pages[2]!)).toHaveLength(8);
  });
});

/** The hashes from a document tree built by the HTML standard's rules (parse5), the reading the tokenizer's must match. */
function standardReading(html: string): string[] {
  const hashes: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['node']): void => {
    if ('tagName' in node && node.tagName === 'script') {
      const type = (node.attrs.find((attribute) => attribute.name === 'type')?.value ?? '').trim().toLowerCase();
      const runs = !node.attrs.some((attribute) => attribute.name === 'src') && ['', 'text/javascript', 'application/javascript', 'module'].includes(type);
      const hash = sha(node.childNodes.map((child) => ('value' in child ? child.value : '')).join(''));
      if (runs && !hashes.includes(hash)) hashes.push(hash);
    }
    if ('content' in node) visit(node.content as DefaultTreeAdapterMap['node']);
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html));
  return hashes;
}

describe('the production build (GIST_API_URL unset)', () => {
  it('lets pages connect to this site and GitHub’s API only, on every page, nested ones too', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csp-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'weeks'));
    writeFileSync(path.join(dir, 'index.html'), PAGE);
    writeFileSync(path.join(dir, 'weeks', 'week-10.html'), PAGE);
    const saved = process.env.GIST_API_URL;
    delete process.env.GIST_API_URL;
    try {
      const plugin = builtPagesPlugin({siteDir: dir, baseUrl: '/'} as never);
      await plugin.postBuild!({outDir: dir, routes: []} as never);
    } finally {
      if (saved !== undefined) process.env.GIST_API_URL = saved;
    }
    for (const file of ['index.html', 'weeks/week-10.html']) {
      expect(policyOf(readFileSync(path.join(dir, file), 'utf8'))).toContain("connect-src 'self' https://api.github.com;");
    }
  });
});

describe('GIST_API_URL', () => {
  it('defaults to GitHub’s API', () => {
    expect(gistApiUrlFrom({})).toBe(DEFAULT_GIST_API_URL);
  });
  it('takes a loopback address for tests, without a trailing slash', () => {
    expect(gistApiUrlFrom({GIST_API_URL: 'http://127.0.0.1:4390/'})).toBe('http://127.0.0.1:4390');
  });
  it('refuses plain http to another host, and what is not a URL, with a clear message', () => {
    expect(() => gistApiUrlFrom({GIST_API_URL: 'http://example.com'})).toThrow(/must use https/);
    expect(() => gistApiUrlFrom({GIST_API_URL: 'api.github.com'})).toThrow(/absolute http\(s\) URL/);
  });
});
