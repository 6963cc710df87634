import {useDeferredValue, useId, useMemo, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {translate} from '@docusaurus/Translate';
import {dayAnchor, dayOfItemId} from '@site/plugins/plan-model/ids';
import type {PlanSummary} from '@site/plugins/plan-data/data';
import {planName} from '@site/src/components/ContinueCard';
import {usePlanData} from '@site/src/hooks/usePlanData';
import {useStoredState, type NoteMap} from '@site/src/store';
import DetachedRecords from '@site/src/components/DetachedRecords';
import OrphanedPlans from '@site/src/components/OrphanedPlans';
import {useAdoptMovedPlans} from '@site/src/hooks/useAdoptMovedPlans';
import {usePlanModels} from '@site/src/hooks/usePlanModels';
import styles from './notes.module.css';

interface DayEntry {
  day: number;
  title: string;
  to: string;
  /** The day's own note, then item notes labelled by what they belong to. */
  notes: {label: string; text: string}[];
}

interface PlanEntry {
  id: string;
  title: string;
  days: DayEntry[];
}

const ITEM_KIND: [RegExp, string][] = [
  [/-b(\d+)$/, 'Block'],
  [/-a(\d+)$/, 'Addition'],
  [/-t(\d+)$/, 'Topic'],
  [/-p(\d+)$/, 'Practice'],
];

/** "Block 2", "Practice 1" from an item id, as the plan page numbers them. */
function itemLabel(itemId: string): string {
  for (const [pattern, kind] of ITEM_KIND) {
    const match = pattern.exec(itemId);
    if (match) return `${kind} ${match[1]}`;
  }
  return itemId;
}

/** Every plan's notes grouped by day, in plan order; notes of plans this site no longer has are listed by id. */
function groupNotes(plans: readonly PlanSummary[], dayNotes: NoteMap, itemNotes: NoteMap): PlanEntry[] {
  const planIds = new Set([...Object.keys(dayNotes), ...Object.keys(itemNotes)]);
  const entries: PlanEntry[] = [];
  for (const planId of planIds) {
    const plan = plans.find((candidate) => candidate.id === planId);
    const byDay = new Map<number, DayEntry>();
    const dayEntry = (day: number): DayEntry => {
      let entry = byDay.get(day);
      if (!entry) {
        const summary = plan?.days.find((candidate) => candidate.number === day);
        const title = translate({id: 'notes.page.day', message: 'Day {day}'}, {day}) + (summary ? `: ${summary.title}` : '');
        entry = {day, title, to: plan ? `${plan.permalink}#${dayAnchor(day)}` : '', notes: []};
        byDay.set(day, entry);
      }
      return entry;
    };
    for (const [day, text] of Object.entries(dayNotes[planId] ?? {})) {
      dayEntry(Number(day)).notes.unshift({label: translate({id: 'notes.page.dayNote', message: 'Day note'}), text});
    }
    for (const [itemId, text] of Object.entries(itemNotes[planId] ?? {})) {
      const day = dayOfItemId(itemId);
      if (day !== null) dayEntry(day).notes.push({label: itemLabel(itemId), text});
    }
    entries.push({id: planId, title: plan ? planName(plan) : planId, days: [...byDay.values()].sort((a, b) => a.day - b.day)});
  }
  const order = (id: string) => {
    const index = plans.findIndex((plan) => plan.id === id);
    return index === -1 ? plans.length : index;
  };
  return entries.sort((a, b) => order(a.id) - order(b.id));
}

/** Keeps the notes whose text holds every word of the query, in any case. */
function filterNotes(entries: PlanEntry[], query: string): PlanEntry[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  const matches = (text: string) => words.every((word) => text.toLocaleLowerCase().includes(word));
  return entries
    .map((plan) => ({
      ...plan,
      days: plan.days
        .map((day) => ({...day, notes: day.notes.filter((note) => matches(note.text) || matches(`${plan.title} ${day.title}`))}))
        .filter((day) => day.notes.length > 0),
    }))
    .filter((plan) => plan.days.length > 0);
}

/** All notes kept in this browser, by plan and day, with links back to each day and a search over their text. */
export default function NotesPage(): ReactNode {
  useAdoptMovedPlans();
  const {plans} = usePlanData();
  const isBrowser = useIsBrowser();
  const dayNotes = useStoredState((state) => state.dayNotes);
  const itemNotes = useStoredState((state) => state.itemNotes);
  // Loading a plan's model matches its notes to the items as deployed, so none is listed under an item it left.
  usePlanModels(Object.keys(itemNotes));
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const searchId = useId();
  const all = useMemo(() => groupNotes(plans, dayNotes, itemNotes), [plans, dayNotes, itemNotes]);
  const shown = useMemo(() => filterNotes(all, deferred), [all, deferred]);
  const count = shown.reduce((sum, plan) => sum + plan.days.reduce((days, day) => days + day.notes.length, 0), 0);
  const title = translate({id: 'notes.page.title', message: 'Notes'});

  return (
    <Layout title={title} description={translate({id: 'notes.page.description', message: 'Your notes on every plan day, kept in this browser.'})}>
      <main className="container margin-vert--lg">
        <Heading as="h1">{title}</Heading>
        <p>
          {translate({
            id: 'notes.page.intro',
            message: 'What you wrote on plan days, kept in this browser only. Export progress on any plan page to keep a copy or move it to another browser.',
          })}
        </p>
        {/* Stored notes exist only in the browser; the server render shows no list, so nothing mismatches. */}
        {isBrowser && all.length === 0 && <p>{translate({id: 'notes.page.empty', message: 'No notes yet. Every plan day has a notes field at its end.'})}</p>}
        {all.length > 0 && (
          <>
            <div className={styles.search} role="search">
              <label htmlFor={searchId}>{translate({id: 'notes.page.search', message: 'Search notes'})}</label>
              <input id={searchId} type="search" className={styles.searchInput} value={query} onChange={(event) => setQuery(event.target.value)} />
            </div>
            <p role="status" className={styles.count}>
              {query.trim()
                ? count === 1
                  ? translate({id: 'notes.page.oneMatch', message: '1 note matches.'})
                  : translate({id: 'notes.page.matches', message: '{count} notes match.'}, {count})
                : ''}
            </p>
            {shown.map((plan) => (
              <section key={plan.id} className={styles.plan} aria-labelledby={`notes-${plan.id.replace(/\W/g, '-')}`}>
                <Heading as="h2" id={`notes-${plan.id.replace(/\W/g, '-')}`}>
                  {plan.title}
                </Heading>
                {plan.days.map((day) => (
                  <article key={day.day} className={styles.day} data-notes-day={`${plan.id}#${day.day}`}>
                    <Heading as="h3" className={styles.dayTitle}>
                      {day.to ? <Link to={day.to}>{day.title}</Link> : day.title}
                    </Heading>
                    {day.notes.map((note) => (
                      <div key={note.label} className={styles.note}>
                        <p className={styles.noteLabel}>{note.label}</p>
                        <p className={styles.noteText}>{note.text}</p>
                      </div>
                    ))}
                  </article>
                ))}
              </section>
            ))}
          </>
        )}
        {isBrowser && <DetachedRecords show="notes" />}
        {isBrowser && <OrphanedPlans />}
      </main>
    </Layout>
  );
}
