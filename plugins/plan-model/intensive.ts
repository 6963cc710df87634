/** Reads an intensive plan: days with Morning and Evening sessions of topics and practice items. */
import type {Heading, List, Root} from 'mdast';
import {parseDuration} from './duration';
import {PRACTICE_ITEM, SESSION_HEADING} from './grammar';
import {dayAnchor, practiceId, sessionAnchor, sessionId, topicId} from './ids';
import {leadParagraph, nestedItems, nestedList, plainText, positionOf, readDayHeading, sectionsAt, type Report, type Section} from './nodes';
import type {IntensiveDay, IntensivePlan, PlanFrontMatter, PlanSession, SessionName} from './types';

export function readIntensive(tree: Root, dayDepth: number, frontMatter: PlanFrontMatter, report: Report): IntensivePlan {
  const titleHeading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const plan: IntensivePlan = {
    kind: 'intensive',
    frontMatter,
    title: typeof frontMatter.title === 'string' ? frontMatter.title : titleHeading ? plainText(titleHeading) : '',
    dayDepth,
    days: [],
  };
  for (const section of sectionsAt(tree.children, dayDepth)) {
    const heading = readDayHeading(section.heading, report);
    if (!heading) continue;
    const day: IntensiveDay = {
      number: heading.number,
      title: heading.title,
      anchor: dayAnchor(heading.number),
      sessions: [],
      position: positionOf(section.heading),
    };
    for (const part of sectionsAt(section.content, dayDepth + 1)) {
      const session = SESSION_HEADING.exec(plainText(part.heading));
      if (session) day.sessions.push(readSession(part, heading.number, session, report));
    }
    if (day.sessions.length === 0) {
      report(section.heading, 'sessions-missing', `Day ${heading.number}: expected "Morning (6 hours)" and "Evening (8 hours)" sections.`);
    }
    plan.days.push(day);
  }
  return plan;
}

function readSession(part: Section, dayNumber: number, match: RegExpExecArray, report: Report): PlanSession {
  const name = match[1]!.toLowerCase() as SessionName;
  const duration = match[2] ? parseDuration(match[2]) : null;
  if (!duration) {
    report(part.heading, 'duration-missing', `Day ${dayNumber}: no duration in "${plainText(part.heading)}"; write it as "Morning (6 hours)".`);
  }
  const session: PlanSession = {
    id: sessionId(dayNumber, name),
    name,
    label: plainText(part.heading),
    duration,
    anchor: sessionAnchor(dayNumber, name),
    topics: [],
    practice: [],
    position: positionOf(part.heading),
  };
  // Every list of the session counts: a code sample or paragraph may split the topics into several lists.
  for (const list of part.content.filter((node): node is List => node.type === 'list')) {
    for (const item of list.children) {
      const title = plainText(leadParagraph(item) ?? item);
      if (PRACTICE_ITEM.test(title)) {
        for (const practice of nestedList(item)?.children ?? []) {
          session.practice.push({
            id: practiceId(dayNumber, name, session.practice.length + 1),
            text: plainText(leadParagraph(practice) ?? practice),
            position: positionOf(practice),
          });
        }
      } else {
        session.topics.push({id: topicId(dayNumber, name, session.topics.length + 1), title, items: nestedItems(item), position: positionOf(item)});
      }
    }
  }
  return session;
}
