import { z } from 'zod';
import { labels } from './labels';
import { DEFAULT_LOCALE, formatMessage, type Locale, type MessageParams } from './messages';

/** What a domain rule can refuse; callers switch on `code` (NO_RECIPIENT is also the BPMN error code). */
export const DOMAIN_ERROR_CODES = ['UNIT_NOT_FOUND', 'NO_RECIPIENT', 'AMBIGUOUS_RECIPIENT', 'ORG_TREE_CYCLE', 'INVALID_CANDIDATE_GROUP'] as const;
export const domainErrorCodeSchema = z.enum(DOMAIN_ERROR_CODES);
export type DomainErrorCode = z.infer<typeof domainErrorCodeSchema>;

/**
 * A broken domain rule (not a bug): a code, its parameters, and the message in Chinese;
 * `messageIn('en')` gives it in English. A `recipient` parameter is a recipient role key.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    readonly params: MessageParams = {},
  ) {
    super(describe(code, params, DEFAULT_LOCALE));
  }

  messageIn(locale: Locale): string {
    return describe(this.code, this.params, locale);
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

function describe(code: DomainErrorCode, params: MessageParams, locale: Locale): string {
  const recipients: Record<string, string> = labels[locale].recipientRole;
  const recipient = typeof params.recipient === 'string' ? (recipients[params.recipient] ?? params.recipient) : params.recipient;
  return formatMessage(locale, `domain.${code}`, recipient === undefined ? params : { ...params, recipient });
}
