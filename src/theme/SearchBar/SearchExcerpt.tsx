import type {ReactNode} from 'react';
import type {ExcerptPart} from '@site/src/lib/search';

/** An excerpt around a hit, the searched words marked; built from text runs, so page text is never parsed as HTML. */
export default function SearchExcerpt({parts, className}: {parts: readonly ExcerptPart[]; className?: string}): ReactNode {
  return (
    <span className={className}>{parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</span>
  );
}
