import type { ElementDuration } from '@kuaibao/domain';

/** The heat map's colours, coolest first (a sequential scale readable on the diagram's white). */
export const HEAT_COLOURS = ['#fff7bc', '#fee391', '#fec44f', '#fe9929', '#d95f0e'] as const;

export interface HeatLevels {
  /** Level (index into HEAT_COLOURS) per element with completed instances. */
  levelOf: Map<string, number>;
  /** The p95 at the lower edge of each level (ms), for the legend. */
  bounds: number[];
}

/**
 * Buckets the elements by p95 on a log scale between the fastest and the slowest: a service task takes milliseconds,
 * a person hours, and a linear scale would paint every automatic step the same.
 */
export function heatLevels(elements: readonly ElementDuration[]): HeatLevels {
  const measured = elements.filter((e) => e.completed > 0);
  const levelOf = new Map<string, number>();
  if (measured.length === 0) return { levelOf, bounds: [] };
  const logs = measured.map((e) => Math.log10(Math.max(1, e.p95Ms)));
  const [low, high] = [Math.min(...logs), Math.max(...logs)];
  const steps = HEAT_COLOURS.length;
  const span = high - low;
  measured.forEach((e, i) => levelOf.set(e.elementId, span === 0 ? steps - 1 : Math.min(steps - 1, Math.floor(((logs[i]! - low) / span) * steps))));
  const bounds = span === 0 ? [10 ** low] : HEAT_COLOURS.map((_, level) => Math.round(10 ** (low + (span * level) / steps)));
  return { levelOf, bounds };
}
