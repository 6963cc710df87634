/**
 * Records of a plan whose file was moved or renamed: which plan takes them over ("adoption"). Isomorphic, like
 * identity.ts: the browser store applies the rule (src/store/adopt.ts), the validator predicts with it what moving a
 * plan does to learners (plan-validator/edits.ts), and the plan-data plugin writes what the browser needs for it.
 *
 * The rule: records are keyed by plan id, the plan file's path, so a moved plan leaves them under an id the site no
 * longer has (an "orphan"). A plan of the site adopts an orphan when, counting each of the orphan's stamped records
 * once against one of its items, the plan has an item with the very same fingerprint for at least
 * `ADOPTION_MIN_RECORDS` of them and for at least `ADOPTION_MIN_SHARE` of all of them, and no other plan has as many.
 * - Exact fingerprints only, and most of the records: weeks of one guide share recurring items (the daily DSA block,
 *   the review block), so a few alike items must never carry a learner's records into another week.
 * - At least 3: one or two records are too little to tell one plan from another.
 * - A tie (a plan copied beside the moved one), or too few: nothing is adopted; the orphan stays as it is, never
 *   guessed, and /notes lists it with Delete.
 * Once adopted, the records meet the plan item by item through `matchRecords` (identity.ts), as after any edit.
 */
export const ADOPTION_MIN_RECORDS = 3;
export const ADOPTION_MIN_SHARE = 0.8;

/** How many of `records` (fingerprints, one per record) find an item of `items` with the same fingerprint, each item once. */
export function exactMatches(records: readonly string[], items: readonly string[]): number {
  const left = new Map<string, number>();
  for (const fingerprint of items) left.set(fingerprint, (left.get(fingerprint) ?? 0) + 1);
  let matched = 0;
  for (const fingerprint of records) {
    const count = left.get(fingerprint) ?? 0;
    if (count > 0) {
      matched += 1;
      left.set(fingerprint, count - 1);
    }
  }
  return matched;
}

/** Whether `matched` of `total` stamped records are enough for a plan to adopt them (see above). */
export const adoptionQualifies = (matched: number, total: number): boolean =>
  total > 0 && matched >= ADOPTION_MIN_RECORDS && matched >= ADOPTION_MIN_SHARE * total;

/**
 * The plan that adopts an orphan's records, by the rule above: `records` are the fingerprints of its stamped records,
 * `plans` every current plan with the fingerprints of its items. Null when none qualifies or two match equally well.
 */
export function adoptingPlan(records: readonly string[], plans: Iterable<readonly [planId: string, items: readonly string[]]>): string | null {
  let best: {planId: string; matched: number} | null = null;
  let tied = false;
  for (const [planId, items] of plans) {
    const matched = exactMatches(records, items);
    if (!adoptionQualifies(matched, records.length)) continue;
    if (!best || matched > best.matched) {
      best = {planId, matched};
      tied = false;
    } else if (matched === best.matched) tied = true;
  }
  return best && !tied ? best.planId : null;
}

/**
 * A short, fixed-length stand-in for a fingerprint (32-bit FNV-1a, base 36), so the browser can learn every plan's
 * items for `adoptingPlan` from a few bytes per item. Equal fingerprints give equal keys; a chance collision between
 * different ones (about one in four billion) can at most add one record to a count.
 */
export function fingerprintKey(fingerprint: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < fingerprint.length; index++) {
    hash ^= fingerprint.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
