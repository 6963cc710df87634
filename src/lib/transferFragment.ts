/**
 * The fragment's name: `#move=<format>.<data>`. Kept apart from the store's link code (src/store/transfer.ts) so every
 * page (src/theme/Root.tsx) can spot such a link without loading the store.
 */
export const TRANSFER_PARAM = 'move';

/** True when a URL fragment (with or without `#`) is a "Move my progress" link. */
export function isTransferFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(`${TRANSFER_PARAM}=`);
}
