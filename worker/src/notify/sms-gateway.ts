/**
 * The SMS gateway: the edge of the world. Production plugs in the provider's client (政务短信平台);
 * development and tests use the in-memory gateway, which records what would have been sent.
 */
export interface SmsGateway {
  /** Sends one text; resolves with the provider's message reference, rejects when the provider refuses. */
  send(message: { phone: string; text: string }): Promise<{ ref: string }>;
}

export interface SentSms {
  phone: string;
  text: string;
  ref: string;
  at: Date;
}

/** Keeps every message in `sent`, in order. */
export class InMemorySmsGateway implements SmsGateway {
  readonly sent: SentSms[] = [];

  async send(message: { phone: string; text: string }): Promise<{ ref: string }> {
    const ref = `mem-${this.sent.length + 1}`;
    this.sent.push({ ...message, ref, at: new Date() });
    return { ref };
  }
}
