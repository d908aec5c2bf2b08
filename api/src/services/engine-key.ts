const MAX_KEY = 2n ** 63n - 1n;

/** Whether `key` can name an engine entity (task, incident): a key is a positive 64-bit integer on both adapters. */
export function isEngineKey(key: string): boolean {
  return /^\d{1,19}$/.test(key) && BigInt(key) <= MAX_KEY;
}
