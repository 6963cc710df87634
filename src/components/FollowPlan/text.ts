import {translate} from '@docusaurus/Translate';

/** The follow button's words, the same before and after its controls load. */
export const followButtonText = (guide: boolean): string =>
  guide ? translate({id: 'follow.button.guide', message: 'Follow the 16-week guide'}) : translate({id: 'follow.button', message: 'Follow this plan'});
