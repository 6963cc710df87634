import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parsePlan} from '../plan-model/parse';
import {FactsCache} from '../plan-validator/cache';
import {checkContent, type DocFile} from './contentCheck';

const root = path.resolve(__dirname, '../..');
const file = (docPath: string): DocFile => ({
  docPath,
  displayPath: `docs/${docPath}`,
  bytes: readFileSync(path.join(root, 'docs', docPath)),
});

describe('checkContent', () => {
  const files = [file('weeks/week-10/go.md'), file('intensive/senior-go-14-days.md'), file('roadmap/roadmap-16-weeks.md')];

  it('hands back the plan model of every file it parsed, as the shared parser reads it, so the plan data need not parse again', () => {
    const check = checkContent(files, new FactsCache(null));
    expect([...check.plans.keys()]).toEqual(files.map((doc) => doc.docPath));
    expect(check.plans.get('weeks/week-10/go.md')).toEqual(parsePlan(check.sources.get('weeks/week-10/go.md')!, {kind: 'weekly'}).plan);
    expect(check.plans.get('intensive/senior-go-14-days.md')).toEqual(
      parsePlan(check.sources.get('intensive/senior-go-14-days.md')!, {kind: 'intensive'}).plan,
    );
    expect(check.plans.get('roadmap/roadmap-16-weeks.md')).toBeNull();
  });

  it('hands back no model for a file whose facts came from the cache', () => {
    const cache = new FactsCache(null);
    checkContent(files, cache);
    const again = checkContent(files, cache);
    expect(again.plans.size).toBe(0);
    expect(again.sources.size).toBe(files.length);
  });
});
