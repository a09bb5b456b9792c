import { Notice } from '../ui/Notice';

/** A refused import: the sentence saying nothing changed, then one line per problem. */
export function RefusedFile({ title, lines }: { title: string; lines: readonly string[] }) {
  return (
    <Notice tone="error">
      <p><strong>{title}</strong></p>
      <ul class="problems">{lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
    </Notice>
  );
}
