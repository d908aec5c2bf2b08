import dayjs from 'dayjs';
import { useEffect, useState } from 'react';

/** 2026-11-22 08:30 in the browser's time zone; '—' when absent. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The current time, re-rendered every `intervalMs` (one timer for a whole list of countdowns). */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** What is left until `due` (negative: overdue), split for display. */
export function timeLeft(due: string, now: number): { overdue: boolean; days: number; hours: number; minutes: number; seconds: number } {
  const ms = new Date(due).getTime() - now;
  const abs = Math.abs(ms);
  return {
    overdue: ms < 0,
    days: Math.floor(abs / 86_400_000),
    hours: Math.floor((abs % 86_400_000) / 3_600_000),
    minutes: Math.floor((abs % 3_600_000) / 60_000),
    seconds: Math.floor((abs % 60_000) / 1_000),
  };
}
