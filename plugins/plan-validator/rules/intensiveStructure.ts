import type {Check} from '../types';

/** The shape of an intensive plan: each day has a Morning and an Evening session. */
export const intensiveStructure: Check = {
  name: 'intensive structure',
  rules: [
    {code: 'session-missing', severity: 'warning', description: 'An intensive day has both a Morning and an Evening section.', fix: 'Add the missing section.'},
  ],
  run({parsed, location}, report) {
    if (location.kind !== 'intensive' || parsed.plan?.kind !== 'intensive') return;
    for (const day of parsed.plan.days) {
      if (day.sessions.length === 0) continue;
      for (const name of ['morning', 'evening'] as const) {
        if (!day.sessions.some((session) => session.name === name)) {
          report('session-missing', day.position, `Day ${day.number} has no "${name === 'morning' ? 'Morning (6 hours)' : 'Evening (8 hours)'}" section.`);
        }
      }
    }
  },
};
