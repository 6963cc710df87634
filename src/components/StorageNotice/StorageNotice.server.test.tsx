// @vitest-environment node
import {renderToString} from 'react-dom/server';
import StorageNotice from '.';

describe('server render (no window)', () => {
  it('runs in an environment without a DOM', () => {
    expect(typeof window).toBe('undefined');
  });

  it('renders the notice as an empty live region: what it reports is only known in the browser', () => {
    expect(renderToString(<StorageNotice />)).toMatch(/^<div[^>]*role="status"[^>]*><\/div>$/);
  });
});
