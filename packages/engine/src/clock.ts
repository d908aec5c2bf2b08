/**
 * The engine's clock. bpmn-elements reads the global Date for timers, so a test that needs fake time
 * fakes Date globally (vi.useFakeTimers({ toFake: ['Date'] })) and the engine follows through this default.
 */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
