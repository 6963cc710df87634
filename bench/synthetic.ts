/**
 * Synthetic plan documents in the seed format, for load tests of the validator and the build.
 * Deterministic: the same index always yields the same text, so runs are comparable.
 */
import {WEEKS_IN_GUIDE} from '../plugins/plan-model/location';

const TOPICS = [
  'Concurrency patterns',
  'Channels & select',
  'Context cancellation',
  'HTTP servers',
  'gRPC services',
  'Database access',
  'Caching strategies',
  'Rate limiting',
  'Message queues',
  'Observability',
  'Profiling & pprof',
  'Generics',
  'Error handling',
  'Testing & fuzzing',
  'Kubernetes operators',
  'Distributed locks',
] as const;

const BLOCK_LABELS = ['Concepts', 'Design', 'DSA', 'Coding', 'Deep Dive', 'Architecture', 'Trade-offs', 'Review'] as const;
const DURATIONS = ['30 min', '45 min', '60 min', '60–75 min', '90 min', '1 hour', '1–1.5 hours'] as const;

/** Small linear congruential generator: reproducible variety without a dependency. */
function random(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/**
 * A weekly Go Track page shaped like the seeds: front matter, weekly goals, overview table,
 * seven days each with a four-block 4-hour plan and a 6-hour plan that adds timed items.
 * `linkDepth` is how many folders below `docs/` the file sits (for its reference links).
 */
export function syntheticWeeklyPlan(index: number, linkDepth = 2): string {
  const next = random(index + 1);
  const up = '../'.repeat(linkDepth);
  const days = Array.from({length: 7}, (_, day) => `${pick(next, TOPICS)} ${index}.${day + 1}`);
  const lines: string[] = [
    '---',
    'id: go',
    'title: Go Track',
    'sidebar_label: Go',
    'sidebar_position: 2',
    `description: Synthetic weekly Go plan number ${index}, generated for load tests.`,
    '---',
    '',
    '### Weekly Goals',
    '',
    '- **System Design**',
    `  - Design a system around **${pick(next, TOPICS).toLowerCase()}**.`,
    '- **Backend Practice**',
    `  - Build a small Go service using ${pick(next, TOPICS).toLowerCase()}.`,
    '- **DSA**',
    '  - Continue mixed problems.',
    '',
    'Use together with:',
    `- [16-Week Roadmap](${up}roadmap/roadmap-16-weeks.md)`,
    `- [Projects](${up}topic-banks/projects.md)`,
    '',
    '---',
    '',
    '### Weekly Overview Table',
    '',
    '| Day | Focus |',
    '|-----|-------|',
    ...days.map((focus, day) => `| ${day + 1}   | ${focus} |`),
    '',
  ];
  days.forEach((focus, day) => {
    lines.push('---', '', `### Day ${day + 1} – ${focus}`, '', '#### 4-Hour Plan', '');
    for (let block = 1; block <= 4; block += 1) {
      const label = block === 4 ? 'Review' : pick(next, BLOCK_LABELS);
      const duration = block === 4 ? '30 min' : pick(next, DURATIONS);
      lines.push(`- **Block ${block} (${label} – ${duration})**`, `  - Work through ${focus.toLowerCase()} step ${block}.`, '');
    }
    lines.push('#### 6-Hour Plan', '', '- Add:', `  - **Extra practice on ${pick(next, TOPICS).toLowerCase()} (60 min)**.`, '');
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Where generated plan `index` goes in a copy of the site, and its text: one more track of a week of the guide
 * (`weeks/week-NN/gen-<index>.md`, weeks 01–16 in turn), so it passes the plan-location rule like a real plan.
 */
export function syntheticPlanFile(index: number): {path: string; text: string} {
  const week = String((index % WEEKS_IN_GUIDE) + 1).padStart(2, '0');
  const track = `gen-${index}`;
  const text = syntheticWeeklyPlan(index)
    .replace(/^id: go$/m, `id: ${track}`)
    .replace(/^sidebar_label: Go$/m, `sidebar_label: Generated ${index}`)
    .replace(/^title: Go Track$/m, `title: Generated Track ${index}`);
  return {path: `docs/weeks/week-${week}/${track}.md`, text};
}
