import {render, screen} from '@testing-library/react';
import ContinueCard from '@site/src/components/ContinueCard';
import {updateState} from '@site/src/store';
import {publishPlanData as publish, seedSources} from '@site/tests/unit/support/planData';
import {expectLabelInName} from '@site/tests/unit/support/labelInName';

beforeEach(() => {
  publish(seedSources);
});

describe('ContinueCard', () => {
  it('names its link by the words it shows (Label in Name)', () => {
    updateState((state) => ({...state, lastVisit: {planId: 'weeks/week-13/go', day: 3, at: 1}}));
    const {container} = render(<ContinueCard />);
    expectLabelInName(container);
  });

  it('shows nothing to a first-time reader', () => {
    const {container} = render(<ContinueCard />);
    expect(container).toBeEmptyDOMElement();
  });

  it('links the last plan and day visited or ticked', () => {
    updateState((state) => ({...state, lastVisit: {planId: 'weeks/week-13/go', day: 3, at: 1}}));
    render(<ContinueCard />);
    expect(screen.getByRole('heading', {name: 'Continue where you left off'})).toBeInTheDocument();
    expect(screen.getByText('Week 13 · Go')).toBeInTheDocument();
    expect(screen.getByRole('link', {name: 'Continue with day 3'})).toHaveAttribute('href', '/weeks/week-13/go#day-3');
  });
});
