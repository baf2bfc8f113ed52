import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { throwSites } from '../../../test-utils/throw-sites.js';
import { decodeToken, SHARE_TOKEN_ERROR_CODES, ShareTokenError } from '../src/index.js';

describe('ShareTokenError without its message table', () => {
  it('is thrown with its own message at every throw site', () => {
    const sites = throwSites(fileURLToPath(new URL('../src', import.meta.url)), 'ShareTokenError');
    expect(sites.length).toBeGreaterThan(20);
    expect(sites.filter((s) => s.args.length < 2)).toEqual([]);
  });

  it('says what was expected when a token is bad, not only its code', () => {
    let message = '';
    try {
      decodeToken('V2ZZZZZ');
    } catch (e) {
      message = (e as ShareTokenError).message;
    }
    expect(message).toMatch(/^decodeToken: /);
  });

  it('names its code as the message when thrown without one, the table still documenting the codes', () => {
    expect(new ShareTokenError('too_long').message).toBe('too_long');
    expect(SHARE_TOKEN_ERROR_CODES.too_long).toBe('the input is longer than the size limit');
  });
});
