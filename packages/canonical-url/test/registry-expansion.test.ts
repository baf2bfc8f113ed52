import { describe, expect, it } from 'vitest';
import { pinnedText } from '../../../test-utils/pinned.js';
import { PLATFORM_DISPLAY, PLATFORMS } from '../src/index.js';

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
