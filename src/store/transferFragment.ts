/** The fragment's name: `#move=<format>.<data>`. Kept apart so every page can spot such a link without loading the rest. */
export const TRANSFER_PARAM = 'move';

/** True when a URL fragment (with or without `#`) is a "Move my progress" link. */
export function isTransferFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(`${TRANSFER_PARAM}=`);
}
