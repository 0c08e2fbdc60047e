// The only way message-derived text reaches the screen: a text node, hidden characters made
// visible, long values cut with the whole value in the title attribute.
import { truncate, visible, type Segment } from './visible';

export function SafeText({ value, max = 200, multiline = false, className }: { value: string; max?: number; multiline?: boolean; className?: string }) {
  const shownFull = visible(value, { keepLineBreaks: multiline });
  const { shown, truncated } = truncate(shownFull, max);
  return (
    <span className={className} title={truncated ? shownFull : undefined} style={multiline ? { whiteSpace: 'pre-wrap' } : undefined}>
      {shown}
    </span>
  );
}

/** Runs of text with some highlighted (<mark>); each run made visible like SafeText. */
export function Highlighted({ segments, multiline = false }: { segments: Segment[]; multiline?: boolean }) {
  return (
    <span style={multiline ? { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } : { wordBreak: 'break-all' }}>
      {segments.map((segment, index) =>
        segment.highlight ? <mark key={index}>{visible(segment.text, { keepLineBreaks: multiline })}</mark> : <span key={index}>{visible(segment.text, { keepLineBreaks: multiline })}</span>,
      )}
    </span>
  );
}
