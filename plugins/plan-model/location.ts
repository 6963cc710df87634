/**
 * Where a doc sits decides what it is: a weekly track page, an intensive plan, a misplaced plan
 * or an ordinary page. This is the one function that decides it, from the docs-relative path;
 * the validator, the remark plugin, the data plugin, the scaffold and the labels all ask here.
 */

/** A week has exactly these days; the guide has exactly these weeks. */
export const DAYS_PER_WEEK = 7;
export const WEEKS_IN_GUIDE = 16;
/** The intensive plan kind allows at most this many days; far more is a mistake, not a plan. */
export const MAX_INTENSIVE_DAYS = 60;

/** `weeks/week-09/go.md`: a two-digit week and a lowercase track name. */
const WEEKLY_PATH = /^weeks\/week-(\d{2})\/([a-z][a-z0-9-]*)\.mdx?$/;
/** `weeks/week-9/go.md`, `weeks/Week-09/Go.md`: what people type when they mean a weekly page. */
const WEEKLY_LIKE_PATH = /^weeks\//i;
const INTENSIVE_PATH = /^intensive\/([a-z0-9][a-z0-9-]*)\.mdx?$/;
const INTENSIVE_LIKE_PATH = /^intensive\//i;
const TRACK_NAME = /^[a-z][a-z0-9-]{0,29}$/;

export type DocLocation =
  | {kind: 'weekly'; planId: string; week: number; track: string}
  | {kind: 'intensive'; planId: string; name: string}
  | {kind: 'misplaced'; reason: string}
  | {kind: 'page'};

/** Normalises a path to the docs folder's form: forward slashes, no leading `./` or `/`. */
export function toDocPath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/^\.?\/+/, '');
}

/** The plan id of a docs-relative path: the path without its extension (`weeks/week-09/go`). */
export function planIdOf(docPath: string): string {
  return toDocPath(docPath).replace(/\.mdx?$/i, '');
}

const withMarkdownExtension = (docPath: string): string => (/\.mdx?$/i.test(docPath) ? docPath : `${docPath}.md`);
const isGuideWeek = (week: number): boolean => week >= 1 && week <= WEEKS_IN_GUIDE;

/**
 * The week of a weekly plan (`weeks/week-09/go` → 9), null for any other doc: `docLocation`'s answer for what a page
 * prints, without the rest of the classification (and its messages) in the browser.
 */
export function weekOfPlan(relativePath: string): number | null {
  const weekly = WEEKLY_PATH.exec(withMarkdownExtension(toDocPath(relativePath)));
  return weekly && isGuideWeek(Number(weekly[1])) ? Number(weekly[1]) : null;
}

/** Classifies a docs-relative path (`weeks/week-09/go.md`, with or without extension). */
export function docLocation(relativePath: string): DocLocation {
  const docPath = toDocPath(relativePath);
  const withExtension = withMarkdownExtension(docPath);
  const weekly = WEEKLY_PATH.exec(withExtension);
  if (weekly) {
    const week = Number(weekly[1]);
    if (isGuideWeek(week)) return {kind: 'weekly', planId: planIdOf(withExtension), week, track: weekly[2]!};
    return {kind: 'misplaced', reason: `Week ${weekly[1]} is outside the guide: weeks are numbered 01 to ${WEEKS_IN_GUIDE}.`};
  }
  const intensive = INTENSIVE_PATH.exec(withExtension);
  if (intensive) return {kind: 'intensive', planId: planIdOf(withExtension), name: intensive[1]!};
  if (WEEKLY_LIKE_PATH.test(docPath) && !/(^|\/)_category_\.json$/.test(docPath)) {
    return {
      kind: 'misplaced',
      reason: 'Weekly plans live in weeks/week-NN/<track>.md: a two-digit week (01–16) and a lowercase track name such as go.md.',
    };
  }
  if (INTENSIVE_LIKE_PATH.test(docPath)) {
    return {kind: 'misplaced', reason: 'Intensive plans are lowercase .md files directly in intensive/, e.g. intensive/senior-go-14-days.md.'};
  }
  return {kind: 'page'};
}

/** True when the location holds a plan the site renders with timers and ticks. */
export function isPlanLocation(location: DocLocation): location is Extract<DocLocation, {kind: 'weekly' | 'intensive'}> {
  return location.kind === 'weekly' || location.kind === 'intensive';
}

/** The week folder of a week number: `week-09`. */
export const weekFolder = (week: number): string => `week-${String(week).padStart(2, '0')}`;
/** How the sidebar and the roadmap name a week: `Week 09`. */
export const weekName = (week: number): string => `Week ${String(week).padStart(2, '0')}`;

/** Whether `name` can be a track file name (`go`, `node-js`). */
export const isTrackName = (name: string): boolean => TRACK_NAME.test(name) && !name.endsWith('-');

/** `go` → `Go`, `node-js` → `Node Js`: a starting point for a track's label, never a rule. */
export function trackLabel(track: string): string {
  return track
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
