import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse as parseYaml} from 'yaml';
import {contentLines, linkLine, readSeed, repoRoot, seedPlans, splitFrontMatter} from '../support/seeds';

const weeklyFrontMatter = {id: 'go', title: 'Go Track', sidebar_label: 'Go', sidebar_position: 2};

describe.for(seedPlans)('$doc reproduces seed $prefix', (plan) => {
  const seedLines = contentLines(readSeed(plan));
  const docPath = path.join(repoRoot, plan.doc);
  const doc = readFileSync(docPath, 'utf8');
  const docLines = contentLines(doc);

  it('keeps every seed line, in order', () => {
    // Link lines may point elsewhere (seed paths were written for another folder depth); labels must stay.
    let cursor = 0;
    for (const seedLine of seedLines) {
      const seedLink = linkLine(seedLine);
      const matches = (docLine: string) => {
        if (!seedLink) return docLine === seedLine;
        const docLink = linkLine(docLine);
        return docLink !== null && docLink.label === seedLink.label && docLine.match(/^\s*/)?.[0] === seedLine.match(/^\s*/)?.[0];
      };
      const found = docLines.findIndex((line, index) => index >= cursor && matches(line));
      expect(found, `${plan.doc} is missing (or has out of order) seed line:\n${seedLine}`).toBeGreaterThanOrEqual(0);
      cursor = found + 1;
    }
  });

  it('links only to pages that exist', () => {
    for (const line of docLines) {
      const link = linkLine(line);
      if (!link || /^[a-z]+:/i.test(link.target)) continue;
      const target = path.resolve(path.dirname(docPath), link.target.split('#')[0] ?? '');
      expect(existsSync(target), `${plan.doc}: "${link.label}" points at ${link.target}, which does not exist`).toBe(true);
    }
  });

  if (plan.kind === 'week') {
    it('has the weekly Go Track front matter', () => {
      const {frontMatter} = splitFrontMatter(doc);
      expect(frontMatter, `${plan.doc} has no front matter`).not.toBeNull();
      expect(parseYaml(frontMatter ?? '')).toStrictEqual(weeklyFrontMatter);
    });
  }
});
