import { describe, expect, it } from 'vitest';
import { APPS } from '../src/index.js';

/** JSON with every object's keys sorted and patterns written as `/source/flags`: a stable text to pin. */
function pinnedText(value: unknown): string {
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

describe('the app table written out', () => {
  it('gives every app row field for field as test/fixtures/apps-expanded.json pins it', async () => {
    // The rows are written compactly in src/apps.ts (defaults, templates without their scheme); APPS
    // is what users read. A change of fact updates the file (`vitest run -u`) in the same commit, so
    // the diff shows it; a change of layout must leave it as it is.
    await expect(pinnedText(APPS)).toMatchFileSnapshot('./fixtures/apps-expanded.json');
  });
});
