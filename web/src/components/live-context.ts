import { createContext, useContext } from 'react';
import type { LiveState } from '../api/live-events';

/** Whether the live event stream is connected (shown on the inbox). */
export const LiveContext = createContext<LiveState>('connecting');
export const useLiveState = () => useContext(LiveContext);
