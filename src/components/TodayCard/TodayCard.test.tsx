import {render, screen} from '@testing-library/react';
import {renderToString} from 'react-dom/server';
import TodayCard from '@site/src/components/TodayCard';
import {updateState} from '@site/src/store';
import {publishPlanData as publish, seedSources} from '@site/tests/unit/support/planData';

const WEEK = 'weeks/week-10/go';
const follow = {id: 'f-1', planIds: [WEEK], start: '2026-03-02', variant: null, weekdays: [0, 1, 2, 3, 4, 5, 6], shifts: [], skipBefore: 0, catchUpBefore: 0};

beforeEach(() => {
  publish(seedSources);
  vi.useFakeTimers({toFake: ['Date']});
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TodayCard', () => {
  it('renders nothing on the server, even for a reader who follows a plan', () => {
    updateState((state) => ({...state, follows: [follow]}));
    expect(renderToString(<TodayCard />)).toBe('');
  });

  it('shows nothing to a reader who follows no plan', () => {
    const {container} = render(<TodayCard />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says which day is today and how much is overdue, then links to the Today page', () => {
    vi.setSystemTime(new Date('2026-03-04T11:00:00Z'));
    updateState((state) => ({...state, follows: [follow]}));
    render(<TodayCard />);
    expect(screen.getByRole('heading', {name: 'Today'})).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent(/^Week 10 · Go — Day 3: Notification System: Requirements & Channels · 8 items overdue$/);
    expect(screen.getByRole('link', {name: 'Open Today'})).toHaveAttribute('href', '/today');
  });

  it('before the start date: starts in N days', () => {
    vi.setSystemTime(new Date('2026-02-27T11:00:00Z'));
    updateState((state) => ({...state, follows: [follow]}));
    render(<TodayCard />);
    expect(screen.getByRole('listitem')).toHaveTextContent('Week 10 · Go — starts in 3 days');
  });
});
