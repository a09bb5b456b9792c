interface SortHeaderProps {
  label: string;
  /** Whether the table is sorted by this column, and which way. */
  sorted: 'asc' | 'desc' | null;
  numeric?: boolean;
  onSort: () => void;
}

/** A column header that sorts its table when pressed, and tells screen readers how it is sorted. */
export function SortHeader({ label, sorted, numeric = false, onSort }: SortHeaderProps) {
  const arrow = sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '';
  return (
    <th scope="col" class={numeric ? 'num' : undefined} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
      <button type="button" class="sort-button" onClick={onSort}>
        {label}
        <span class="sort-arrow" aria-hidden="true">{arrow}</span>
      </button>
    </th>
  );
}
