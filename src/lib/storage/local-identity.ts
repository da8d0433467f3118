import type { SettingsRepo } from './settings.repo';

export interface LocalIdentity {
	/** This browser profile's id: events name the device they were made on. */
	deviceId: string;
	/** The guest learner made on first use; an account adopts it later, so nothing done as a guest is lost. */
	learnerId: string;
	/** Made here and never shown: proves to the server that this device made its guest learner. */
	deviceSecret: string;
}

/** 256 random bits, base64url. */
export function newDeviceSecret(randomBytes: (length: number) => Uint8Array): string {
	return btoa(String.fromCharCode(...randomBytes(32)))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

/** Reads this device's identity, creating it on first use. */
export async function ensureLocalIdentity(
	settings: SettingsRepo,
	newId: () => string,
	newSecret: () => string = () => newDeviceSecret((length) => crypto.getRandomValues(new Uint8Array(length)))
): Promise<LocalIdentity> {
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
	let deviceSecret = await settings.get<string>('device.secret');
	if (!deviceSecret) {
		deviceSecret = newSecret();
		await settings.set('device.secret', deviceSecret);
	}
	return { deviceId, learnerId, deviceSecret };
}
