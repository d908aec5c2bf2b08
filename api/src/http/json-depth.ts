/** The deepest nesting of arrays and objects a request body may have: reports nest three levels; 32 leaves room. */
export const MAX_JSON_DEPTH = 32;

/** What body-parser reports when `verify` throws it: the problem middleware answers 400 NESTED_TOO_DEEP. */
export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  constructor(readonly limit: number) {
    super(`JSON nested deeper than ${limit} levels`);
  }
}

/**
 * How deeply the JSON text in `bytes` nests, counted in one pass over its bytes (no recursion, no parse), stopping as
 * soon as `limit` is passed. Brackets inside strings do not count. Run before JSON.parse and before anything that walks
 * the parsed value recursively (zod, the storability check), which a body of thousands of levels would overflow.
 */
export function jsonDepthExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++; // a backslash escapes the next byte (\" or \\); multi-byte UTF-8 never contains 0x22 or 0x5c
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** express.json's `verify` hook: refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed. */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) throw new JsonTooDeepError(MAX_JSON_DEPTH);
}
