import { randomUUID } from 'node:crypto';
import { hashToken, newToken, passwordHasher } from '../auth/secrets';
import { getDatabase } from '../db';
import { createAccountsRepo } from '../repos/accounts.repo';
import { createDevicesRepo } from '../repos/devices.repo';
import { createAuthService } from './auth.service';
import { createDevicesService } from './devices.service';

/** The auth service on the process's database, with the real clock, ids and hasher. */
export function authService() {
	const { db } = getDatabase();
	return createAuthService({
		accounts: createAccountsRepo(db),
		devices: createDevicesRepo(db),
		hasher: passwordHasher,
		newId: randomUUID,
		newToken,
		hashToken,
		now: () => new Date()
	});
}

export function devicesService() {
	return createDevicesService({ devices: createDevicesRepo(getDatabase().db), hashSecret: hashToken, now: () => new Date() });
}
