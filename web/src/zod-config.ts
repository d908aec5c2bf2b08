// zod's core only: importing `z` here put all of zod (~96 KB) in the first chunk, which the login page does not use
import { config } from 'zod/v4/core';

/**
 * Before any schema is built (main.tsx imports this first): zod compiles object checks with `new Function` unless told not to,
 * and its probe for that alone is an eval the Content-Security-Policy refuses (script-src 'self', docs/adr/0025), reported as
 * a violation on every page. Interpreted checks are fast enough for forms.
 */
config({ jitless: true });
