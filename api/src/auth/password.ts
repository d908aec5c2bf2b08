import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (OWASP's recommended parameters). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Compared against when the username is unknown, so timing does not reveal which usernames exist. */
export const DUMMY_HASH = await hashPassword('kuaibao-dummy-password');
