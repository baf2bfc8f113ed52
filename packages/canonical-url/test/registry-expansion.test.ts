import { describe, expect, it } from 'vitest';
import { PLATFORM_DISPLAY, PLATFORMS } from '../src/index.js';

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

describe('the platform registry written out', () => {
  it('gives every platform row and display name field for field as test/fixtures/registry-expanded.json pins them', async () => {
    // The rows are written compactly in src/platforms.ts and src/display.ts (shared lists, defaults);
    // PLATFORMS and PLATFORM_DISPLAY are what users read. A change of fact updates the file (`vitest run -u`) in the same commit, so
    // the diff shows it; a change of layout must leave it as it is.
    await expect(pinnedText({ PLATFORMS, PLATFORM_DISPLAY })).toMatchFileSnapshot(
      './fixtures/registry-expanded.json',
    );
  });
});
