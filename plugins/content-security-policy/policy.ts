/**
 * The Content-Security-Policy a built page carries, as a `<meta>` tag in its `<head>`. A static host sends no headers
 * of ours, and a meta policy covers only what follows it, so the tag goes right after `<meta charset>` (which must stay
 * within the first 1024 bytes and loads nothing) and before anything else.
 */
import {createHash} from 'node:crypto';
import {Tokenizer} from 'htmlparser2';

/** Script types a browser runs; data blocks (`application/ld+json`, …) need no hash. */
const EXECUTABLE = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/** One inline script of a page: its text, as the browser hashes it (never entity-decoded: script content is raw text). */
function inlineScriptTexts(html: string): string[] {
  const texts: string[] = [];
  /** Whether the tag being read is a script's: only a script's attributes are kept (most of a page is other tags). */
  let inScriptTag = false;
  let attributeName = '';
  let attributeValue = '';
  let attributes = new Map<string, string>();
  /** Where the open script's text starts, while one is open; -1 otherwise. */
  let scriptStart = -1;
  const isScript = (start: number, end: number) => end - start === 6 && html.slice(start, end).toLowerCase() === 'script';
  const openTagEnded = (endIndex: number) => {
    if (!inScriptTag) return;
    inScriptTag = false;
    const runs = !attributes.has('src') && EXECUTABLE.has((attributes.get('type') ?? '').trim().toLowerCase());
    scriptStart = runs ? endIndex + 1 : -1;
  };
  const tokenizer = new Tokenizer(
    {decodeEntities: true},
    {
      onopentagname(start, end) {
        inScriptTag = isScript(start, end);
        if (inScriptTag) attributes = new Map();
      },
      onattribname(start, end) {
        if (!inScriptTag) return;
        attributeName = html.slice(start, end).toLowerCase();
        attributeValue = '';
      },
      onattribdata(start, end) {
        if (inScriptTag) attributeValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (inScriptTag) attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        // The first of two attributes with one name counts, as in the standard's parser.
        if (inScriptTag && !attributes.has(attributeName)) attributes.set(attributeName, attributeValue);
      },
      onopentagend: openTagEnded,
      // `<script/>` opens a script in HTML: the slash is ignored.
      onselfclosingtag: openTagEnded,
      onclosetag(start, end) {
        if (scriptStart < 0 || !isScript(start, end)) return;
        // `start` is the name's, after `</`.
        texts.push(html.slice(scriptStart, start - 2));
        scriptStart = -1;
      },
      onend() {
        // A script still open at the end of the page runs with the rest of the text.
        if (scriptStart >= 0) texts.push(html.slice(scriptStart));
      },
      ontext() {},
      ontextentity() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return texts;
}

/**
 * The `'sha256-…'` source of every inline script the page runs, in document order, without repeats.
 *
 * Read with htmlparser2's tokenizer rather than a parse by the HTML standard's rules (parse5): only where scripts start
 * and end is needed, and building a document tree of every page took about five times as long (at 192 plans, most of
 * the build's pass over its pages). The two read scripts alike in the markup a page is made of, which the tests hold
 * against parse5's reading; where they could differ (a script inside `<noscript>` or `<xmp>`, which never runs) the
 * tokenizer lists one more hash, which allows nothing the page does not hold.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const text of inlineScriptTexts(html)) {
    const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    if (!hashes.includes(hash)) hashes.push(hash);
  }
  return hashes;
}

/** The policy for a page with these inline scripts, allowing connections to this site and the API's origin only. */
export function policyFor(scriptHashes: readonly string[], apiOrigin: string): string {
  return [
    "default-src 'self'",
    // Search runs Pagefind's WebAssembly (fetched from this site): compiling it needs 'wasm-unsafe-eval', which allows
    // WebAssembly only, not eval of JavaScript.
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trim(),
    // Docusaurus and React set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${apiOrigin}`,
    "manifest-src 'self'",
    // The timers' alarm runs in a worker made from a blob the site's own script writes (TimerCenter/alerts.ts).
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The page with its policy tag inserted; a page that already has one is returned as it is. */
export function withPolicy(html: string, apiOrigin: string): string {
  if (/<meta[^>]+http-equiv=["']?content-security-policy/i.test(html)) return html;
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policyFor(inlineScriptHashes(html), apiOrigin)}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('The page has no <head> tag to put its Content-Security-Policy in.');
  let at = head.index + head[0].length;
  const charset = /^\s*<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i.exec(html.slice(at));
  if (charset) at += charset[0].length;
  return `${html.slice(0, at)}${tag}${html.slice(at)}`;
}
