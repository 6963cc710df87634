/**
 * `npm run checks`: the static checks of `npm test` (type check, lint, format check, plan validation), two at a
 * time. Each is a single-threaded Node process, so one after another they leave one of a two-core machine's cores
 * idle for most of a minute. Each check's output is printed whole when it ends, so two never interleave; the exit
 * code is 1 when any check failed, after all of them have run.
 */
import {spawn} from 'node:child_process';

/** npm scripts, longest first so the two slots finish close together. */
const CHECKS = ['lint', 'typecheck', 'format:check', 'validate'];
const AT_ONCE = 2;

interface Outcome {
  name: string;
  code: number;
  output: string;
  seconds: number;
}

function run(name: string): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', name], {env: {...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1'}});
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const finish = (code: number) => resolve({name, code, output, seconds: (Date.now() - started) / 1000});
    child.on('error', (error) => {
      output += `${error.message}\n`;
      finish(1);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

async function main(): Promise<void> {
  const queue = [...CHECKS];
  const outcomes: Outcome[] = [];
  const slot = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const outcome = await run(name);
      outcomes.push(outcome);
      const mark = outcome.code === 0 ? '✔' : '✖';
      process.stdout.write(`\n> npm run ${name}\n${outcome.output}${outcome.output.endsWith('\n') || !outcome.output ? '' : '\n'}`);
      process.stdout.write(`${mark} ${name} ${outcome.code === 0 ? 'passed' : `failed (exit code ${outcome.code})`} in ${outcome.seconds.toFixed(1)} s\n`);
    }
  };
  await Promise.all(Array.from({length: AT_ONCE}, slot));
  const failed = outcomes.filter((outcome) => outcome.code !== 0).map((outcome) => outcome.name);
  if (failed.length > 0) {
    process.stdout.write(`\nFailed: ${failed.map((name) => `npm run ${name}`).join(', ')}\n`);
    process.exitCode = 1;
  }
}

void main();
