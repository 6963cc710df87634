import {render, screen} from '@testing-library/react';
import PracticeIndex from '@site/src/components/PracticeIndex';
import {publishPlanData as publish, seedSources} from '@site/tests/unit/support/planData';

beforeEach(() => {
  publish(seedSources);
});

describe('PracticeIndex', () => {
  it('links every machine coding day of the weekly plans', () => {
    render(<PracticeIndex source="weeks" />);
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([1, 2, 3, 4, 6].map((day) => `/weeks/week-13/go#day-${day}`));
  });

  it('links every practice item of the 14-day plan to its session', () => {
    render(<PracticeIndex source="intensive" />);
    expect(screen.getByRole('link', {name: 'Implement a thread-safe cache with generics'})).toHaveAttribute(
      'href',
      '/intensive/senior-go-14-days#day-1-evening',
    );
  });
});
