import { describe, expect, it } from 'vitest';
import * as core from './core.js';
import * as main from './index.js';

describe('the core subpath', () => {
  it('exports everything the main entry does except short-link following and address ranges', () => {
    const network = ['MAX_HOPS', 'addressRange', 'isPublicAddress', 'resolveShortLink', 'targetProblem'];
    expect(
      Object.keys(main)
        .filter((name) => !(name in core))
        .sort(),
    ).toEqual(network);
    // The same values (one error class, one registry), not copies.
    const coreEntries = new Map(Object.entries(core));
    for (const [name, value] of Object.entries(main))
      if (coreEntries.has(name)) expect(coreEntries.get(name)).toBe(value);
  });
});
