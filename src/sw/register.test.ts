import {renderReloadPopup} from '@docusaurus/plugin-pwa/lib/renderReloadPopup.js';
import {followedRoutes, keepsRecords, plansToFetch} from './keepForOffline';
import {serviceWorkerUrl, watchForUpdates} from './register';

vi.mock('@docusaurus/plugin-pwa/lib/renderReloadPopup.js', () => ({renderReloadPopup: vi.fn(() => Promise.resolve())}));

/** A worker as the page sees it: a state, messages it was sent, and its `statechange` event. */
class FakeWorker extends EventTarget {
  messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
  moveTo(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

/** A registration with its three slots and its `updatefound` event. */
class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
  /** A new version starts installing, as after `registration.update()` finds one. */
  findUpdate(): FakeWorker {
    this.installing = new FakeWorker('installing');
    this.dispatchEvent(new Event('updatefound'));
    return this.installing;
  }
  /** The installing version finished installing: it waits while another is active, else it goes on to activate. */
  finishInstalling(worker: FakeWorker): void {
    this.installing = null;
    this.waiting = worker;
    worker.moveTo('installed');
  }
}

const watch = (registration: FakeRegistration) => watchForUpdates(registration as unknown as ServiceWorkerRegistration);
const prompts = () => vi.mocked(renderReloadPopup).mock.calls.length;

beforeEach(() => {
  vi.mocked(renderReloadPopup).mockClear();
});

it('registers the worker at the address the PWA plugin used, so a worker already installed stays the same', () => {
  expect(serviceWorkerUrl('/sw.js', false)).toBe(`/sw.js?params=${encodeURIComponent('{"offlineMode":true,"debug":false}')}`);
});

it('announces a version already waiting when the page loads, once', async () => {
  const registration = new FakeRegistration();
  registration.active = new FakeWorker('activated');
  registration.waiting = new FakeWorker('installed');
  watch(registration);
  watch(registration);
  await vi.waitFor(() => expect(prompts()).toBe(1));
});

it('does not announce the first install, which waits for nothing, but does announce the next version', () => {
  const registration = new FakeRegistration();
  const prompt = vi.fn();
  watchForUpdates(registration as unknown as ServiceWorkerRegistration, prompt);
  const first = registration.findUpdate();
  registration.finishInstalling(first);
  expect(prompt).not.toHaveBeenCalled();
  // The first version activates; the next one then waits for it, and that is announced in the same event.
  registration.waiting = null;
  registration.active = first;
  registration.finishInstalling(registration.findUpdate());
  expect(prompt).toHaveBeenCalledTimes(1);
});

it('announces a version that finishes installing while the page is open; Reload asks that version to take over', async () => {
  const registration = new FakeRegistration();
  registration.active = new FakeWorker('activated');
  watch(registration);
  const update = registration.findUpdate();
  expect(prompts()).toBe(0);
  registration.finishInstalling(update);
  await vi.waitFor(() => expect(prompts()).toBe(1));

  const listeners: string[] = [];
  vi.stubGlobal('navigator', {serviceWorker: {addEventListener: (type: string) => listeners.push(type)}});
  try {
    vi.mocked(renderReloadPopup).mock.calls[0]![0].onReload();
  } finally {
    vi.unstubAllGlobals();
  }
  expect(update.messages).toEqual([{type: 'SKIP_WAITING'}]);
  // The page reloads once the new version controls it, not before.
  expect(listeners).toEqual(['controllerchange']);
});

describe('what the page tells the worker to keep for offline use', () => {
  it('names each followed plan once, by its route', () => {
    expect(followedRoutes([{planIds: ['weeks/week-10/go', 'weeks/week-11/go']}, {planIds: ['weeks/week-10/go']}])).toEqual([
      '/weeks/week-10/go',
      '/weeks/week-11/go',
    ]);
    expect(followedRoutes([])).toEqual([]);
  });

  it('asks for the app shell once the learner keeps anything it shows: a follow, a tick, a note or mark, a day note', () => {
    const nothing = {follows: [], progress: {}, stamps: {}, dayNotes: {}};
    expect(keepsRecords(nothing)).toBe(false);
    expect(keepsRecords({...nothing, follows: [{planIds: ['weeks/week-10/go']}]} as unknown as typeof nothing)).toBe(true);
    expect(keepsRecords({...nothing, progress: {'weeks/week-10/go': {'d1-b1': 1}}})).toBe(true);
    expect(keepsRecords({...nothing, progress: {'weeks/week-10/go': {}}, stamps: {'weeks/week-10/go': {}}})).toBe(false);
    expect(keepsRecords({...nothing, stamps: {'weeks/week-10/go': {'d1-b1': {}}}} as unknown as typeof nothing)).toBe(true);
    expect(keepsRecords({...nothing, dayNotes: {'weeks/week-10/go': {2: 'Matching first'}}} as unknown as typeof nothing)).toBe(true);
  });

  it('fetches every followed plan, but with Save-Data on only those followed since the page loaded', () => {
    const routes = ['/weeks/week-10/go', '/weeks/week-11/go'];
    expect(plansToFetch(routes, null, false)).toEqual(routes);
    expect(plansToFetch(routes, null, true)).toEqual([]);
    expect(plansToFetch(routes, new Set(['/weeks/week-10/go']), true)).toEqual(['/weeks/week-11/go']);
  });
});
