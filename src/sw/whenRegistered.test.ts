// @vitest-environment jsdom
import {afterLoadWhenIdle} from './register';

describe('when the worker registers', () => {
  let idleTasks: (() => void)[];
  beforeEach(() => {
    idleTasks = [];
    vi.stubGlobal('requestIdleCallback', (task: () => void) => idleTasks.push(task));
    vi.stubGlobal('cancelIdleCallback', () => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(document, 'readyState');
    vi.useRealTimers();
  });

  it('waits for the page to load and then for the browser to be idle: hydration, which follows the load, comes first', () => {
    Object.defineProperty(document, 'readyState', {configurable: true, value: 'interactive'});
    const register = vi.fn();
    afterLoadWhenIdle(register);
    expect(idleTasks).toHaveLength(0);
    window.dispatchEvent(new Event('load'));
    expect(register).not.toHaveBeenCalled();
    idleTasks.forEach((task) => task());
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('registers at the first idle moment on a page that has already loaded', () => {
    const register = vi.fn();
    afterLoadWhenIdle(register);
    expect(register).not.toHaveBeenCalled();
    idleTasks.forEach((task) => task());
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('registers within five seconds where the browser has no idle callbacks (Safari)', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    const register = vi.fn();
    afterLoadWhenIdle(register);
    vi.advanceTimersByTime(4999);
    expect(register).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(register).toHaveBeenCalledTimes(1);
  });
});
