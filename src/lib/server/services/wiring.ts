// Where services meet the real world: the process database, the clock, ids, randomness and the password hasher.
// Handlers and scripts take services from here; tests build them with their own dependencies instead.
import { randomUUID } from 'node:crypto';
import { hashToken, newToken, passwordHasher } from '../auth/secrets';
import { getDatabase } from '../db';
import { readServerConfig } from '../config';
import { createAccountsRepo } from '../repos/accounts.repo';
import { createAppMetaRepo } from '../repos/app-meta.repo';
import { createMembershipsRepo } from '../repos/memberships.repo';
import { createDevicesRepo } from '../repos/devices.repo';
import { createAuthService } from './auth.service';
import { createClassesService } from './classes.service';
import { seedDemoDataOnce } from './demo-data.service';
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

/** At start: the demo people, when this server is configured to have them. */
export async function seedDemoDataIfConfigured(): Promise<void> {
	if (!readServerConfig().demoData) return;
	const { db } = getDatabase();
	await seedDemoDataOnce({
		auth: authService(),
		memberships: createMembershipsRepo(db),
		meta: createAppMetaRepo(db),
		newId: randomUUID,
		now: () => new Date()
	});
}

export function membershipsRepo() {
	return createMembershipsRepo(getDatabase().db);
}

export function classesService() {
	return createClassesService({ memberships: createMembershipsRepo(getDatabase().db), newId: randomUUID, random: Math.random, now: () => new Date() });
}
