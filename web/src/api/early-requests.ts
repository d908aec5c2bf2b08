/**
 * GETs the first chunk sends before the app's code has arrived (a returning user's first load, docs/adr/0064): the
 * app's first `api()` call for the same address, in the same language, takes the answer instead of asking again.
 * An answer not taken within a few seconds is dropped, so a later call never gets an old one.
 */
const TAKEN_WITHIN_MS = 15_000;
const pending = new Map<string, { response: Promise<Response>; language: string; sentAt: number }>();

export function sendEarly(path: string, language: string) {
  const response = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json', 'accept-language': language } });
  response.catch(() => undefined); // a failure is the taker's to report (offline, as http.ts words it)
  pending.set(path, { response, language, sentAt: performance.now() });
}

/** The early answer for `path` in `language`, once; undefined when none was sent, or it is too old. */
export function takeEarly(path: string, language: string): Promise<Response> | undefined {
  const early = pending.get(path);
  if (!early) return undefined;
  pending.delete(path);
  return early.language === language && performance.now() - early.sentAt < TAKEN_WITHIN_MS ? early.response : undefined;
}
