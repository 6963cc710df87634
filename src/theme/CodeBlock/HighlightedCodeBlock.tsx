import type {ComponentType} from 'react';
import {Prism} from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';
import OriginalCodeBlock from '@theme-original/CodeBlock';
import type {Props} from '@theme/CodeBlock';

// What the classic theme's client module did on every page (see plugins/bundle-shaping),
// done once, by the first code block.
prismIncludeLanguages(Prism);

/** `@theme-original/*` modules are untyped; this one takes the theme's CodeBlock props. */
const HighlightedCodeBlock: ComponentType<Props> = OriginalCodeBlock;
export default HighlightedCodeBlock;
