import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { throwSites } from '../../../test-utils/throw-sites.js';
import {
  CANONICAL_URL_ERROR_CODES,
  CanonicalUrlError,
  errorClass,
  errorRecord,
  integerOption,
  isCanonicalUrlError,
  isSharekitError,
  preview,
  SharekitError,
} from './errors.js';

describe('the one error base', () => {
  it('gives every package error a code, a cause and the brand', () => {
    const cause = new TypeError('inner');
    const e = new CanonicalUrlError('invalid_url', 'expected a URL, found "x"', { cause });
    expect(e).toBeInstanceOf(SharekitError);
    expect(e).toMatchObject({ name: 'CanonicalUrlError', code: 'invalid_url', cause });
    expect(isSharekitError(e)).toBe(true);
    expect(isSharekitError(e, 'CanonicalUrlError')).toBe(true);
    expect(isSharekitError(e, 'DeepLinkError')).toBe(false);
  });

  it("takes the message of an error thrown without one from its class's code table, else the code", () => {
    const TabledError = errorClass('TabledError', { bad: 'the input is bad' });
    expect(new TabledError('bad').message).toBe('the input is bad');
    expect(new TabledError('bad', 'over 8192').message).toBe('over 8192');
    const TablelessError = errorClass<'TablelessError', 'odd'>('TablelessError', {});
    expect(new TablelessError('odd').message).toBe('odd');
    expect(new SharekitError('odd').message).toBe('odd');
    // A code that is only a property of every object is no entry of the table.
    expect(new TabledError('toString' as never).message).toBe('toString');
  });

  it('ships no message table: every CanonicalUrlError thrown passes its own message', () => {
    // CANONICAL_URL_ERROR_CODES documents the codes; the class is made without it for the size budgets.
    expect(new CanonicalUrlError('too_long').message).toBe('too_long');
    const sites = throwSites(fileURLToPath(new URL('.', import.meta.url)), 'CanonicalUrlError');
    expect(sites.length).toBeGreaterThan(20);
    expect(sites.filter((s) => s.args.length < 2)).toEqual([]);
    expect(Object.keys(CANONICAL_URL_ERROR_CODES)).toContain('too_long');
  });

  it('makes a package error class that is named, branded and told apart from the other packages by name', () => {
    const MyError = errorClass('MyError', { bad: 'the input is bad' });
    const e = new MyError('bad');
    expect(MyError.name).toBe('MyError');
    expect(e).toBeInstanceOf(MyError);
    expect(e).toBeInstanceOf(SharekitError);
    expect(e).not.toBeInstanceOf(CanonicalUrlError);
    expect(e).toMatchObject({ name: 'MyError', code: 'bad', message: 'the input is bad' });
    expect(Object.keys(e)).toEqual(['code', 'name']);
    expect(String(e)).toBe('MyError: the input is bad');
    expect(isSharekitError(e, 'MyError')).toBe(true);
    expect(isCanonicalUrlError(e)).toBe(false);
  });

  it('recognises an error of another copy of the package by its Symbol.for brand, not by instanceof', () => {
    const foreign = Object.assign(Object.create({ [Symbol.for('@sharekit/error')]: true }), {
      name: 'CanonicalUrlError',
      code: 'too_long',
    });
    expect(foreign instanceof CanonicalUrlError).toBe(false);
    expect(isCanonicalUrlError(foreign)).toBe(true);
  });

  it('does not take an unbranded error for a sharekit error, whatever its name', () => {
    const lookalike = Object.assign(new Error('x'), { name: 'CanonicalUrlError', code: 'too_long' });
    expect(isSharekitError(lookalike)).toBe(false);
    expect(isCanonicalUrlError(lookalike)).toBe(false);
    for (const value of [null, undefined, 'CanonicalUrlError', 7]) expect(isSharekitError(value)).toBe(false);
  });
});

describe('integerOption', () => {
  it('gives the fallback when the option is absent (undefined or null) and the value when it is in range', () => {
    expect(integerOption('maxHops', undefined, 5, 0, 20, CanonicalUrlError)).toBe(5);
    expect(integerOption('maxHops', null, 5, 0, 20, CanonicalUrlError)).toBe(5);
    expect(integerOption('maxHops', 20, 5, 0, 20, CanonicalUrlError)).toBe(20);
  });

  it.each([21, -1, 1.5, Number.NaN, '3'])('refuses %s with the package error', (value) => {
    expect(() => integerOption('maxHops', value, 5, 0, 20, CanonicalUrlError)).toThrowError(
      expect.objectContaining({
        name: 'CanonicalUrlError',
        code: 'invalid_option',
        message: expect.stringContaining('maxHops'),
      }),
    );
  });
});

describe('preview', () => {
  it('quotes short input and cuts long input with its length', () => {
    expect(preview('abc')).toBe('"abc"');
    expect(preview('x'.repeat(100), 4)).toBe('"xxxx"… (100 chars)');
  });

  it('records any thrown value as { code, message }: its own string code, else the fallback', () => {
    expect(errorRecord(new CanonicalUrlError('too_long', 'long'), 'x_failed')).toEqual({
      code: 'too_long',
      message: 'long',
    });
    expect(errorRecord(Object.assign(new Error('gone'), { code: 'ENOENT' }), 'x_failed')).toEqual({
      code: 'ENOENT',
      message: 'gone',
    });
    expect(errorRecord(new TypeError('bad'), 'x_failed')).toEqual({ code: 'x_failed', message: 'bad' });
    expect(errorRecord(null, 'x_failed')).toEqual({ code: 'x_failed', message: 'null' });
    expect(errorRecord({ code: 7 }, 'x_failed').code).toBe('x_failed');
  });
});
