import { z } from 'zod';
import { fieldsFor } from './fields';
import { DEFAULT_LOCALE, type Locale } from './messages';
import type { ClockChannel } from './policy';

/** How a unit answers a 核报 request: by phone first (≤ 1 h in 000), in writing after (≤ 2 h 30 min). */
export const VERIFICATION_REPLY_CHANNELS = ['phone', 'written'] as const satisfies readonly ClockChannel[];
export type VerificationReplyChannel = (typeof VERIFICATION_REPLY_CHANNELS)[number];

const channelLabels = {
  'zh-CN': { phone: '电话反馈', written: '书面反馈' },
  en: { phone: 'By phone', written: 'In writing' },
} as const satisfies Record<Locale, Record<VerificationReplyChannel, string>>;

/** 核报 schemas with messages in `locale`: the request a duty office makes and the unit's answer. */
export function makeVerificationSchemas(locale: Locale = DEFAULT_LOCALE) {
  const f = fieldsFor(locale);
  /** 核报: what to verify, and which unit must answer. */
  const request = z.strictObject({
    question: f.text('question', 1000),
    targetUnitId: f.id('targetUnitId'),
  });
  /** 核报反馈: a written answer also satisfies the phone clock (a notice's first notice may be written). */
  const reply = z.strictObject({
    channel: f.oneOf('replyChannel', VERIFICATION_REPLY_CHANNELS, channelLabels[locale]),
    reply: f.text('reply', 4000),
  });
  return { request, reply, channelLabels: channelLabels[locale] };
}

const defaults = makeVerificationSchemas();
export const verificationRequestSchema = defaults.request;
export const verificationReplySchema = defaults.reply;
export type VerificationRequest = z.infer<typeof verificationRequestSchema>;
export type VerificationReply = z.infer<typeof verificationReplySchema>;

/** One answer as the dossier keeps it, with the clock it was measured against (the evidence of a 迟报). */
export const recordedVerificationReplySchema = z.object({
  /** The workflow step that recorded it: a re-delivered job finds it and records nothing twice. */
  key: z.string(),
  channel: z.enum(VERIFICATION_REPLY_CHANNELS),
  text: z.string(),
  repliedAt: z.string(),
  repliedBy: z.string(),
  /** The deadlines this answer met or missed: a written answer counts for the phone clock too when it came first. */
  measured: z.array(z.object({ channel: z.enum(VERIFICATION_REPLY_CHANNELS), dueAt: z.string().nullable(), late: z.boolean() })),
});
export type RecordedVerificationReply = z.infer<typeof recordedVerificationReplySchema>;

/** The content of a 核报 row in the dossier: the request as made, and the answers as they came. */
export const verificationContentSchema = verificationRequestSchema.extend({
  requestedByUnitId: z.string(),
  replies: z.array(recordedVerificationReplySchema).default([]),
});
export type VerificationContent = z.infer<typeof verificationContentSchema>;

/**
 * Which clocks an answer is measured against: a phone answer meets the phone clock; a written answer meets the
 * written clock, and the phone clock too when nothing came before it (a written first notice satisfies it, ADR 0007).
 */
export function clocksMetBy(channel: VerificationReplyChannel, earlierReplies: number): VerificationReplyChannel[] {
  if (channel === 'phone') return ['phone'];
  return earlierReplies === 0 ? ['phone', 'written'] : ['written'];
}
