import { randomInt } from 'node:crypto';

/**
 * 64-bit keys like Zeebe's: milliseconds (41 bits) | node (10 bits, random per process) | sequence (12 bits).
 * Unique across processes sharing one database without a round trip to it.
 */
export function createKeyGenerator(now: () => number = Date.now): () => bigint {
  const node = BigInt(randomInt(1024));
  let lastMs = 0;
  let sequence = 0;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      sequence = (sequence + 1) & 0xfff;
      if (sequence === 0) ms = ++lastMs;
    } else {
      sequence = 0;
    }
    lastMs = ms;
    return (BigInt(ms) << 22n) | (node << 12n) | BigInt(sequence);
  };
}
