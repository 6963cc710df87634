import {render} from '@testing-library/react';
import {domNestingWarning} from './support/domNesting';

describe("React's warnings about HTML nesting", () => {
  it('are recognised, so the unit tests fail on markup a browser would parse into another tree', () => {
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => logged.push(args));
    render(
      <ul>
        <li>
          <div>
            <li>A bullet outside a list</li>
          </div>
        </li>
      </ul>,
    );
    spy.mockRestore();
    expect(logged.map(domNestingWarning).filter(Boolean)).toEqual(expect.arrayContaining([expect.stringContaining('<li> cannot be a descendant of <li>')]));
  });

  it('and other errors are not taken for them', () => {
    expect(domNestingWarning(['Warning: Each child in a list should have a unique "key" prop.'])).toBeNull();
    expect(domNestingWarning([new Error('In HTML, anything')])).toBeNull();
  });
});
