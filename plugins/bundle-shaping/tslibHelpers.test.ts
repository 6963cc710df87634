import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {helpersUsedBy} from './tslibHelpers';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tslib-helpers-'));
});

afterEach(() => {
  rmSync(dir, {recursive: true, force: true});
});

it('finds every tslib helper the compiled modules call, each once, and nothing else', () => {
  writeFileSync(
    path.join(dir, 'index.js'),
    'const tslib_1 = require("tslib");\nexports.a = tslib_1.__importDefault(require("./a")).default;\nexports.b = tslib_1.__importDefault(require("./b"));\n',
  );
  writeFileSync(path.join(dir, 'other.js'), 'const tslib_2 = require("tslib");\nfunction f() { return tslib_2.__awaiter(this, void 0, void 0, g); }\n');
  // Type declarations and source maps mention helpers without calling them.
  writeFileSync(path.join(dir, 'index.d.ts'), 'tslib_1.__extends');
  writeFileSync(path.join(dir, 'index.js.map'), '{"mappings":"tslib_1.__rest"}');
  expect(helpersUsedBy(dir)).toEqual(['__awaiter', '__importDefault']);
});

it('finds none in modules compiled without tslib', () => {
  writeFileSync(path.join(dir, 'index.js'), 'export const blogPostContainerID = "__blog-post-container";\n');
  expect(helpersUsedBy(dir)).toEqual([]);
});
