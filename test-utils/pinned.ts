/**
 * A table as pinned text: JSON with every object's keys sorted and patterns written as
 * `/source/flags`, so a file snapshot of it changes only when a fact does (not when a table's layout
 * or key order does). Used by the registry and app-table expansion pins.
 */
export function pinnedText(value: unknown): string {
  return `${JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    },
    2,
  )}\n`;
}
