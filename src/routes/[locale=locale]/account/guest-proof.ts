import { localDatabase } from '$lib/storage/database';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { uuidV7Generator } from '$lib/utils/ids';

/**
 * This device's guest learner, with the proof the server asks for before an account may adopt it. The device
 * enrols (or re-confirms) first, claiming the guest id it made.
 */
export async function guestProof(): Promise<{ learnerId: string; deviceId: string; deviceSecret: string } | undefined> {
	const newId = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
	const identity = await ensureLocalIdentity(createSettingsRepo(localDatabase()), newId);
	try {
		const response = await fetch('/api/devices/enrol', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ deviceId: identity.deviceId, secret: identity.deviceSecret, learnerIds: [identity.learnerId] })
		});
		const body = (await response.json()) as { claimed?: string[] };
		if (!response.ok || !body.claimed?.includes(identity.learnerId)) return undefined;
	} catch {
		return undefined;
	}
	return { learnerId: identity.learnerId, deviceId: identity.deviceId, deviceSecret: identity.deviceSecret };
}
