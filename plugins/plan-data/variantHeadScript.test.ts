// @vitest-environment jsdom
import {beforeEach, describe, expect, it} from 'vitest';
import {STORAGE_KEY, STORE_SCHEMA_VERSION, VARIANT_ATTRIBUTE} from '../plan-model/ids';
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
