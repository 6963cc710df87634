/**
 * The Content-Security-Policy a built page carries, as a `<meta>` tag in its `<head>`. A static host sends no headers
 * of ours, and a meta policy covers only what follows it, so the tag goes right after `<meta charset>` (which must stay
 * within the first 1024 bytes and loads nothing) and before anything else.
 */
import {createHash} from 'node:crypto';
import {parse} from 'parse5';
import type {DefaultTreeAdapterMap} from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;

/**
 * Every element under `root` in document order (a template's content after its children). A loop over a stack: a
 * recursive generator resumes every enclosing generator for each element, which on a plan page's deep tree was a fifth
 * of the policy's time.
 */
function elements(root: Node): Element[] {
  const found: Element[] = [];
  const pending: Node[] = [root];
  while (pending.length) {
    const node = pending.pop()!;
    if (isElement(node)) found.push(node);
    if (isElement(node) && 'content' in node) pending.push(node.content as Node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
  }
  return found;
}

const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;

/** Script types a browser runs; data blocks (`application/ld+json`, …) need no hash. */
const EXECUTABLE = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/**
 * The `'sha256-…'` source of every inline script the page runs, in document order, without repeats. `document` is the
 * page already parsed, when the build has its tree (the HTML check parses every page too).
 */
export function inlineScriptHashes(html: string, document: Node = parse(html)): string[] {
  const hashes: string[] = [];
  for (const element of elements(document)) {
    if (element.tagName !== 'script' || attribute(element, 'src') !== undefined) continue;
    if (!EXECUTABLE.has((attribute(element, 'type') ?? '').trim().toLowerCase())) continue;
    const text = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
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
export function withPolicy(html: string, apiOrigin: string, document?: Node): string {
  if (/<meta[^>]+http-equiv=["']?content-security-policy/i.test(html)) return html;
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policyFor(inlineScriptHashes(html, document), apiOrigin)}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('The page has no <head> tag to put its Content-Security-Policy in.');
  let at = head.index + head[0].length;
  const charset = /^\s*<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i.exec(html.slice(at));
  if (charset) at += charset[0].length;
  return `${html.slice(0, at)}${tag}${html.slice(at)}`;
}
