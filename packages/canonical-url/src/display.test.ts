import { describe, expect, it } from 'vitest';
import {
  PLATFORM_DISPLAY,
  PLATFORM_HOMES,
  PLATFORM_IDS,
  PLATFORM_NAMES,
  PLATFORM_NAMES_ZH,
  type PlatformId,
} from './index.js';

const COLUMNS = { name: PLATFORM_NAMES, nameZh: PLATFORM_NAMES_ZH, home: PLATFORM_HOMES } as const;

describe('the display tables', () => {
  it('have one entry per platform id in each column, and PLATFORM_DISPLAY the same ids in the same order', () => {
    const ids = [...PLATFORM_IDS].sort();
    for (const column of Object.values(COLUMNS)) {
      expect(Object.keys(column).sort()).toEqual(ids);
      expect(Object.keys(column)).toEqual(Object.keys(PLATFORM_DISPLAY));
    }
  });

  it('give each PLATFORM_DISPLAY row exactly the three fields its columns hold for that platform', () => {
    for (const [id, row] of Object.entries(PLATFORM_DISPLAY)) {
      expect(row).toEqual({
        name: COLUMNS.name[id as PlatformId],
        nameZh: COLUMNS.nameZh[id as PlatformId],
        home: COLUMNS.home[id as PlatformId],
      });
    }
  });

  it('name every platform with non-empty names and an https home page ending in a slash', () => {
    for (const id of PLATFORM_IDS) {
      expect(PLATFORM_NAMES[id]).toMatch(/^\S(?:.*\S)?$/);
      expect(PLATFORM_NAMES_ZH[id]).toMatch(/^\S(?:.*\S)?$/);
      expect(PLATFORM_HOMES[id]).toMatch(/^https:\/\/[a-z0-9.-]+\/$/);
    }
  });
});
