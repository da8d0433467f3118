import type { SettingsRepo } from './settings.repo';

/** This device. Who learns on it is a profile (`profiles.repo.ts`); the first is a guest, which an account may adopt. */
export interface LocalIdentity {
	/** This browser profile's id: events name the device they were made on. */
	deviceId: string;
	/** Made here and never shown: proves to the server that this device made its guest learners. */
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
	let deviceSecret = await settings.get<string>('device.secret');
	if (!deviceSecret) {
		deviceSecret = newSecret();
		await settings.set('device.secret', deviceSecret);
	}
	return { deviceId, deviceSecret };
}
