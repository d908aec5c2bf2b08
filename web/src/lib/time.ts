import { parseDuration } from '@kuaibao/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';

/**
 * Statutory times are Beijing time: shown in Asia/Shanghai whatever the browser's time zone, so a deadline
 * reads the same on every screen that shows it.
 */
const beijing = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
const wallOf = (at: Date) => Object.fromEntries(beijing.formatToParts(at).map((p) => [p.type, p.value])) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

/** 2026-11-22 08:30, Beijing time; '—' when absent or not a time. */
export function formatDateTime(iso: string | null | undefined): string {
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime())) return '—';
  const part = wallOf(at);
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/*
 * The date pickers show and take Beijing wall time too. A picker's value is a dayjs in the browser's zone, so
 * it carries the Beijing wall time of the instant (08:30 in Beijing is 08:30 in the picker, wherever the
 * browser is), and what is picked means that wall time in Beijing (UTC+8 all year: China keeps no summer time).
 */

/** The picker value for an instant: its Beijing wall time. */
export function beijingWall(at: string | number | Date): Dayjs {
  const part = wallOf(new Date(at));
  return dayjs(`${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}`);
}

/** The instant a picked wall time means, ISO 8601 with Beijing's offset: what the API takes. */
export function beijingInstant(wall: Dayjs): string {
  return `${wall.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
}

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

const DURATION_UNITS = {
  'zh-CN': { day: '天', hour: '小时', minute: '分钟', join: '', underMinute: '不到1分钟' },
  en: { day: ' d', hour: ' h', minute: ' min', join: ' ', underMinute: 'under 1 min' },
} as const;

/** Whole minutes as days, hours and minutes, each with its unit in `locale`, largest first. */
const inUnits = (minutes: number, locale: keyof typeof DURATION_UNITS): [number, string][] => {
  const u = DURATION_UNITS[locale];
  return [[Math.floor(minutes / 1440), u.day], [Math.floor((minutes % 1440) / 60), u.hour], [minutes % 60, u.minute]];
};

/** A policy's ISO 8601 duration as people say it (PT2H30M → 2小时30分钟 / 2 h 30 min); anything else as given. */
export function formatDuration(iso: string, locale: keyof typeof DURATION_UNITS): string {
  const ms = parseDuration(iso);
  if (ms === undefined) return iso;
  const shown = inUnits(Math.round(ms / 60_000), locale).filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`);
  const u = DURATION_UNITS[locale];
  return shown.length > 0 ? shown.join(u.join) : `0${u.minute}`;
}

/**
 * How long something has lasted, in its two largest units as people say it (3天4小时, 2小时5分钟, 12分钟 /
 * 3 d 4 h, 2 h 5 min, 12 min); 不到1分钟 / under 1 min for less (and for a clock running behind).
 */
export function formatElapsed(ms: number, locale: keyof typeof DURATION_UNITS): string {
  const u = DURATION_UNITS[locale];
  const minutes = Math.floor(ms / 60_000);
  if (!(minutes >= 1)) return u.underMinute;
  const parts = inUnits(minutes, locale);
  const largest = parts.findIndex(([n]) => n > 0);
  return parts.slice(largest, largest + 2).filter(([n], i) => i === 0 || n > 0).map(([n, unit]) => `${n}${unit}`).join(u.join);
}
