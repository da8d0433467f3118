import type { DevicesRepo } from '../repos/devices.repo';

export interface DevicesDependencies {
	devices: DevicesRepo;
	hashSecret: (secret: string) => string;
	now: () => Date;
}

export type EnrolResult = { ok: true; claimed: string[]; refused: string[] } | { ok: false; code: 'device-secret-mismatch' };

/** A device introduces itself with a secret it made; later requests in its name must know that secret. */
export function createDevicesService(deps: DevicesDependencies) {
	return {
		async enrol(input: { deviceId: string; secret: string; learnerIds: string[] }): Promise<EnrolResult> {
			const secretHash = deps.hashSecret(input.secret);
			const known = await deps.devices.find(input.deviceId);
			if (known && known.secretHash !== secretHash) return { ok: false, code: 'device-secret-mismatch' };
			const result = await deps.devices.enrol({ deviceId: input.deviceId, secretHash, learnerIds: input.learnerIds, at: deps.now().toISOString() });
			return { ok: true, ...result };
		}
	};
}

export type DevicesService = ReturnType<typeof createDevicesService>;
