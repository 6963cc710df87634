import {spawn} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

/** Wall-clock time, CPU time and peak resident memory (whole process tree) of one command. */
export interface Measured {
  seconds: number;
  /**
   * User and system CPU seconds of the command and every process it waited for; null where /proc is unavailable. Read
   * from what this process's ended children used, so it is the command's only while the bench runs nothing else (the
   * build-cost bench runs one command at a time).
   */
  cpuSeconds: number | null;
  /** Null where /proc is unavailable (not Linux). */
  peakRssMiB: number | null;
}

/** Linux's clock ticks per second for the times in /proc (USER_HZ), 100 on every architecture Node supports. */
const USER_HZ = 100;

/**
 * CPU seconds of this process's children that have ended and been waited for (and of the processes they waited for),
 * from /proc/self/stat; null where it cannot be read. Read before and after a command, the difference is the command's.
 */
function endedChildrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // After the command name: field 3 (state) first, so cutime and cstime (fields 16 and 17) are at 13 and 14.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / USER_HZ;
  } catch {
    return null;
  }
}

/** Resident set size in KiB of `root` and all its descendants, read from /proc. */
function treeRssKiB(root: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields resume after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop()!;
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += match ? Number(match[1]) : 0;
    } catch {
      // Gone already.
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command to completion, sampling its memory; rejects with its output tail when it fails. */
export function measure(command: string, args: string[], cwd: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const cpuBefore = endedChildrenCpuSeconds();
    const child = spawn(command, args, {cwd, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NODE_OPTIONS: ''}});
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peak: number | null = null;
    const sample = () => {
      if (child.pid === undefined) return;
      const rss = treeRssKiB(child.pid);
      if (rss !== null) peak = Math.max(peak ?? 0, rss);
    };
    const timer = setInterval(sample, 200);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) {
        reject(new Error(`\`${path.basename(command)} ${args.join(' ')}\` failed (exit ${code}) in ${cwd}:\n${output}`));
        return;
      }
      const cpuAfter = endedChildrenCpuSeconds();
      const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      resolve({seconds, cpuSeconds, peakRssMiB: peak === null ? null : Math.round(peak / 1024)});
    });
  });
}

function docusaurusBin(siteDir: string): string {
  return createRequire(path.join(siteDir, 'package.json')).resolve('@docusaurus/core/bin/docusaurus.mjs');
}

/**
 * A cold production build: `docusaurus clear` (generated files, output and bundler cache) then
 * `docusaurus build`. Only the build itself is timed.
 */
export async function coldBuild(siteDir: string, outDir?: string, configFile?: string): Promise<Measured> {
  const bin = docusaurusBin(siteDir);
  await measure(process.execPath, [bin, 'clear'], siteDir);
  return measure(process.execPath, [bin, 'build', ...(outDir ? ['--out-dir', outDir] : []), ...(configFile ? ['--config', configFile] : [])], siteDir);
}

/**
 * Holds an exclusive `flock` on `file` until the returned release function is called, so builds
 * can take turns with other builds sharing the same machine. Waiting for the lock is not timed.
 */
export function acquireLock(file: string): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const holder = spawn('flock', [file, 'sh', '-c', 'echo locked; exec cat'], {stdio: ['pipe', 'pipe', 'inherit']});
    holder.on('error', (error) => reject(new Error(`Could not run flock for --build-lock: ${error.message}`)));
    holder.stdout.once('data', () => resolve(() => holder.stdin.end()));
    holder.on('close', (code) => reject(new Error(`flock on ${file} ended early (exit ${code}).`)));
  });
}
