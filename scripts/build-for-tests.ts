/**
 * `npm run build:test`: the production build the e2e suite runs against, with its API address pointed at the fake
 * Gist API on loopback (tests/support/gistApiPort.ts), so no test reaches GitHub. `npm run build` is the deployed
 * build and talks to https://api.github.com.
 */
import {spawnSync} from 'node:child_process';
import {gistApiUrl} from '../tests/support/gistApiPort';

const result = spawnSync('npx', ['docusaurus', 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {...process.env, GIST_API_URL: gistApiUrl()},
});
process.exit(result.status ?? 1);
