import { describe, expect, it } from 'vitest';
import { pinnedText } from '../../../test-utils/pinned.js';
import { APPS } from '../src/index.js';

describe('the app table written out', () => {
  it('gives every app row field for field as test/fixtures/apps-expanded.json pins it', async () => {
    // The rows are written compactly in src/apps.ts (defaults, templates without their scheme); APPS
    // is what users read. A change of fact updates the file (`vitest run -u`) in the same commit, so
    // the diff shows it; a change of layout must leave it as it is.
    await expect(pinnedText(APPS)).toMatchFileSnapshot('./fixtures/apps-expanded.json');
  });
});
