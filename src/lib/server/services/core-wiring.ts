// The services that need no content build: accounts, sessions, devices, memberships. Scripts (admin:create) run under
// tsx, where the build's virtual modules do not exist, so they take services from here; wiring.ts re-exports these.
import { randomUUID } from 'node:crypto';
import { hashToken, newToken, passwordHasher } from '../auth/secrets';
import { getDatabase } from '../db';
import { createAccountsRepo } from '../repos/accounts.repo';
import { createDevicesRepo } from '../repos/devices.repo';
import { createMembershipsRepo } from '../repos/memberships.repo';
import { createAuthService } from './auth.service';
import { createDevicesService } from './devices.service';

/** Accounts and sessions. */
export function authService() {
	const { db } = getDatabase();
	return createAuthService({
		accounts: createAccountsRepo(db),
		devices: createDevicesRepo(db),
		classes: createMembershipsRepo(db),
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

export function membershipsRepo() {
	return createMembershipsRepo(getDatabase().db);
}
