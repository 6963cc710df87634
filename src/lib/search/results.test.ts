import {describe, expect, it} from 'vitest';
import {excerptParts, pageHits, queryTerms, withHighlight} from './results';

describe('where a search result lands', () => {
  it('puts the searched words between the clean path and the heading anchor', () => {
    expect(withHighlight('/weeks/week-11/go#day-3-4h', ['presigned'])).toBe('/weeks/week-11/go?highlight=presigned#day-3-4h');
    expect(withHighlight('/weeks/week-11/go.html#day-3', ['presigned', 'url'])).toBe('/weeks/week-11/go?highlight=presigned+url#day-3');
    expect(withHighlight('/roadmap/roadmap-16-weeks', [])).toBe('/roadmap/roadmap-16-weeks');
  });

  it('keeps one-letter noise out of the words to mark', () => {
    expect(queryTerms('  a presigned   URL ')).toEqual(['presigned', 'URL']);
  });

  it('makes one hit per heading the words are under, in page order and no more than asked', () => {
    const hits = pageHits(
      {
        url: '/weeks/week-11/go',
        meta: {title: '16-Week Guide › Week 11 › Go Track'},
        excerpt: 'page',
        sub_results: [
          {title: 'Go Track', url: '/weeks/week-11/go', excerpt: 'top'},
          {title: 'Day 3 — File storage', url: '/weeks/week-11/go#day-3', excerpt: 'a <mark>presigned</mark> URL'},
          {title: '4h plan', url: '/weeks/week-11/go#day-3-4h', excerpt: 'x'},
          {title: '6h plan', url: '/weeks/week-11/go#day-3-6h', excerpt: 'y'},
        ],
      },
      ['presigned'],
      2,
    );
    expect(hits.map((hit) => [hit.page, hit.heading, hit.href])).toEqual([
      ['16-Week Guide › Week 11 › Go Track', 'Day 3 — File storage', '/weeks/week-11/go?highlight=presigned#day-3'],
      ['16-Week Guide › Week 11 › Go Track', '4h plan', '/weeks/week-11/go?highlight=presigned#day-3-4h'],
    ]);
  });

  it('lands at the top of a page whose words are above its first heading', () => {
    const [hit, ...rest] = pageHits({url: '/interview/playbook', meta: {}, excerpt: '<mark>goroutine</mark> basics'}, ['goroutine'], 3);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({page: '/interview/playbook', heading: null, href: '/interview/playbook?highlight=goroutine'});
  });
});

describe('excerpts', () => {
  it('are text runs with the matches marked, never markup to inject', () => {
    expect(excerptParts('use <mark>sync.Pool</mark> &amp; avoid &lt;script&gt;')).toEqual([
      {text: 'use ', marked: false},
      {text: 'sync.Pool', marked: true},
      {text: ' & avoid <script>', marked: false},
    ]);
  });
});
