/** The bench's command line. */
import {UsageError} from './common';

export interface Options {
  runs: number;
  scale: number | null;
  buildLock: string | null;
  build: boolean;
  /** Lighthouse on every plan page (off with --no-lighthouse: the size report only). */
  lighthouse: boolean;
  /** Generated plans added for the entry bundle's growth, one build each. */
  plans: number[];
  /** Main-thread comparison with stock: elements, Lighthouse TBT and main-thread work, interactions (off with --no-main-thread). */
  mainThread: boolean;
  /** Only the main-thread comparison, on the existing build/ (--main-thread-only). */
  mainThreadOnly: boolean;
  /** Only build time and peak memory beside stock Docusaurus, with the largest --plans count added (--build-cost). */
  buildCost: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]
  --runs <n>          Lighthouse runs per page and form factor; the median is reported (default 3)
  --scale <n>         instead: build with 100, 250 … n synthetic plan pages and report build cost
  --no-build          measure the existing build/ instead of a cold build (build time is not reported)
  --no-lighthouse     only the size report: JavaScript per page beside stock Docusaurus, entry growth, attribution
  --no-main-thread    skip the main-thread comparison with stock (elements, Lighthouse TBT and main-thread work,
                      tap-to-next-paint under 4× CPU throttling)
  --main-thread-only  only that comparison, on the existing build/ (run \`npm run build\` first)
  --build-cost        instead: --runs pairs of cold builds, this site and stock Docusaurus with the largest --plans
                      count of generated plans added, taking turns; median ratios of build time and peak memory
  --plans <n,n,…>     generated plans added for the entry bundle's growth, one build each (default 5,50,200)
  --build-lock <file> take an exclusive flock on <file> around each build (machines shared with other builds)`;

export function parseArgs(argv: string[]): Options {
  const options: Options = {
    runs: 3,
    scale: null,
    buildLock: null,
    build: true,
    lighthouse: true,
    plans: [5, 50, 200],
    mainThread: true,
    mainThreadOnly: false,
    buildCost: false,
  };
  const positive = (flag: string, value: string | undefined): number => {
    const number = Number(value);
    if (!value || !Number.isInteger(number) || number < 1) throw new UsageError(`${flag} needs a whole number of at least 1, got "${value ?? ''}".`);
    return number;
  };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++index];
    if (flag === '--runs') options.runs = positive(flag, value());
    else if (flag === '--scale') options.scale = positive(flag, value());
    else if (flag === '--build-lock') {
      const file = value();
      if (!file) throw new UsageError('--build-lock needs a file path.');
      options.buildLock = file;
    } else if (flag === '--no-build') options.build = false;
    else if (flag === '--no-lighthouse') options.lighthouse = false;
    else if (flag === '--no-main-thread') options.mainThread = false;
    else if (flag === '--main-thread-only') options.mainThreadOnly = true;
    else if (flag === '--build-cost') options.buildCost = true;
    else if (flag === '--plans') {
      const list = value() ?? '';
      options.plans = list.split(',').map((item) => positive(flag, item.trim()));
      options.plans.sort((a, b) => a - b);
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`Unknown option "${arg}".`);
  }
  return options;
}
