// mark.js ships no types; the stand-in only needs its constructor.
declare module 'mark.js/dist/mark.es6.js' {
  const Mark: new (context: Element) => {
    mark(keywords: string | string[], options?: Record<string, unknown>): void;
    unmark(options?: Record<string, unknown>): void;
  };
  export default Mark;
}
