import type {GlobalData} from '@docusaurus/types';

/** Empty by default: a test that needs plugin data supplies it with `vi.mock('@generated/globalData', …)`. */
const globalData: GlobalData = {};
export default globalData;
