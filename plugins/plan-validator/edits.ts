/**
 * What an edit of a plan does to learners' records: the plan at a base commit against the plan as it is now. Items
 * are matched with the rule the browser store applies on a learner's next visit (plan-model/identity.ts), as if a
 * learner had records on every item of the base version, so what this reports as following is what follows.
 * Pure: the caller reads both versions (from git, see gitBase.ts).
 */
import {ADOPTION_MIN_RECORDS, ADOPTION_MIN_SHARE, adoptingPlan, exactMatches} from '../plan-model/adoption';
import {matchRecords, planIdentities, type ItemIdentity} from '../plan-model/identity';
import {variantItems} from '../plan-model/ids';
import {sumDurations} from '../plan-model/duration';
import {docLocation, isPlanLocation, planIdOf} from '../plan-model/location';
import {parsePlan} from '../plan-model/parse';
import type {Diagnostic, DurationRange, PlanModel, SourcePosition} from '../plan-model/types';
import {checkSize} from './rules/bounds';
import {editRules} from './rules/edits';
import {START} from './types';

/** One version of a plan file: its path under docs/ (`weeks/week-10/go.md`) and its text. */
export interface PlanVersion {
  path: string;
  source: string;
}

/** An item as one version has it. */
export interface ItemRef {
  id: string;
  text: string;
}

/**
 * What became of one item. `moved`: same text, another id (items inserted, removed or reordered around it, blocks
 * renumbered, moved to another day). `reworded`: text touched up, within the matching threshold. Both keep their
 * records. `removed` and `rewritten` (another item now stands at its id, too different to be it) detach them.
 */
export type ItemChange =
  | {kind: 'added'; after: ItemRef; position: SourcePosition}
  | {kind: 'removed'; before: ItemRef; position: SourcePosition}
  | {kind: 'rewritten'; before: ItemRef; after: ItemRef; position: SourcePosition}
  | {kind: 'moved'; before: ItemRef; after: ItemRef; position: SourcePosition}
  | {kind: 'reworded'; before: ItemRef; after: ItemRef; position: SourcePosition};

export type ItemChangeKind = ItemChange['kind'];

/** Planned time of one day by variant (`4h`, `6h` for a week; `day` for an intensive plan); null where the day is absent. */
export interface DayTime {
  day: number;
  before: Record<string, DurationRange> | null;
  after: Record<string, DurationRange> | null;
}

/** A diagnostic about an edit, with the docs-relative file it belongs to (the removed file itself for a removed plan). */
export interface EditDiagnostic {
  path: string;
  diagnostic: Diagnostic;
}

export interface PlanEdit {
  before: PlanVersion | null;
  after: PlanVersion | null;
  /** Why the versions could not be compared item by item (a version that does not read as a plan), else null. */
  notCompared: string | null;
  changes: ItemChange[];
  /** Items with the same text at the same id. */
  unchanged: number;
  days: DayTime[];
  /**
   * For a moved or removed plan: the plan now on the site whose items take over learners' records of the old plan id
   * (the browser's adoption rule, `adoptingPlan` in plan-model/identity.ts), or null when they stay under the old id;
   * and how many of the old plan's items are unchanged in the moved plan (or in the adopting one, for a removed plan).
   */
  adoption: {adoptedBy: string | null; recognised: number; total: number} | null;
  warnings: EditDiagnostic[];
}

const severityOf = (code: string) => editRules.find((rule) => rule.code === code)!.severity;
const diagnostic = (code: string, position: SourcePosition, message: string): Diagnostic => ({severity: severityOf(code), code, message, ...position});

/** The plan a version holds, or null when its place or text does not make one (validation says why). */
function readPlan(version: PlanVersion | null): PlanModel | null {
  if (!version) return null;
  const location = docLocation(version.path);
  if (!isPlanLocation(location) || checkSize(Buffer.byteLength(version.source, 'utf8'))) return null;
  return parsePlan(version.source, {kind: location.kind}).plan;
}

/** Where each item and each day of a plan is written. */
function positionsOf(plan: PlanModel): {items: Map<string, SourcePosition>; days: Map<number, SourcePosition>} {
  const items = new Map<string, SourcePosition>();
  const days = new Map<number, SourcePosition>();
  if (plan.kind === 'weekly') {
    for (const day of plan.days) {
      days.set(day.number, day.position);
      for (const item of [...day.blocks, ...day.additions]) items.set(item.id, item.position);
    }
  } else {
    for (const day of plan.days) {
      days.set(day.number, day.position);
      for (const session of day.sessions) {
        items.set(session.id, session.position);
        for (const item of [...session.topics, ...session.practice]) items.set(item.id, item.position);
      }
    }
  }
  return {items, days};
}

function dayTimes(plan: PlanModel | null): Map<number, Record<string, DurationRange>> {
  const times = new Map<number, Record<string, DurationRange>>();
  if (plan?.kind === 'weekly') {
    for (const day of plan.days) {
      times.set(day.number, {
        '4h': sumDurations(variantItems(day, '4h').map((item) => item.duration)),
        '6h': sumDurations(variantItems(day, '6h').map((item) => item.duration)),
      });
    }
  } else if (plan) {
    for (const day of plan.days) times.set(day.number, {day: sumDurations(day.sessions.map((session) => session.duration))});
  }
  return times;
}

const ref = (item: ItemIdentity): ItemRef => ({id: item.id, text: item.text});
const quoted = (item: ItemRef) => `"${item.text}"`;

const fingerprints = (plan: PlanModel | null): string[] => (plan ? planIdentities(plan).map((item) => item.fingerprint) : []);
const percent = Math.round(ADOPTION_MIN_SHARE * 100);

/**
 * Where learners' records of a plan id that no longer exists go: the plan of `sitePlans` that adopts them by the
 * browser's rule, as if a learner had records on every item of the old plan.
 */
function adoptionOf(oldPlan: PlanModel | null, sitePlans: readonly PlanVersion[], measuredOn: PlanVersion | null): NonNullable<PlanEdit['adoption']> {
  const records = fingerprints(oldPlan);
  const plans = sitePlans.map((version) => [planIdOf(version.path), fingerprints(readPlan(version))] as const);
  const adoptedBy = adoptingPlan(records, plans);
  const measured = plans.find(([planId]) => planId === (adoptedBy ?? (measuredOn && planIdOf(measuredOn.path))));
  return {adoptedBy, recognised: measured ? exactMatches(records, measured[1]) : 0, total: records.length};
}

/** "47 of 50 items": how much of a moved plan a learner's browser recognises. */
const recognisedText = ({recognised, total}: {recognised: number; total: number}) => `${recognised} of ${total} ${total === 1 ? 'item' : 'items'}`;

/**
 * Compares two versions of one plan (either may be null: a plan added or removed). `sitePlans`, every plan of the site
 * as it is now, decides where the records of a moved or removed plan go; by default only `after` is looked at.
 */
export function comparePlanVersions(before: PlanVersion | null, after: PlanVersion | null, sitePlans: readonly PlanVersion[] = after ? [after] : []): PlanEdit {
  const oldPlan = readPlan(before);
  const newPlan = readPlan(after);
  const oldTimes = dayTimes(oldPlan);
  const newTimes = dayTimes(newPlan);
  const days = [...new Set([...oldTimes.keys(), ...newTimes.keys()])]
    .sort((a, b) => a - b)
    .map((day) => ({day, before: oldTimes.get(day) ?? null, after: newTimes.get(day) ?? null}));
  const edit: PlanEdit = {before, after, notCompared: null, changes: [], unchanged: 0, days, adoption: null, warnings: []};

  if (before && after && before.path !== after.path) {
    const adoption = adoptionOf(oldPlan, sitePlans, after);
    edit.adoption = adoption;
    const oldId = planIdOf(before.path);
    const newId = planIdOf(after.path);
    const follows =
      adoption.adoptedBy === newId
        ? `${recognisedText(adoption)} are unchanged, so learners' records follow it to the new id on their next visit, item by item as after any edit; links and bookmarks to the old address break.`
        : adoption.adoptedBy !== null
          ? `learners' records go to ${adoption.adoptedBy}, which holds more of its items unchanged than this file (${recognisedText(adoption)}).`
          : `only ${recognisedText(adoption)} are unchanged (records follow a moved plan when at least ${ADOPTION_MIN_RECORDS} and ${percent}% of the items they were made on are), so learners' records stay under the old id: kept, listed on /notes, not shown on this page. Move the file in a change of its own, without rewriting its items.`;
    edit.warnings.push({
      path: after.path,
      diagnostic: diagnostic('edit-moves-plan', START, `Moved from ${before.path}: the plan id changes from ${oldId} to ${newId}; ${follows}`),
    });
  }
  if (before && !after) {
    const adoption = adoptionOf(oldPlan, sitePlans, null);
    edit.adoption = adoption;
    edit.warnings.push({
      path: before.path,
      diagnostic: diagnostic(
        'edit-removes-plan',
        START,
        adoption.adoptedBy === null
          ? `Removed: every record learners made on ${planIdOf(before.path)} stays stored, listed on /notes as from a plan no longer on the site, and is no longer shown on a plan.`
          : `Removed, but ${adoption.adoptedBy} holds ${recognisedText(adoption)} unchanged: learners' records of ${planIdOf(before.path)} go there on their next visit.`,
      ),
    });
    return edit;
  }
  if (after && !newPlan) {
    edit.notCompared = 'it does not read as a plan now; fix the errors reported for it first';
    return edit;
  }
  if (before && !oldPlan) {
    edit.notCompared = 'it did not read as a plan at the base, so nobody has records on it';
  }
  if (!newPlan) return edit;

  const oldItems = oldPlan ? planIdentities(oldPlan) : [];
  const newItems = planIdentities(newPlan);
  const newById = new Map(newItems.map((item) => [item.id, item]));
  const {items: positions, days: dayPositions} = positionsOf(newPlan);
  const positionOf = (id: string) => positions.get(id) ?? START;
  // Every item of the base carries a record, all matched at once, as the store does for a learner who has them all.
  const moves = matchRecords(
    oldItems.map((item) => ({id: item.id, fingerprint: item.fingerprint})),
    newItems,
  );
  const received = new Set([...moves.values()].filter((target) => target !== null));
  const rewrittenAt = new Set<string>();

  for (const item of oldItems) {
    const target = moves.get(item.id) ?? null;
    if (target === null) {
      const standing = newById.get(item.id);
      if (standing && !received.has(standing.id)) {
        rewrittenAt.add(standing.id);
        edit.changes.push({kind: 'rewritten', before: ref(item), after: ref(standing), position: positionOf(standing.id)});
      } else {
        edit.changes.push({kind: 'removed', before: ref(item), position: dayPositions.get(item.day) ?? START});
      }
      continue;
    }
    const now = newById.get(target)!;
    if (now.fingerprint !== item.fingerprint) edit.changes.push({kind: 'reworded', before: ref(item), after: ref(now), position: positionOf(target)});
    else if (target !== item.id) edit.changes.push({kind: 'moved', before: ref(item), after: ref(now), position: positionOf(target)});
    else edit.unchanged += 1;
  }
  for (const item of newItems) {
    if (!received.has(item.id) && !rewrittenAt.has(item.id)) edit.changes.push({kind: 'added', after: ref(item), position: positionOf(item.id)});
  }
  edit.changes.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);

  const file = after!.path;
  for (const change of edit.changes) {
    if (change.kind === 'removed') {
      edit.warnings.push({
        path: file,
        diagnostic: diagnostic(
          'edit-removes-item',
          change.position,
          `Removes ${quoted(change.before)} (${change.before.id} at the base): records learners made on it become detached (kept, no longer shown here; they re-attach or delete them by hand).`,
        ),
      });
    } else if (change.kind === 'rewritten') {
      edit.warnings.push({
        path: file,
        diagnostic: diagnostic(
          'edit-rewrites-item',
          change.position,
          `Rewrites ${quoted(change.before)} as ${quoted(change.after)} (${change.after.id}): too different to be the same item, so records learners made on it become detached instead of following it.`,
        ),
      });
    }
  }
  return edit;
}

/** Share of a removed plan's items that must follow into an added one for the two to be one plan moved. */
const MOVED_PLAN_SHARE = 0.5;

/**
 * Pairs removed and added plan files that are one plan moved or renamed (git reports a move only when the file is
 * staged and mostly unchanged): a removed plan pairs with the added plan of the same kind that takes the most of its
 * items by the identity rule, at least half of them.
 */
export function pairMovedPlans(
  removed: readonly PlanVersion[],
  added: readonly PlanVersion[],
): {moved: [PlanVersion, PlanVersion][]; removed: PlanVersion[]; added: PlanVersion[]} {
  const moved: [PlanVersion, PlanVersion][] = [];
  const free = [...added];
  const left: PlanVersion[] = [];
  for (const old of removed) {
    const oldPlan = readPlan(old);
    const oldItems = oldPlan ? planIdentities(oldPlan) : [];
    let best: {index: number; share: number} | null = null;
    for (const [index, candidate] of free.entries()) {
      const newPlan = readPlan(candidate);
      if (!oldPlan || !newPlan || newPlan.kind !== oldPlan.kind || oldItems.length === 0) continue;
      const moves = matchRecords(oldItems, planIdentities(newPlan));
      const share = [...moves.values()].filter((target) => target !== null).length / oldItems.length;
      if (share >= MOVED_PLAN_SHARE && (!best || share > best.share)) best = {index, share};
    }
    if (best) moved.push([old, free.splice(best.index, 1)[0]!]);
    else left.push(old);
  }
  return {moved, removed: left, added: free};
}
