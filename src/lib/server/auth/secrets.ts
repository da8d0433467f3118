import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';

/** argon2id (the library's default algorithm) with its recommended memory and time costs. */
export const passwordHasher = {
	hash: (password: string): Promise<string> => hash(password),
	verify: (passwordHash: string, password: string): Promise<boolean> => verify(passwordHash, password).catch(() => false)
};

export type PasswordHasher = typeof passwordHasher;

/** A session token: 256 random bits, sent to the browser once; the server keeps only its hash. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
