import { isCanonicalUrlError } from '../src/index.js';

/** The `code` a promise rejects with (a CanonicalUrlError's), a note when it rejects otherwise, or undefined. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return isCanonicalUrlError(error) ? error.code : `not a CanonicalUrlError: ${String(error)}`;
  }
  return undefined;
}
