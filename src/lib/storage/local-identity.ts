import type { SettingsRepo } from './settings.repo';

export interface LocalIdentity {
	/** This browser profile's id: events name the device they were made on. */
	deviceId: string;
	/** The guest learner made on first use; an account adopts it later, so nothing done as a guest is lost. */
	learnerId: string;
}

/** Reads this device's identity, creating it on first use. */
export async function ensureLocalIdentity(settings: SettingsRepo, newId: () => string): Promise<LocalIdentity> {
	let deviceId = await settings.get<string>('device.id');
	if (!deviceId) {
		deviceId = newId();
		await settings.set('device.id', deviceId);
	}
	let learnerId = await settings.get<string>('learner.guestId');
	if (!learnerId) {
		learnerId = newId();
		await settings.set('learner.guestId', learnerId);
	}
	return { deviceId, learnerId };
}
