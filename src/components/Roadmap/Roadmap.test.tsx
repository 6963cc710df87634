import {act, render, screen, within} from '@testing-library/react';
import Roadmap from '@site/src/components/Roadmap';
import {updateState} from '@site/src/store';
import {seedPlans} from '@site/tests/support/seeds';
import {expectLabelInName} from '@site/tests/unit/support/labelInName';
import {publishPlanData as publish, seedSources, weekSource} from '@site/tests/unit/support/planData';

const card = (week: number) => document.querySelector<HTMLElement>(`[data-week="${week}"]`)!;

beforeEach(() => {
  publish(seedSources);
});

describe('Roadmap', () => {
  it('names every link by the words it shows (Label in Name)', () => {
    const {container} = render(
      <>
        <Roadmap />
        <Roadmap section="intensive" />
      </>,
    );
    expectLabelInName(container);
  });

  it('shows weeks 1–16: present weeks with focus, track link and hours; missing ones open for contribution', () => {
    render(<Roadmap />);
    expect(screen.getAllByRole('listitem').filter((item) => item.hasAttribute('data-week'))).toHaveLength(16);
    const week9 = within(card(9));
    expect(week9.getByRole('link', {name: 'Week 09'})).toHaveAttribute('href', '/weeks/week-09/go');
    expect(week9.getByRole('link', {name: 'Go'})).toHaveAttribute('href', '/weeks/week-09/go');
    expect(
      within(week9.getByRole('list', {name: 'Focus'}))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['System Design', 'Backend Practice', 'DSA', 'Theory']);
    expect(card(9)).toHaveTextContent('4 h plan: 22 h – 24 h 45');
    expect(card(12)).toHaveAttribute('data-status', 'missing');
    expect(card(12)).toHaveTextContent('Open for contribution');
    expect(within(card(12)).getByText('npm run new-week -- --week 12 --track go').tagName).toBe('CODE');
  });

  it('shows the reader’s progress per week', () => {
    updateState((state) => ({...state, progress: {'weeks/week-13/go': {'d1-b1': 1, 'd1-b2': 2, 'd1-a1': 3}}}));
    render(<Roadmap />);
    expect(within(card(13)).getByRole('progressbar', {name: 'Week 13 · Go (4 h plan) progress'})).toHaveAttribute('aria-valuenow', '2');
    // One bar, the chosen plan's: with the 6-hour plan chosen, it counts the addition too.
    expect(within(card(13)).queryByRole('progressbar', {name: 'Week 13 · Go (6 h plan) progress'})).toBeNull();
    act(() => updateState((state) => ({...state, variant: '6h'})));
    expect(within(card(13)).getByRole('progressbar', {name: 'Week 13 · Go (6 h plan) progress'})).toHaveAttribute('aria-valuenow', '3');
    expect(within(card(13)).getByText(/^3\/\d+ done$/)).toBeVisible();
  });

  it('lists a week as soon as its plan file exists, with no other change', () => {
    const week14 = {...seedSources[3]!, planId: 'weeks/week-14/go', permalink: '/weeks/week-14/go'};
    render(<Roadmap />);
    expect(card(14)).toHaveAttribute('data-status', 'missing');
    act(() => publish([...seedSources, week14]));
    const {unmount} = render(<Roadmap />);
    const cards = document.querySelectorAll<HTMLElement>('[data-week="14"]');
    expect(cards[cards.length - 1]).toHaveAttribute('data-status', 'present');
    expect(within(cards[cards.length - 1]!).getByRole('link', {name: 'Week 14'})).toHaveAttribute('href', '/weeks/week-14/go');
    unmount();
  });

  it('names each track of a week by its sidebar label, with its own hours and progress', () => {
    publish([...seedSources, weekSource(9, 'node', 'Node.js')]);
    render(<Roadmap />);
    const week9 = within(card(9));
    expect(week9.getByRole('link', {name: 'Node.js'})).toHaveAttribute('href', '/weeks/week-09/node');
    expect(week9.getByRole('link', {name: 'Go'})).toHaveAttribute('href', '/weeks/week-09/go');
    expect(week9.getByRole('progressbar', {name: 'Week 09 · Node.js (4 h plan) progress'})).toBeInTheDocument();
    expect(week9.getByRole('progressbar', {name: 'Week 09 · Go (4 h plan) progress'})).toBeInTheDocument();
    expect(card(9).textContent?.match(/4 h plan: 22 h – 24 h 45/g)).toHaveLength(2);
  });

  it('shows the 14-day plan as its own plan with day links and progress', () => {
    updateState((state) => ({...state, progress: {'intensive/senior-go-14-days': {'d1-morning-t1': 1}}}));
    render(<Roadmap section="intensive" />);
    expect(screen.getByRole('link', {name: 'Day 5: Message Queues & RabbitMQ'})).toHaveAttribute('href', '/intensive/senior-go-14-days#day-5');
    expect(screen.getByRole('progressbar', {name: `${seedPlans[4]!.title} · Day 1 progress`})).toHaveAttribute('aria-valuetext', '1/7 done');
  });
});
