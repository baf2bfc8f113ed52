/**
 * share-token reads links with canonical-url's one link scanner, `scanShareLinks` (its share-text
 * reading: a link is printable ASCII, `http(s)` or a scheme-less known host; Markdown, `\_` escapes and
 * links wrapped before `?`/`&` repaired — see `scanLinks` for where it differs from free text and why).
 * These are its names here.
 */
import type { LinkRepair, ScannedLink } from '@sharekit/canonical-url/core';

/** A link found in the normalised text. */
export type UrlHit = ScannedLink;
/** What the scanner undid to read a link. */
export type UrlRepair = LinkRepair;
