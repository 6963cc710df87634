/**
 * Stands in for mark.js in the search bar, which every page loads: the search plugin only marks words on a page
 * opened from a search result (`?_highlight=`), yet imports mark.js (about 6 KB gzip) into the main bundle. This
 * class has the two methods the search bar calls and loads the real library the first time there is something to
 * mark; until then there is nothing to unmark either. Calls run in order, once the library is there.
 */
type MarkOptions = Record<string, unknown>;
interface RealMark {
  mark(keywords: string | string[], options?: MarkOptions): void;
  unmark(options?: MarkOptions): void;
}
type RealMarkClass = new (context: Element) => RealMark;

let library: Promise<RealMarkClass> | null = null;
const loadLibrary = (): Promise<RealMarkClass> => (library ??= import('mark.js/dist/mark.es6.js').then((module: {default: RealMarkClass}) => module.default));

export default class LazyMark {
  private readonly context: Element;

  constructor(context: Element) {
    this.context = context;
  }

  mark(keywords: string | string[], options?: MarkOptions): void {
    if (keywords.length === 0) return;
    void loadLibrary().then((Mark) => new Mark(this.context).mark(keywords, options));
  }

  unmark(options?: MarkOptions): void {
    if (library === null) return;
    void library.then((Mark) => new Mark(this.context).unmark(options));
  }
}
