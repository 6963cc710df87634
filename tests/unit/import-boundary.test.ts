import path from 'node:path';
import {ESLint} from 'eslint';

const repoRoot = path.resolve(__dirname, '../..');
const eslint = new ESLint({cwd: repoRoot});

/** Lints `code` as if it were the file at `file` (repository-relative); returns the rule ids reported. */
async function ruleIdsFor(file: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, {filePath: path.join(repoRoot, file)});
  return result!.messages.map((message) => message.ruleId);
}

describe('the build/browser boundary is enforced by the lint', {timeout: 60_000}, () => {
  it('fails build-time code that imports browser code', async () => {
    expect(
      await ruleIdsFor('plugins/plan-data/example.ts', "import {STORAGE_KEY} from '../../src/store/schema';\nexport const key = STORAGE_KEY;\n"),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIdsFor('scripts/example.ts', "import {getState} from '@site/src/store';\nexport const state = getState;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
  });

  it('fails browser code that imports the parser, and allows types and the isomorphic modules', async () => {
    expect(
      await ruleIdsFor('src/components/Example/index.ts', "import {parsePlan} from '@site/plugins/plan-model/parse';\nexport const parse = parsePlan;\n"),
    ).toContain('@typescript-eslint/no-restricted-imports');
    const allowed = [
      "import type {PlanModel} from '@site/plugins/plan-model/types';",
      "import {dayAnchor} from '@site/plugins/plan-model/ids';",
      "import {formatRange} from '@site/plugins/plan-model/duration';",
      "import {matchRecords} from '@site/plugins/plan-model/identity';",
      'export type Model = PlanModel;',
      'export const both = [dayAnchor, formatRange, matchRecords];',
    ].join('\n');
    expect(await ruleIdsFor('src/components/Example/index.ts', `${allowed}\n`)).not.toContain('@typescript-eslint/no-restricted-imports');
  });
});

describe('the store has one public entry', {timeout: 60_000}, () => {
  it('fails a component or hook that imports any module behind it, and allows the public entry', async () => {
    expect(
      await ruleIdsFor('src/components/Example/index.ts', "import {mergeVersioned} from '@site/src/store/merge';\nexport const merge = mergeVersioned;\n"),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIdsFor('src/hooks/useExample.ts', "import {NO_SYNC} from '../store/versions';\nexport const none = NO_SYNC;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    // Not only the record model: the tick, note and timer modules are behind the entry too.
    expect(await ruleIdsFor('src/components/Example/index.tsx', "import {noteOf} from '@site/src/store/notes';\nexport const note = noteOf;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await ruleIdsFor('src/sync/example.ts', "import {timerKey} from '../store/timers';\nexport const key = timerKey;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(
      await ruleIdsFor('src/components/Example/index.ts', "import {travellingDocument} from '@site/src/store';\nexport const document = travellingDocument;\n"),
    ).not.toContain('@typescript-eslint/no-restricted-imports');
    // Inside the store, its modules import each other.
    expect(await ruleIdsFor('src/store/example.ts', "import {NO_SYNC} from './versions';\nexport const none = NO_SYNC;\n")).not.toContain(
      '@typescript-eslint/no-restricted-imports',
    );
  });
});
