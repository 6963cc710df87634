import {act, createContext, Profiler, useContext, useEffect, useId, useState, useSyncExternalStore, type ReactNode} from 'react';
import {createRoot, hydrateRoot, type Root} from 'react-dom/client';
import {renderToString} from 'react-dom/server';
import {FiberProvider, useContextBridge} from 'its-fine';
import {Context as BrowserContext} from '@docusaurus/core/lib/client/browserContext';
import {SECTION_HYDRATED_EVENT} from '@site/src/lib/search/marks';
import {renderAsServer} from '@site/tests/unit/support/hydration';
import {useStoredState} from '@site/src/store';
import HydrateWhenNear from '.';

// The real bridge, watched: when a section reads the page's contexts is part of what it costs a page to load.
vi.mock('its-fine', async (importOriginal) => {
  const actual = await importOriginal<typeof import('its-fine')>();
  return {...actual, useContextBridge: vi.fn(actual.useContextBridge)};
});

/** jsdom has no IntersectionObserver: this one lets a test say when the section comes near the viewport. */
class NearViewport {
  static watching: NearViewport[] = [];
  private readonly callback: (entries: {isIntersecting: boolean}[]) => void;
  constructor(callback: (entries: {isIntersecting: boolean}[]) => void) {
    this.callback = callback;
    NearViewport.watching.push(this);
  }
  observe(): void {}
  disconnect(): void {
    NearViewport.watching = NearViewport.watching.filter((observer) => observer !== this);
  }
  comeNear(): void {
    this.callback([{isIntersecting: true}]);
  }
}

const Colour = createContext('light');
const mounted = vi.fn();
let stored = 'nothing stored';
const subscribeToStore = (): (() => void) => () => {};

/** A day's content: reads a context of the page, `useIsBrowser`'s context and a store the server cannot read. */
function Day(): ReactNode {
  const colour = useContext(Colour);
  const isBrowser = useContext(BrowserContext);
  const note = useSyncExternalStore(
    subscribeToStore,
    () => stored,
    () => 'nothing stored',
  );
  const [presses, setPresses] = useState(0);
  useEffect(() => mounted(), []);
  return (
    <>
      <p data-testid="state">{`${colour}, ${isBrowser ? 'browser' : 'server'}, ${note}`}</p>
      <button type="button" onClick={() => setPresses((count) => count + 1)}>
        {`Pressed ${presses}`}
      </button>
    </>
  );
}

/**
 * The page as the browser hydrates it: a day deferred inside a context of the page, while Docusaurus's browser context
 * still says the page is hydrating (as its provider does until its first effect).
 */
function Page({colour}: {colour: string}): ReactNode {
  return (
    <FiberProvider>
      <BrowserContext.Provider value={false}>
        <Colour.Provider value={colour}>
          <p>Above the day</p>
          <HydrateWhenNear data-plan-day="3" aria-label="Day 3">
            <Day />
          </HydrateWhenNear>
        </Colour.Provider>
      </BrowserContext.Provider>
    </FiberProvider>
  );
}

/** The server's HTML of the page: the section holds its content (as HydrateWhenNear renders it without a DOM). */
const serverHtml = renderAsServer(
  <Colour.Provider value="dark">
    <p>Above the day</p>
    <section data-plan-day="3" aria-label="Day 3">
      <Day />
    </section>
  </Colour.Provider>,
);

let container: HTMLElement;
let root: Root | null;
let errors: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', NearViewport);
  NearViewport.watching = [];
  mounted.mockClear();
  vi.mocked(useContextBridge).mockClear();
  stored = 'a stored note';
  container = document.createElement('div');
  container.innerHTML = serverHtml;
  document.body.append(container);
  root = null;
  errors = vi.spyOn(console, 'error');
});

afterEach(() => {
  act(() => root?.unmount());
  container.remove();
  vi.unstubAllGlobals();
  errors.mockRestore();
});

async function hydratePage(): Promise<void> {
  await act(async () => {
    root = hydrateRoot(container, <Page colour="dark" />);
  });
}

const state = (): string => container.querySelector('[data-testid="state"]')!.textContent!;
const button = (): HTMLButtonElement => container.querySelector('button')!;

test('the page hydrates without the section: its server HTML stays, and none of its components runs', async () => {
  const serverButton = button();
  await hydratePage();
  expect(mounted).not.toHaveBeenCalled();
  expect(state()).toBe('dark, server, nothing stored');
  expect(button()).toBe(serverButton);
  expect(container.querySelector('section')!.getAttribute('aria-label')).toBe('Day 3');
  expect(NearViewport.watching).toHaveLength(1);
});

test('hydrating the page commits once: the waiting section asks for no render of the page after it', async () => {
  // A second commit right after hydration is a render of the page's tree that React runs synchronously, in one long
  // task, while a phone is still busy loading; the section has nothing to render again until the reader comes near.
  const commits: string[] = [];
  await act(async () => {
    root = hydrateRoot(
      container,
      <Profiler id="page" onRender={(_id, phase) => commits.push(phase)}>
        <Page colour="dark" />
      </Profiler>,
    );
  });
  expect(commits).toEqual(['mount']);
  expect(state()).toBe('dark, server, nothing stored');
});

test('near the viewport, the section hydrates in place with the page’s contexts, then shows what is stored', async () => {
  const serverButton = button();
  await hydratePage();
  await act(async () => NearViewport.watching[0]!.comeNear());
  expect(mounted).toHaveBeenCalledTimes(1);
  // Hydrated, not rendered anew: the server's elements are the ones React now drives.
  expect(button()).toBe(serverButton);
  expect(state()).toBe('dark, browser, a stored note');
  await act(async () => button().click());
  expect(button().textContent).toBe('Pressed 1');
  // No hydration mismatch: `useIsBrowser` was false while the section hydrated, as on the server.
  expect(errors).not.toHaveBeenCalled();
});

test('a day hydrating after the page renders what it stores once: nothing that matches the server renders again', async () => {
  // Every tick box, note and bar of a day reads the store: rendering them all again as the day finishes hydrating
  // would be a synchronous task per day while the reader scrolls.
  const renders = vi.fn();
  function TickCount(): ReactNode {
    const ticked = useStoredState((stored) => Object.keys(stored.progress).length);
    renders();
    return <output>{`${ticked} ticked`}</output>;
  }
  const page = (hydrated: boolean, deferred: boolean): ReactNode => (
    <BrowserContext.Provider value={hydrated}>
      {/* The page's own progress, outside the days, as a plan page's overview has. */}
      <TickCount />
      {deferred ? (
        <HydrateWhenNear data-plan-day="1">
          <TickCount />
        </HydrateWhenNear>
      ) : (
        <section data-plan-day="1">
          <TickCount />
        </section>
      )}
    </BrowserContext.Provider>
  );
  container.innerHTML = renderToString(page(false, false));
  await act(async () => {
    root = hydrateRoot(container, <FiberProvider>{page(false, true)}</FiberProvider>);
  });
  await act(async () => root!.render(<FiberProvider>{page(true, true)}</FiberProvider>));
  renders.mockClear();
  await act(async () => NearViewport.watching[0]!.comeNear());
  expect(container.querySelector('section output')!.textContent).toBe('0 ticked');
  expect(renders).toHaveBeenCalledTimes(1);
  expect(errors).not.toHaveBeenCalled();
});

/**
 * Runs as the browser does, outside act: React flushes a press's update in a microtask, and the page is printed after
 * the `beforeprint` listeners and the microtasks they queued. No macrotask runs meanwhile, so neither does React's
 * scheduler: only what happens at once counts.
 */
async function asTheBrowserDoes(action: () => void): Promise<void> {
  const flag = globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean};
  const before = flag.IS_REACT_ACT_ENVIRONMENT;
  flag.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    action();
    for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
  } finally {
    flag.IS_REACT_ACT_ENVIRONMENT = before;
  }
}

test('a press on the section before it nears the viewport hydrates it at once and reaches its button', async () => {
  await hydratePage();
  await asTheBrowserDoes(() => {
    button().dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));
    button().click();
  });
  expect(button().textContent).toBe('Pressed 1');
  expect(errors).not.toHaveBeenCalled();
});

test('a click while the section hydrates in slices makes it hydrate at once, and reaches its button', async () => {
  await hydratePage();
  await asTheBrowserDoes(() => {
    NearViewport.watching[0]!.comeNear();
    // React has not hydrated it yet: hydrating in a transition, it starts in a later task.
    expect(mounted).not.toHaveBeenCalled();
    button().click();
    // Handled as it happened: a checkbox's state, say, changes with the click, not later.
    expect(mounted).toHaveBeenCalledTimes(1);
  });
  expect(button().textContent).toBe('Pressed 1');
  expect(errors).not.toHaveBeenCalled();
});

test('before printing, the section hydrates at once, so the printed page shows what is stored', async () => {
  await hydratePage();
  await asTheBrowserDoes(() => window.dispatchEvent(new Event('beforeprint')));
  expect(state()).toBe('dark, browser, a stored note');
});

test('a change of the page’s contexts reaches the section once it has hydrated', async () => {
  await hydratePage();
  await act(async () => NearViewport.watching[0]!.comeNear());
  await act(async () => root!.render(<Page colour="sepia" />));
  expect(state()).toBe('sepia, browser, a stored note');
});

test('until it nears the viewport, the section asks nothing of the page’s contexts', async () => {
  // Bridging a day's root into the page's contexts walks the page's tree up to its root: fourteen days far from the
  // reader paid that while the page hydrated. Now only a section that starts hydrating does.
  await hydratePage();
  expect(useContextBridge).not.toHaveBeenCalled();
  await act(async () => NearViewport.watching[0]!.comeNear());
  expect(useContextBridge).toHaveBeenCalled();
  expect(state()).toBe('dark, browser, a stored note');
});

test('search marks in the server HTML are taken out before it hydrates, and the highlight is told to mark again', async () => {
  const text = container.querySelector('[data-testid="state"]')!;
  text.innerHTML = 'dark, <mark data-markjs="true">server</mark>, nothing stored';
  const hydrated = vi.fn();
  document.addEventListener(SECTION_HYDRATED_EVENT, hydrated);
  await hydratePage();
  await act(async () => NearViewport.watching[0]!.comeNear());
  document.removeEventListener(SECTION_HYDRATED_EVENT, hydrated);
  expect(state()).toBe('dark, browser, a stored note');
  expect(hydrated).toHaveBeenCalledTimes(1);
  expect(errors).not.toHaveBeenCalled();
});

test('rendered by the browser (a page reached by a link inside the site), the section shows its content at once', async () => {
  const fresh = document.createElement('div');
  document.body.append(fresh);
  const own = createRoot(fresh);
  // As Docusaurus renders such a page: its browser context says the page has hydrated.
  await act(async () =>
    own.render(
      <BrowserContext.Provider value>
        <HydrateWhenNear data-plan-day="3">
          <Day />
        </HydrateWhenNear>
      </BrowserContext.Provider>,
    ),
  );
  expect(fresh.querySelector('[data-testid="state"]')!.textContent).toBe('light, browser, a stored note');
  expect(mounted).toHaveBeenCalledTimes(1);
  expect(NearViewport.watching).toHaveLength(0);
  act(() => own.unmount());
  fresh.remove();
});

test('two sections hydrated on their own keep their ids apart (a radio group per section, not one across them)', async () => {
  function Choice(): ReactNode {
    const name = useId();
    return (
      <>
        <input type="radio" name={name} aria-label="4-hour plan" defaultChecked />
        <input type="radio" name={name} aria-label="6-hour plan" />
      </>
    );
  }
  const twoDays = (deferred: boolean): ReactNode =>
    [1, 2].map((number) =>
      deferred ? (
        <HydrateWhenNear key={number} data-plan-day={number}>
          <Choice />
        </HydrateWhenNear>
      ) : (
        <section key={number} data-plan-day={number}>
          <Choice />
        </section>
      ),
    );
  container.innerHTML = renderToString(<>{twoDays(false)}</>);
  await act(async () => {
    root = hydrateRoot(
      container,
      <FiberProvider>
        <BrowserContext.Provider value={false}>{twoDays(true)}</BrowserContext.Provider>
      </FiberProvider>,
    );
  });
  expect(NearViewport.watching).toHaveLength(2);
  await act(async () => NearViewport.watching.slice().forEach((observer) => observer.comeNear()));
  const fourHour = Array.from(container.querySelectorAll<HTMLInputElement>('input[aria-label="4-hour plan"]'));
  expect(fourHour.map((input) => input.checked)).toEqual([true, true]);
  expect(new Set(fourHour.map((input) => input.name)).size).toBe(2);
});
