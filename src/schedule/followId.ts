// Apart from the schedule, which only /today needs: following a plan from its page needs just this.
/** A new follow's id: unique enough among a reader's handful of follows, and stable once made. */
export function newFollowId(now: number, taken: readonly {id: string}[]): string {
  let id = `f-${now.toString(36)}`;
  for (let n = 2; taken.some((other) => other.id === id); n++) id = `f-${now.toString(36)}-${n}`;
  return id;
}
