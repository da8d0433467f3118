import { localDatabase } from '$lib/storage/database';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { uuidV7Generator } from '$lib/utils/ids';

export interface GuestProof {
	learnerId: string;
	deviceId: string;
	deviceSecret: string;
}

/**
 * A guest profile of this device, with the proof the server asks for before an account may take it over. The device
 * enrols (or re-confirms) first, claiming the guest id it made. Undefined when the claim fails: the sign-in then goes
 * ahead without the guest, which stays a guest on this device.
 */
export async function guestProof(guestId: string | undefined): Promise<GuestProof | undefined> {
	if (!guestId) return undefined;
	const newId = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
	const identity = await ensureLocalIdentity(createSettingsRepo(localDatabase()), newId);
	try {
		const response = await fetch('/api/devices/enrol', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			credentials: 'omit',
			body: JSON.stringify({ deviceId: identity.deviceId, secret: identity.deviceSecret, learnerIds: [guestId] })
		});
		const body = (await response.json()) as { claimed?: string[] };
		if (!response.ok || !body.claimed?.includes(guestId)) return undefined;
	} catch {
		return undefined;
	}
	return { learnerId: guestId, deviceId: identity.deviceId, deviceSecret: identity.deviceSecret };
}
