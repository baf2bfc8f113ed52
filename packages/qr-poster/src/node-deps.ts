// The native module of the Node entry — sharp (image decoding, PNG encoding) — is an optional peer
// dependency: a browser install never downloads it, and a Node user installs it beside the package.
// Native modules are loaded here, on first use, never by a static import.
import { createRequire } from 'node:module';
import { QrPosterError } from './errors.js';

/** The optional peer dependencies, with what needs each. */
export const OPTIONAL_PEERS = {
  sharp: 'decoding JPEG, WebP and GIF bytes, and PNG posters (photos, logos, PNG encoding)',
} as const;

export type OptionalPeer = keyof typeof OPTIONAL_PEERS;

const require = createRequire(import.meta.url);
const cache = new Map<OptionalPeer, unknown>();

/**
 * Loads an optional peer dependency (synchronously, once), or throws `missing_dependency` naming the
 * package to install.
 * @example
 * const sharp = loadOptional<typeof import('sharp')>('sharp');
 */
export function loadOptional<T>(name: OptionalPeer): T {
  if (cache.has(name)) return cache.get(name) as T;
  let module: unknown;
  try {
    module = require(name);
  } catch (cause) {
    const notInstalled =
      (cause as NodeJS.ErrnoException)?.code === 'MODULE_NOT_FOUND' && String(cause).includes(name);
    throw new QrPosterError(
      'missing_dependency',
      notInstalled
        ? `${OPTIONAL_PEERS[name]} needs ${name}, an optional peer dependency: npm install ${name}`
        : `${name} is installed but cannot be loaded on this platform (${String(cause).slice(0, 160)})`,
      { cause },
    );
  }
  cache.set(name, module);
  return module as T;
}
