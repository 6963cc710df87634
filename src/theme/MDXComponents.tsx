import MDXComponents from '@theme-original/MDXComponents';
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
import PlanDiagnostics from '@site/src/components/PlanDiagnostics';

/**
 * The elements the remark-plan plugin emits, registered alongside the theme's own. Components used by one page only
 * (the roadmap's week grid, the machine coding bank's index) are imported by that page, so plan pages do not carry them.
 */
export default {
  ...MDXComponents,
  PlanPage,
  VariantToggle,
  WeekOverview,
  DayTime,
  PlanDay,
  DayToolbar,
  VariantSection,
  PlanItem,
  PlanSession,
  IntensiveOverview,
  PlanDiagnostics,
};
