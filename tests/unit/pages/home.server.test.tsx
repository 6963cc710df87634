// @vitest-environment node
import {renderToString} from 'react-dom/server';
import Home from '@site/src/pages/index';

// The home page lists the plans from the plan-data plugin's global data.

/** Text without tags, so assertions read like what a reader sees. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('home page, server render (no window)', () => {
  it('runs in an environment without a DOM', () => {
    expect(typeof window).toBe('undefined');
  });

  it('renders the home page’s plan list and Start button from the plan data, before any script runs', () => {
    const visible = text(renderToString(<Home />));
    expect(visible).toContain('Start with Week 09');
    for (const week of ['09', '10', '11', '13']) expect(visible).toContain(`Week ${week} · Go`);
    expect(visible).toContain('Intensive 14-Day Senior Golang Engineer Study Plan');
  });
});
