import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parsePlan} from '../plan-model/parse';
import {FactsCache} from './cache';
import {analyseFileAndPlan} from './index';

const root = path.resolve(__dirname, '../..');
const week10 = readFileSync(path.join(root, 'docs/weeks/week-10/go.md'), 'utf8');

describe('the facts cache', () => {
  it('answers a file parsed ahead with its facts and plan model, without parsing it again', () => {
    const cache = new FactsCache(null);
    cache.prime('weeks/week-10/go.md', week10);
    expect(cache.misses).toBe(1);
    const answer = cache.analysed('weeks/week-10/go.md', week10);
    expect(answer).toEqual(analyseFileAndPlan({path: 'weeks/week-10/go.md', source: week10}));
    expect(answer.plan).toEqual(parsePlan(week10, {kind: 'weekly'}).plan);
    // Neither a second parse nor a hit: the answer was the one parsed ahead.
    expect([cache.misses, cache.hits]).toEqual([1, 0]);
    // Asked again, it is an ordinary hit: facts only.
    expect(cache.analysed('weeks/week-10/go.md', week10)).toEqual({facts: answer.facts});
  });

  it('parses a file again when its text changed after it was parsed ahead', () => {
    const cache = new FactsCache(null);
    cache.prime('weeks/week-10/go.md', week10);
    const edited = week10.replace('### Day 1', '### Day 1 edited');
    const answer = cache.analysed('weeks/week-10/go.md', edited);
    expect(cache.misses).toBe(2);
    expect(answer.plan).toEqual(parsePlan(edited, {kind: 'weekly'}).plan);
  });

  it('keeps what was parsed ahead and used, and writes it for the next run', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'facts-cache-'));
    try {
      const file = path.join(dir, 'facts.json');
      const cache = new FactsCache(file);
      cache.prime('weeks/week-10/go.md', week10);
      cache.analysed('weeks/week-10/go.md', week10);
      cache.save();
      const next = new FactsCache(file);
      expect(next.analysed('weeks/week-10/go.md', week10)).toEqual({facts: analyseFileAndPlan({path: 'weeks/week-10/go.md', source: week10}).facts});
      expect(next.hits).toBe(1);
      // A build primes a file whose facts are cached too: the summaries need its plan model, which the cache lacks.
      const build = new FactsCache(file);
      build.prime('weeks/week-10/go.md', week10);
      expect(build.analysed('weeks/week-10/go.md', week10).plan).toEqual(parsePlan(week10, {kind: 'weekly'}).plan);
      expect(build.misses).toBe(0);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
