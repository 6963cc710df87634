import type {LoadContext, Plugin} from '@docusaurus/types';

/** Must match the browser store's key (src/store/schema.ts) and the variant hook's attribute and parameter. */
const STORAGE_KEY = 'go-study-plans';

/**
 * Sets the 4h/6h attribute on <html> before the first paint — from `?plan=` or the stored
 * choice — so the chosen variant shows at once, without a layout shift or hydration mismatch.
 * Without JavaScript no attribute is set and both variants show.
 */
const variantHeadScript = `(function(){try{var v=new URLSearchParams(location.search).get('plan');if(v!=='4h'&&v!=='6h'){var s=JSON.parse(localStorage.getItem('${STORAGE_KEY}')||'null');v=s&&s.variant}document.documentElement.setAttribute('data-plan-variant',v==='6h'?'6h':'4h')}catch(e){document.documentElement.setAttribute('data-plan-variant','4h')}})();`;

/** The site's plan plugin: head script for the plan choice (and, later, plan data for roadmap and progress). */
export default function planDataPlugin(_context: LoadContext): Plugin {
  return {
    name: 'plan-data',
    injectHtmlTags() {
      return {headTags: [{tagName: 'script', innerHTML: variantHeadScript}]};
    },
  };
}
