import type {GlobalData} from '@docusaurus/types';
import globalData from '@generated/globalData';

type Options = {failfast?: boolean};

/** All plugins' global data; tests put what they need into the stub with `vi.mock('@generated/globalData', …)`. */
export default function useGlobalData(): GlobalData {
  return globalData;
}

/** One plugin's data for every instance; with `failfast`, throws like the real hook when it is missing. */
export function useAllPluginInstancesData(pluginName: string, options: Options = {}): GlobalData[string] | undefined {
  const data = globalData[pluginName];
  if (!data && options.failfast) throw new Error(`Docusaurus plugin global data not found for "${pluginName}" plugin.`);
  return data;
}

/** One plugin instance's data; with `failfast`, throws like the real hook when it is missing. */
export function usePluginData(pluginName: string, pluginId = 'default', options: Options = {}): unknown {
  const data = globalData[pluginName]?.[pluginId];
  if (!data && options.failfast) {
    throw new Error(`Docusaurus plugin global data not found for "${pluginName}" plugin with id "${pluginId}".`);
  }
  return data;
}
