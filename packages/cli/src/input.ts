// Reading what the user gave: stdin, a file or text, and telling image bytes from text.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CliError } from './errors.js';

/** Largest stdin or file the CLI reads into memory; the resolver has its own, smaller, limits. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * True for bytes that start like a PNG, JPEG, GIF, WebP or BMP file.
 * @example
 * looksLikeImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47])) // true
 */
export function looksLikeImage(bytes: Uint8Array): boolean {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return true;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return true;
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return true;
  if (b(0) === 0x42 && b(1) === 0x4d && bytes.length > 26) return true;
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  return bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
}

/**
 * Text when the bytes are valid UTF-8 and not an image, else the bytes themselves (the resolver
 * decodes images and reports unreadable ones).
 * @example
 * bytesToInput(new TextEncoder().encode('hello')) // 'hello'
 */
export function bytesToInput(bytes: Uint8Array): string | Uint8Array {
  if (looksLikeImage(bytes)) return bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return bytes;
  }
}

/** Reads an open regular file to its end, up to `max` bytes. */
function readAllFd(fd: number, what: string, max = MAX_INPUT_BYTES): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      throw new CliError('input', `cannot read ${what}: ${(error as Error).message}`, undefined, {
        cause: error,
      });
    }
    if (n === 0) break;
    total += n;
    if (total > max) throw new CliError('input', `${what} is larger than ${max / 1024 / 1024} MiB`);
    chunks.push(Uint8Array.prototype.slice.call(chunk, 0, n));
  }
  return concat(chunks, total);
}

/**
 * Reads all of stdin (a pipe, a file or a terminal until Ctrl-D), up to `max` bytes.
 * @example
 * const bytes = await readStdin()
 */
export async function readStdin(max = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > max) throw new CliError('input', `stdin is larger than ${max / 1024 / 1024} MiB`);
    chunks.push(chunk);
  }
  return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Reads a file's bytes, with a clear error for a missing file, a directory or a file too large.
 * @example
 * readFileBytes('poster.png')
 */
export function readFileBytes(path: string, max = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError('input', `cannot read ${path}: ${why}`, undefined, { cause: error });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory())
      throw new CliError(
        'input',
        `${path} is a directory`,
        'to resolve every image in it: sharekit resolve --batch <dir> -o out.jsonl',
      );
    if (stat.size > max) throw new CliError('input', `${path} is larger than ${max / 1024 / 1024} MiB`);
    return readAllFd(fd, path, max);
  } finally {
    closeSync(fd);
  }
}
