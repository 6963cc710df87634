// @vitest-environment jsdom
import fc from 'fast-check';
import {beforeEach, describe, expect, it} from 'vitest';
import {PLAN_VARIANTS, STORAGE_KEY, STORE_SCHEMA_VERSION, VARIANT_ATTRIBUTE, pageVariant, searchWithVariant} from '../plan-model/ids';
import {readStored} from '@site/src/store/schema';
import {variantHeadScript} from './index';

/** Loads a page at `search` with `stored` in localStorage, as the browser runs the head script before any bundle. */
function loadPage(search: string, stored: string | null): {attribute: string | null; stored: string | null} {
  localStorage.clear();
  if (stored !== null) localStorage.setItem(STORAGE_KEY, stored);
  document.documentElement.removeAttribute(VARIANT_ATTRIBUTE);
  window.history.replaceState(null, '', `/weeks/week-09/go${search}`);
  new Function(variantHeadScript)();
  return {attribute: document.documentElement.getAttribute(VARIANT_ATTRIBUTE), stored: localStorage.getItem(STORAGE_KEY)};
}

const savedState = (variant: string, version = STORE_SCHEMA_VERSION) =>
  JSON.stringify({version, variant, progress: {'weeks/week-09/go': {'d1-b1': 1767600000000}}});

beforeEach(() => localStorage.clear());

describe('the head script', () => {
  it('shows the stored choice, and the 4-hour plan when nothing is stored, writing nothing', () => {
    expect(loadPage('', savedState('6h'))).toEqual({attribute: '6h', stored: savedState('6h')});
    expect(loadPage('', null)).toEqual({attribute: '4h', stored: null});
  });

  it('remembers a shared ?plan= choice before the page hydrates, keeping everything else stored', () => {
    const {attribute, stored} = loadPage('?plan=6h', savedState('4h'));
    expect(attribute).toBe('6h');
    const {state, report} = readStored(stored);
    expect(report.condition).toBe('ok');
    expect(state.variant).toBe('6h');
    expect(state.progress['weeks/week-09/go']).toEqual({'d1-b1': 1767600000000});
  });

  it('remembers a shared choice for a first-time reader in a shape the store reads', () => {
    const {attribute, stored} = loadPage('?plan=6h', null);
    expect(attribute).toBe('6h');
    const {state, report} = readStored(stored);
    expect(report.condition).toBe('ok');
    expect(state.variant).toBe('6h');
  });

  it('shows but never stores into data it must not touch: unreadable, foreign or from a newer site', () => {
    for (const untouchable of ['{"variant":"4h", "progress": {', '{"theme":"dark"}', '[1,2]', savedState('4h', STORE_SCHEMA_VERSION + 1)]) {
      expect(loadPage('?plan=6h', untouchable)).toEqual({attribute: '6h', stored: untouchable});
    }
  });

  it('ignores a ?plan= value that names no plan', () => {
    expect(loadPage('?plan=8h', savedState('6h'))).toEqual({attribute: '6h', stored: savedState('6h')});
  });
});

describe('the head script and the browser code', () => {
  /** Query strings as links carry them: the parameter in every position, case and spelling, and any text at all. */
  const search = fc.oneof(
    fc.constantFrom('', '?plan=4h', '?plan=6h', '?plan=8h', '?plan=', '?plan=6H', '?Plan=6h', '?x=1&plan=6h', '?plan=4h&plan=6h', '?plan=%36h', '?plan=6h%20'),
    fc.string().map((text) => `?${text}`),
    fc.string().map((text) => `?plan=${text}`),
  );
  /** Stored text: this site's data with any variant field, or anything else under the key. */
  const stored = fc.oneof(
    fc.constant(null),
    fc.constantFrom('4h', '6h', '8h', '', 6, null).map((variant) => savedState(variant as string)),
    fc.string(),
  );

  it('show the same variant for every link and every stored value, and the head script stores exactly the shared ones', () => {
    fc.assert(
      fc.property(search, stored, (query, text) => {
        const {attribute, stored: after} = loadPage(query, text);
        let parsed: {version?: unknown; variant?: unknown} | null | undefined;
        try {
          parsed = JSON.parse(text || 'null') as typeof parsed; // an empty value is nothing stored, as for the store
        } catch {
          parsed = undefined;
        }
        const page = pageVariant(window.location.search, parsed?.variant);
        expect(attribute).toBe(page.variant);
        // Only data this site's store wrote (or none) takes a shared choice; anything else is left as it was.
        const ours = parsed === null || (typeof parsed?.version === 'number' && parsed.version <= STORE_SCHEMA_VERSION);
        if (page.shared && ours) expect(JSON.parse(after!)).toMatchObject({variant: page.variant});
        else expect(after).toBe(text);
      }),
      {numRuns: 300},
    );
  });

  it('agree after the reader picks: a link that names a plan then names the one picked, and one that names none is left alone', () => {
    fc.assert(
      fc.property(search, fc.constantFrom(...PLAN_VARIANTS), (query, picked) => {
        const after = searchWithVariant(query, picked);
        if (new URLSearchParams(query).has('plan')) expect(loadPage(after, savedState('4h')).attribute).toBe(picked);
        else expect(after).toBe(query);
      }),
    );
  });
});
