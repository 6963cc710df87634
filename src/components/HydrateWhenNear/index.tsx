import {startTransition, useContext, useEffect, useId, useRef, useState, type ComponentProps, type ReactNode, type RefObject} from 'react';
import {flushSync} from 'react-dom';
import {hydrateRoot, type Root} from 'react-dom/client';
import {useContextBridge} from 'its-fine';
import useIsomorphicLayoutEffect from '@docusaurus/useIsomorphicLayoutEffect';
// The context behind `useIsBrowser`: a part hydrated later must see `false` while it hydrates, as the server did.
import {Context as BrowserContext} from '@docusaurus/core/lib/client/browserContext';
import {SECTION_HYDRATED_EVENT} from '@site/src/lib/search/marks';

/** How far outside the viewport a part starts hydrating: a screen's height above and below, so it is ready when seen. */
const NEAR_VIEWPORT = '100% 0px';

/** What a deferred part renders in the page's own tree: nothing React manages, so the server's HTML stays as it is. */
const SERVER_HTML_KEPT = {__html: ''};

type SectionProps = Omit<ComponentProps<'section'>, 'ref' | 'dangerouslySetInnerHTML'>;

/**
 * A section of a long page that hydrates when it nears the viewport, rather than with the page. Until then the
 * reader sees (and finds, prints, links to) the server's HTML, which React leaves alone; the section's components run
 * nowhere, so a phone spends nothing on the days it has not scrolled to. It hydrates as its own React root, inside
 * every context of the page (`useContextBridge`), when it comes within a screen of the viewport, when something in it
 * is pressed or focused before that (the press or key then reaches it), or before printing.
 *
 * Why a root of its own rather than a Suspense boundary: a dehydrated boundary keeps its HTML only while no context
 * above it changes, and Docusaurus changes one on every page right after hydration (`useIsBrowser`), so every
 * boundary would render from scratch. Nothing outside this section's root reaches into it.
 *
 * A page reached by a link inside the site has no server HTML to keep: the section renders at once, as any other.
 */
export default function HydrateWhenNear({children, ...attributes}: SectionProps): ReactNode {
  // Docusaurus's `useIsBrowser`: false on the server and while the browser hydrates the page's server HTML, true once the
  // page has hydrated (so in a page reached by a link inside the site). Not `useSyncExternalStore` with a server
  // snapshot of its own: React renders again, synchronously, every component whose snapshot differs once hydrated, and
  // with the page's other first updates that made one long task of the whole page's second render on every load.
  const hydrating = !useContext(BrowserContext);
  // Decided by the first render and kept: once the page's tree has left this section's HTML alone, it must go on doing so.
  const [deferred] = useState(() => hydrating && typeof window !== 'undefined');
  if (deferred) return <DeferredSection {...attributes}>{children}</DeferredSection>;
  return <section {...attributes}>{children}</section>;
}

type Start = 'in slices' | 'at once';

/**
 * The section while its server HTML waits: the page's tree holds an empty section and watches for the reader. Until
 * the section starts hydrating it does not bridge the page's contexts (that is `SectionRoot`'s part): its-fine's bridge
 * walks the page's tree up to its root and redefines properties on every context it meets, on each render, and the
 * fourteen days of a plan far from the reader paid that while the page hydrated.
 */
function DeferredSection({children, ...attributes}: SectionProps): ReactNode {
  // Each section's root names its `useId`s apart: every day's tree has the same shape, so without a prefix of its own
  // each day's 4h/6h radios would share one name, one group across the page.
  const idPrefix = useId();
  const section = useRef<HTMLElement>(null);
  const [start, setStart] = useState<Start | null>(null);

  useEffect(() => {
    const element = section.current;
    if (!element) return undefined;
    let started = false;
    const begin = (at: Start): void => {
      if (started) return;
      started = true;
      stopWatching();
      // The section's root exists when this returns (`SectionRoot` creates it as it mounts), so that a press from now
      // on finds it: pressed, focused or printed before it came near, hydrated too, before the event's next step (the
      // click, the key, the print dialog's snapshot) needs it.
      flushSync(() => setStart(at));
    };
    const hydrateNear = (entries: IntersectionObserverEntry[]): void => {
      if (entries.some((entry) => entry.isIntersecting)) begin('in slices');
    };
    const hydrateAtOnce = (): void => begin('at once');
    const observer = new IntersectionObserver(hydrateNear, {rootMargin: NEAR_VIEWPORT});
    const firstUse = ['pointerdown', 'focusin'] as const;
    function stopWatching(): void {
      observer.disconnect();
      for (const type of firstUse) element!.removeEventListener(type, hydrateAtOnce, true);
      window.removeEventListener('beforeprint', hydrateAtOnce);
    }
    observer.observe(element);
    for (const type of firstUse) element.addEventListener(type, hydrateAtOnce, true);
    window.addEventListener('beforeprint', hydrateAtOnce);
    return stopWatching;
  }, []);

  return (
    <>
      <section ref={section} {...attributes} dangerouslySetInnerHTML={SERVER_HTML_KEPT} suppressHydrationWarning />
      {start && (
        <SectionRoot section={section} start={start} idPrefix={idPrefix}>
          {children}
        </SectionRoot>
      )}
    </>
  );
}

/**
 * The section's own root, from the moment it starts hydrating. Renders nothing in the page's tree; from where it sits
 * (beside the section, under the same providers) it bridges every context of the page into the root.
 */
function SectionRoot({
  section,
  start,
  idPrefix,
  children,
}: {
  section: RefObject<HTMLElement | null>;
  start: Start;
  idPrefix: string;
  children: ReactNode;
}): ReactNode {
  const Bridge = useContextBridge();
  const root = useRef<{root: Root; hydrated: boolean} | null>(null);
  const latest = useRef<ReactNode>(null);
  // Once hydrated, the root takes the newest values of the page's contexts (they may have changed while it hydrated).
  // Cheap: the children are the same elements, so only what reads a changed context renders again.
  const onHydrated = (): void => {
    if (!root.current) return;
    root.current.hydrated = true;
    root.current.root.render(latest.current);
    section.current?.dispatchEvent(new CustomEvent(SECTION_HYDRATED_EVENT, {bubbles: true}));
  };
  const content = (
    // The bridge is one component for the section's life (its-fine memoises it), not a new one each render.
    // eslint-disable-next-line react-hooks/static-components
    <Bridge>
      <HydratingAsServer onHydrated={onHydrated}>{children}</HydratingAsServer>
    </Bridge>
  );

  // A change above (a context the section reads) reaches its root once that has hydrated; an update before would make
  // React give up hydrating it and render it from scratch. In the same commit, so "Print this day" (which renders the
  // day's print header synchronously) finds it rendered.
  useIsomorphicLayoutEffect(() => {
    latest.current = content;
    if (root.current?.hydrated) root.current.root.render(content);
  });

  useIsomorphicLayoutEffect(() => {
    const element = section.current;
    if (!element) return undefined;
    unmarkSearchTerms(element);
    const hydrate = (): void => {
      releasePageClaim(element);
      root.current = {root: hydrateRoot(element, latest.current, {identifierPrefix: idPrefix}), hydrated: false};
    };
    // At once: created in this commit, whose updates React flushes before it returns (a layout effect's are sync).
    // Near the viewport: in a transition, as Docusaurus hydrates the page, so React works in slices and yields to the
    // reader between them (one long task per day would block a phone while it scrolls). A press meanwhile makes React
    // finish it at once and hands it the press, as it does for the page.
    if (start === 'at once') hydrate();
    else startTransition(hydrate);
    return () => {
      const owned = root.current;
      root.current = null;
      // Not while the page's own tree is committing (React refuses to unmount a root then); the section is gone anyway.
      if (owned) queueMicrotask(() => owned.root.unmount());
    };
    // Once: a section's root is created once, however it started.
  }, []);

  return null;
}

/**
 * Drops the page's root's claim on the section it rendered (React's fiber, kept on the element), so that React's
 * events find the section's own root there. A press inside a root still hydrating makes React hydrate it at once and
 * then hand it the press; but the page's root sees every press first, and while it finds its own fiber on the section
 * it looks no further, cannot hydrate the root it does not own, and stops the event. The page's root needs nothing
 * of that claim: it renders nothing inside the section and has no handler on it (React finds the section's
 * ancestors through their own fibers).
 */
function releasePageClaim(element: HTMLElement): void {
  const claims = element as unknown as Record<string, unknown>;
  for (const key of Object.keys(claims)) if (key.startsWith('__reactFiber$')) delete claims[key];
}

/**
 * Takes the search highlight's marks (mark.js, `?highlight=`) out of a section about to hydrate: React expects the
 * server's text there, and would otherwise render the section anew. The highlight marks it again once hydrated.
 */
function unmarkSearchTerms(element: HTMLElement): void {
  const marks = element.querySelectorAll('mark[data-markjs]');
  if (marks.length === 0) return;
  for (const mark of Array.from(marks)) mark.replaceWith(...Array.from(mark.childNodes));
  element.normalize();
}

/** Renders as the server did while hydrating (`useIsBrowser` false), then says it has hydrated. */
function HydratingAsServer({children, onHydrated}: {children: ReactNode; onHydrated: () => void}): ReactNode {
  const [isBrowser, setIsBrowser] = useState(false);
  useIsomorphicLayoutEffect(() => {
    setIsBrowser(true);
    onHydrated();
    // Once: the root hydrates once.
  }, []);
  return <BrowserContext.Provider value={isBrowser}>{children}</BrowserContext.Provider>;
}
