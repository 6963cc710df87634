import {render, screen} from '@testing-library/react';
import PlanDiagnostics from './index';

const diagnostics = [
  {severity: 'error', code: 'duration-missing', message: 'Day 2, Block 3: no duration found in "(Design)".', line: 41, column: 3},
  {severity: 'warning', code: 'addition-duration-missing', message: 'Day 2: the 6-hour addition "Review" has no duration.', line: 52, column: 3},
];

describe('PlanDiagnostics', () => {
  it('names every problem with its file, line, column, severity and rule, and counts them in the title', () => {
    render(<PlanDiagnostics file="docs/weeks/week-12/go.md" diagnostics={JSON.stringify(diagnostics)} />);
    const box = screen.getByRole('note');
    expect(box).toHaveAttribute('data-admonition', 'danger');
    expect(box).toHaveTextContent('This plan has 1 error, 1 warning');
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'docs/weeks/week-12/go.md:41:3 error Day 2, Block 3: no duration found in "(Design)". duration-missing',
      'docs/weeks/week-12/go.md:52:3 warning Day 2: the 6-hour addition "Review" has no duration. addition-duration-missing',
    ]);
  });

  it('is a warning box when nothing is an error', () => {
    render(<PlanDiagnostics diagnostics={JSON.stringify(diagnostics.slice(1))} />);
    expect(screen.getByRole('note')).toHaveAttribute('data-admonition', 'warning');
    expect(screen.getByRole('note')).toHaveTextContent('This plan has 1 warning');
  });
});
