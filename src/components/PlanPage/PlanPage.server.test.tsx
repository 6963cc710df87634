// @vitest-environment node
import {renderToString} from 'react-dom/server';
import {pagePlanOf} from '@site/tests/unit/support/planPage';
import PlanPage from '@site/src/components/PlanPage';
import VariantToggle from '@site/src/components/VariantToggle';
import WeekOverview from '@site/src/components/WeekOverview';
import DayTime from '@site/src/components/DayTime';
import PlanDay from '@site/src/components/PlanDay';
import DayToolbar from '@site/src/components/DayToolbar';
import VariantSection from '@site/src/components/VariantSection';
import PlanItem from '@site/src/components/PlanItem';
import PlanSession from '@site/src/components/PlanSession';
import IntensiveOverview from '@site/src/components/IntensiveOverview';

// Plan pages show progress totals from the plan-data plugin's global data.

/** Text without tags, so assertions read like what a reader sees. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('server render (no window)', () => {
  it('runs in an environment without a DOM', () => {
    expect(typeof window).toBe('undefined');
  });

  it('renders a weekly day with both variants’ planned times, both sections and start buttons', () => {
    const html = renderToString(
      <PlanPage planId="weeks/week-09/go" plan={pagePlanOf('docs/weeks/week-09/go.md')}>
        <VariantToggle />
        <WeekOverview>
          <table>
            <tbody>
              <tr>
                <td>1</td>
                <td>
                  <DayTime day="1" />
                </td>
              </tr>
            </tbody>
          </table>
        </WeekOverview>
        <PlanDay day="1">
          <h2 id="day-1">Day 1 – System Design Interview Framework</h2>
          <DayToolbar day="1" />
          <VariantSection variant="4h">
            <h3>4-Hour Plan</h3>
            <ul>
              <li>
                <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
              </li>
            </ul>
          </VariantSection>
          <VariantSection variant="6h">
            <h3>6-Hour Plan</h3>
            <ul>
              <li>
                <PlanItem itemId="d1-a1">Practice (60 min)</PlanItem>
              </li>
            </ul>
          </VariantSection>
        </PlanDay>
      </PlanPage>,
    );
    const visible = text(html);
    // Day 1 of week 09: blocks 60–75 + 60 + 60 + 30, plus a 60-minute addition in the 6-hour plan.
    // Each time is named by its variant, drawn by CSS from the attribute before the time.
    expect(html.match(/data-variant-name="4 h plan: "[^>]*>3 h 30 – 3 h 45</g)).toHaveLength(2);
    expect(html.match(/data-variant-name="6 h plan: "[^>]*>4 h 30 – 4 h 45</g)).toHaveLength(2);
    expect(html).toContain('data-variant-section="4h"');
    expect(html).toContain('data-variant-section="6h"');
    expect(visible).toContain('Added in the 6-hour plan');
    expect(visible).toContain('Start 1 h');
    // The server cannot know the stored choice: 4h is checked, the browser corrects it after hydration.
    const radios = html.match(/<input[^>]*type="radio"[^>]*>/g) ?? [];
    const checked = (value: string) => radios.filter((tag) => tag.includes(`value="${value}"`)).map((tag) => /\bchecked\b/.test(tag));
    expect(checked('4h')).toEqual([true, true]);
    expect(checked('6h')).toEqual([false, false]);
  });

  it('renders the intensive plan’s overview and session timers', () => {
    const html = renderToString(
      <PlanPage planId="intensive/senior-go-14-days" plan={pagePlanOf('docs/intensive/senior-go-14-days.md')}>
        <IntensiveOverview />
        <PlanDay day="1">
          <h2 id="day-1">Day 1: Go Fundamentals &amp; Advanced Features</h2>
          <DayToolbar day="1" />
          <PlanSession sessionId="d1-morning">
            <h3 id="day-1-morning">Morning (6 hours)</h3>
            <ul>
              <li>
                <PlanItem itemId="d1-morning-t1">Go Memory Model</PlanItem>
              </li>
            </ul>
          </PlanSession>
        </PlanDay>
      </PlanPage>,
    );
    const visible = text(html);
    expect(html.match(/<tbody>.*<\/tbody>/s)?.[0].match(/<tr/g)).toHaveLength(14);
    expect(html).toMatch(/data-label="Planned"[^>]*>14 h</);
    expect(visible).toContain('Start 6 h');
    expect(html).toContain('href="#day-14"');
  });

  it('a plan component outside a plan page fails with a message naming the cause', () => {
    expect(() => renderToString(<DayTime day="1" />)).toThrow('Plan components must be rendered inside <PlanPage>');
  });
});
