import type { Prisma, PrismaClient } from '@prisma/client';

type Client = PrismaClient | Prisma.TransactionClient;

/** Runs `fn` in a transaction of its own, or on the transaction `client` already is (a step's business writes). */
export function atomically<T>(client: Client, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return '$transaction' in client ? client.$transaction(fn) : fn(client);
}
