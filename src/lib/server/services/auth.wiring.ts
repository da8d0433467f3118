import { randomUUID } from 'node:crypto';
import { hashToken, newToken, passwordHasher } from '../auth/secrets';
import { getDatabase } from '../db';
import { createAccountsRepo } from '../repos/accounts.repo';
import { createAuthService } from './auth.service';

/** The auth service on the process's database, with the real clock, ids and hasher. */
export function authService() {
	return createAuthService({
		accounts: createAccountsRepo(getDatabase().db),
		hasher: passwordHasher,
		newId: randomUUID,
		newToken,
		hashToken,
		now: () => new Date()
	});
}
