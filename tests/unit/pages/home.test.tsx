import {render, screen, within} from '@testing-library/react';
import Home from '@site/src/pages/index';
import {publishPlanData, seedSources, weekSource} from '../support/planData';

/** The plan cards in the order the page shows them, as their link names and targets. */
function planLinks(): {name: string; href: string | null}[] {
  const list = within(screen.getByRole('region', {name: 'The plans'})).getByRole('list');
  return within(list)
    .getAllByRole('link')
    .map((link) => ({name: link.querySelector('span')?.textContent ?? '', href: link.getAttribute('href')}));
}

const startButton = () => screen.getByRole('link', {name: /^Start with Week/});

beforeEach(() => {
  publishPlanData(seedSources);
});

describe('home page', () => {
  it('lists every plan in the plan data, with its summary, and starts at the first week', () => {
    render(<Home />);
    expect(planLinks()).toEqual([
      {name: 'Week 09 · Go', href: '/weeks/week-09/go'},
      {name: 'Week 10 · Go', href: '/weeks/week-10/go'},
      {name: 'Week 11 · Go', href: '/weeks/week-11/go'},
      {name: 'Week 13 · Go', href: '/weeks/week-13/go'},
      {name: 'Intensive 14-Day Senior Golang Engineer Study Plan', href: '/intensive/senior-go-14-days'},
    ]);
    // The one-line summary is the week's first goal; the focus areas follow it.
    const week10 = screen.getByRole('link', {name: /^Week 10 · Go/});
    expect(week10).toHaveTextContent('Design Uber/Swiggy-like system. Design notification system with multiple channels.');
    expect(week10).toHaveTextContent('System Design · Backend Practice · DSA · Theory');
    expect(screen.getByRole('link', {name: /^Intensive 14-Day/})).toHaveTextContent(
      'From Go Fundamentals & Advanced Features to Interview Preparation (Coding & Behavioral).',
    );
    expect(startButton()).toHaveTextContent('Start with Week 09');
    expect(startButton()).toHaveAttribute('href', '/weeks/week-09/go');
  });

  it('shows a newly added Week 01 first and makes it the Start target, with no code change', () => {
    publishPlanData([...seedSources, weekSource(1, 'go', 'Go')]);
    render(<Home />);
    expect(planLinks()[0]).toEqual({name: 'Week 01 · Go', href: '/weeks/week-01/go'});
    expect(startButton()).toHaveTextContent('Start with Week 01');
    expect(startButton()).toHaveAttribute('href', '/weeks/week-01/go');
  });

  it('lists each track of a week by its sidebar label, written as the author wrote it', () => {
    publishPlanData([...seedSources, weekSource(9, 'python', 'Python'), weekSource(9, 'node', 'Node.js')]);
    render(<Home />);
    expect(planLinks().slice(0, 4)).toEqual([
      {name: 'Week 09 · Go', href: '/weeks/week-09/go'},
      {name: 'Week 09 · Node.js', href: '/weeks/week-09/node'},
      {name: 'Week 09 · Python', href: '/weeks/week-09/python'},
      {name: 'Week 10 · Go', href: '/weeks/week-10/go'},
    ]);
    // Start opens one page, the week's first track by file name, as the navbar's "Weekly plans" does.
    expect(startButton()).toHaveAttribute('href', '/weeks/week-09/go');
  });

  it('uses the front matter description as a week’s summary when there is one', () => {
    publishPlanData([...seedSources, weekSource(1, 'go', 'Go', 'description: Foundations of Go, from the toolchain to tests.')]);
    render(<Home />);
    expect(screen.getByRole('link', {name: /^Week 01 · Go/})).toHaveTextContent('Foundations of Go, from the toolchain to tests.');
  });

  it('offers the roadmap but no Start button while the site has no weekly plan', () => {
    publishPlanData(seedSources.filter((source) => !source.planId.startsWith('weeks/')));
    render(<Home />);
    expect(screen.queryByRole('link', {name: /^Start with Week/})).toBeNull();
    expect(screen.getByRole('link', {name: 'See the 16-week roadmap'})).toHaveAttribute('href', '/roadmap/roadmap-16-weeks');
    expect(planLinks()).toEqual([{name: 'Intensive 14-Day Senior Golang Engineer Study Plan', href: '/intensive/senior-go-14-days'}]);
  });
});
