export { type ComposeShareTextOptions, composeShareText } from './compose.js';
export { displayWidth } from './display-width.js';
export {
  isShareTokenError,
  MAX_TEXT_LENGTH,
  SHARE_TOKEN_ERROR_CODES,
  ShareTokenError,
  type ShareTokenErrorCode,
} from './errors.js';
export { type ParseShareTextOptions, parseShareText, type ShareMatch, type ShareRepair } from './parse.js';
export { SHARE_ROWS, type SharePlatform, type ShareRow, shareRow } from './shares.js';
export {
  type DecodedToken,
  decodeToken,
  type EncodeTokenOptions,
  encodeToken,
  type FindTokensOptions,
  findTokens,
  MAX_URL_BYTES,
  type SharekitTokenReader,
  sharekitTokens,
  type TokenMatch,
} from './token.js';
