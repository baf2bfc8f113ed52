import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { throwSites } from '../../../test-utils/throw-sites.js';
import { DEEP_LINK_ERROR_CODES, DeepLinkError, parseAppLink } from '../src/index.js';

describe('DeepLinkError without its message table', () => {
  it('is thrown with its own message at every throw site', () => {
    const sites = throwSites(fileURLToPath(new URL('../src', import.meta.url)), 'DeepLinkError');
    expect(sites.length).toBeGreaterThan(20);
    expect(sites.filter((s) => s.args.length < 2)).toEqual([]);
  });

  it('says what was expected when an input is bad, not only its code', () => {
    let error: unknown;
    try {
      parseAppLink(42 as unknown as string);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeepLinkError);
    expect((error as DeepLinkError).code).toBe('invalid_input');
    expect((error as DeepLinkError).message).not.toBe('invalid_input');
  });

  it('names its code as the message when thrown without one, the table still documenting the codes', () => {
    expect(new DeepLinkError('too_deep').message).toBe('too_deep');
    expect(DEEP_LINK_ERROR_CODES.too_deep).toBe('wrappers are nested deeper than the depth limit');
  });
});
