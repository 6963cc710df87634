/**
 * The per-plan summary of what an edit does to learners' records (edits.ts), as terminal text and as Markdown for a
 * pull request's job summary.
 */
import {formatRange} from '../plan-model/duration';
import {planIdOf} from '../plan-model/location';
import type {DurationRange} from '../plan-model/types';
import type {DayTime, ItemChange, ItemChangeKind, PlanEdit} from './edits';

/** What the summary names the base by: the ref as given and the commit compared with. */
export interface BaseName {
  ref: string;
  commit: string;
}

/** Turns a docs-relative path into the path printed (relative to where the command runs). */
export type DisplayPath = (docsRelative: string) => string;

const KIND_ORDER: readonly ItemChangeKind[] = ['added', 'removed', 'rewritten', 'moved', 'reworded'];
const DETACHES: ReadonlySet<ItemChangeKind> = new Set(['removed', 'rewritten']);
const VARIANT_NAMES: Record<string, string> = {'4h': '4-hour', '6h': '6-hour'};

const countOf = (edit: PlanEdit, kind: ItemChangeKind) => edit.changes.filter((change) => change.kind === kind).length;

function counts(edit: PlanEdit): string {
  const parts = KIND_ORDER.map((kind) => [kind, countOf(edit, kind)] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`);
  return [...parts, `${edit.unchanged} unchanged`].join(', ');
}

/** False for a moved plan whose records stay under its old id: its items' changes then say nothing about records. */
const recordsFollowFile = (edit: PlanEdit): boolean =>
  !edit.before || !edit.after || edit.before.path === edit.after.path || edit.adoption?.adoptedBy === planIdOf(edit.after.path);

/** What happens to learners' records of the plan, in one line (see `itemRecordsLine`). */
function recordsLine(edit: PlanEdit): string {
  if (!edit.before) return 'A new plan: nobody has records on it yet.';
  // Records are keyed by plan id: a moved plan's follow it only when the browser recognises its items (edits.ts).
  if (!recordsFollowFile(edit)) {
    const {recognised = 0, total = 0, adoptedBy = null} = edit.adoption ?? {};
    return adoptedBy
      ? `Records go to ${adoptedBy}, which holds more of this plan's items unchanged (${recognised} of ${total}).`
      : `Records stay under the old plan id ${planIdOf(edit.before.path)} and are not shown on the moved page: only ${recognised} of ${total} items are unchanged.`;
  }
  const moved =
    edit.after && edit.before.path !== edit.after.path
      ? `Records move to the new plan id (${edit.adoption!.recognised} of ${edit.adoption!.total} items unchanged). `
      : '';
  return moved + itemRecordsLine(edit);
}

/** "Records follow on 30 items (3 to another id); records on 2 items become detached." */
function itemRecordsLine(edit: PlanEdit): string {
  const follow = edit.changes.filter((change) => change.kind === 'moved' || change.kind === 'reworded');
  const detached = edit.changes.filter((change) => DETACHES.has(change.kind));
  const total = edit.unchanged + follow.length;
  const elsewhere = follow.filter((change) => change.before.id !== change.after.id).length;
  const another = elsewhere > 0 ? ` (${elsewhere} to another id)` : '';
  const lost =
    detached.length === 0 ? 'no records become detached' : `records on ${detached.length} ${detached.length === 1 ? 'item' : 'items'} become detached`;
  return `Records follow on ${total} ${total === 1 ? 'item' : 'items'}${another}; ${lost}.`;
}

function title(edit: PlanEdit, display: DisplayPath): string {
  if (edit.before && edit.after && edit.before.path !== edit.after.path) return `${display(edit.after.path)} (moved from ${display(edit.before.path)})`;
  if (!edit.before) return `${display(edit.after!.path)} (new plan)`;
  if (!edit.after) return `${display(edit.before.path)} (removed)`;
  return display(edit.after.path);
}

const range = (value: DurationRange | undefined) => (value ? formatRange(value) : '—');
const variantsOf = (day: DayTime) => [...new Set([...Object.keys(day.before ?? {}), ...Object.keys(day.after ?? {})])];

const sameTime = (day: DayTime) => JSON.stringify(day.before) === JSON.stringify(day.after);

/** "Day 2: 4-hour 3 h 30 → 2 h 30, 6-hour 4 h 30 → 4 h 15", the variant left out when the plan has one. */
function dayLine(day: DayTime): string {
  const variants = variantsOf(day);
  const parts = variants.map((variant) => {
    const before = range(day.before?.[variant]);
    const after = range(day.after?.[variant]);
    const time = before === after ? before : `${before} → ${after}`;
    return variants.length === 1 ? time : `${VARIANT_NAMES[variant] ?? variant} ${time}`;
  });
  return `Day ${day.day}: ${parts.join(', ')}`;
}

/** Days whose planned time changed, one line each, then the others in one line. */
function dayLines(days: readonly DayTime[]): string[] {
  const changed = days.filter((day) => !sameTime(day));
  const same = days.filter(sameTime).map((day) => day.day);
  const lines = changed.map(dayLine);
  if (same.length > 0) lines.push(`${same.length === 1 ? 'Day' : 'Days'} ${same.join(', ')}: unchanged`);
  return lines;
}

/** An item's label before and after; its details, when the label stayed. */
const wording = (before: {text: string}, after: {text: string}) =>
  before.text === after.text ? `"${after.text}" (details touched up)` : `"${before.text}" → "${after.text}"`;

function changeLine(change: ItemChange): string {
  switch (change.kind) {
    case 'added':
      return `added      ${change.after.id}  "${change.after.text}"`;
    case 'removed':
      return `removed    ${change.before.id}  "${change.before.text}"  (records detached)`;
    case 'rewritten':
      return `rewritten  ${change.after.id}  "${change.before.text}" → "${change.after.text}"  (records detached)`;
    case 'moved':
      return `moved      ${change.before.id} → ${change.after.id}  "${change.after.text}"  (records follow)`;
    case 'reworded':
      return `reworded   ${change.before.id}${change.before.id === change.after.id ? '' : ` → ${change.after.id}`}  ${wording(change.before, change.after)}  (records follow)`;
  }
}

/** The summary for a terminal: one section per changed plan. */
export function formatEditSummary(edits: readonly PlanEdit[], base: BaseName, display: DisplayPath): string {
  const head = `What this change does to learners' records, compared with ${base.ref} (${base.commit.slice(0, 12)}):`;
  if (edits.length === 0) return `${head} no plan changed.`;
  const sections = edits.map((edit) => {
    const lines = [title(edit, display)];
    if (edit.notCompared) lines.push(`  Not compared item by item: ${edit.notCompared}.`);
    if (edit.after && !edit.notCompared) {
      lines.push(`  ${counts(edit)}.`, `  ${recordsLine(edit)}`);
      if (recordsFollowFile(edit)) lines.push(...edit.changes.map((change) => `    ${changeLine(change)}`));
    }
    if (edit.days.length > 0) lines.push('  Planned time per day (base → now):', ...dayLines(edit.days).map((line) => `    ${line}`));
    return lines.join('\n');
  });
  return [head, ...sections].join('\n\n');
}

/** Text safe inside a Markdown table cell. */
const cell = (text: string) => text.replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`);
const itemCell = (item: {id: string; text: string} | undefined) => (item ? `\`${item.id}\` ${cell(item.text)}` : '');

const RECORDS_CELL: Record<ItemChangeKind, string> = {added: '—', removed: 'detached', rewritten: 'detached', moved: 'follow', reworded: 'follow'};

/** The summary as Markdown, for a pull request's job summary. */
export function markdownEditSummary(edits: readonly PlanEdit[], base: BaseName, display: DisplayPath): string {
  const out = [
    "## What this change does to learners' records",
    '',
    `Compared with \`${cell(base.ref)}\` at \`${base.commit.slice(0, 12)}\`. Items are matched as each learner's browser matches them on the next visit: records on moved and reworded items follow them; records on removed or rewritten items become detached (kept, listed on /notes and /review to re-attach or delete).`,
    '',
  ];
  if (edits.length === 0) out.push('No plan changed.', '');
  for (const edit of edits) {
    out.push(`### ${cell(title(edit, display))}`, '');
    if (edit.notCompared) out.push(`Not compared item by item: ${cell(edit.notCompared)}.`, '');
    if (edit.after && !edit.notCompared) {
      out.push(`${counts(edit)}. **${recordsLine(edit)}**`, '');
      if (edit.changes.length > 0 && recordsFollowFile(edit)) {
        out.push('| Change | At the base | Now | Records |', '|---|---|---|---|');
        for (const change of edit.changes) {
          const before = 'before' in change ? change.before : undefined;
          const after = 'after' in change ? change.after : undefined;
          out.push(`| ${change.kind} | ${itemCell(before)} | ${itemCell(after)} | ${RECORDS_CELL[change.kind]} |`);
        }
        out.push('');
      }
    }
    if (edit.days.length > 0) {
      const variants = [...new Set(edit.days.flatMap(variantsOf))];
      const names = variants.map((variant) => (variants.length === 1 ? '' : `${VARIANT_NAMES[variant] ?? variant} `));
      out.push(
        'Planned time per day:',
        '',
        `| Day | ${names.map((name) => `${name}at the base | ${name}now`).join(' | ')} |`,
        `|---|${variants.map(() => '---|---').join('|')}|`,
        ...edit.days.map((day) => {
          const values = variants.map((variant) => {
            const before = range(day.before?.[variant]);
            const after = range(day.after?.[variant]);
            return `${before} | ${before === after ? after : `**${after}**`}`;
          });
          return `| ${day.day} | ${values.join(' | ')} |`;
        }),
        '',
      );
    }
  }
  return out.join('\n');
}
