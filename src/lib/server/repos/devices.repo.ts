import { eq, inArray } from 'drizzle-orm';
import type { TazaDatabase } from '../db/connection';
import { accounts, devices, guestLearners, personAliases } from '../db/schema';

export function createDevicesRepo(db: TazaDatabase) {
	return {
		async find(deviceId: string): Promise<{ id: string; secretHash: string } | undefined> {
			return db.select({ id: devices.id, secretHash: devices.secretHash }).from(devices).where(eq(devices.id, deviceId)).get();
		},

		/**
		 * Enrols a new device, then claims for it the guest learner ids no other device claimed first.
		 * Returns the ids this device now holds and those another device holds.
		 */
		async enrol(input: { deviceId: string; secretHash: string; learnerIds: string[]; at: string }): Promise<{ claimed: string[]; refused: string[] }> {
			return db.transaction((tx) => {
				tx.insert(devices).values({ id: input.deviceId, secretHash: input.secretHash, enrolledAt: input.at }).onConflictDoNothing().run();
				for (const learnerId of input.learnerIds) {
					tx.insert(guestLearners).values({ learnerId, deviceId: input.deviceId, claimedAt: input.at }).onConflictDoNothing().run();
				}
				const owners = input.learnerIds.length
					? tx.select().from(guestLearners).where(inArray(guestLearners.learnerId, input.learnerIds)).all()
					: [];
				const claimed = owners.filter((owner) => owner.deviceId === input.deviceId).map((owner) => owner.learnerId);
				return { claimed, refused: input.learnerIds.filter((id) => !claimed.includes(id)) };
			});
		},

		async guestOwner(learnerId: string): Promise<string | undefined> {
			return db.select({ deviceId: guestLearners.deviceId }).from(guestLearners).where(eq(guestLearners.learnerId, learnerId)).get()?.deviceId;
		},

		async accountHoldsPerson(personId: string): Promise<boolean> {
			return db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId)).get() !== undefined;
		},

		async aliasFor(aliasId: string): Promise<string | undefined> {
			return db.select({ personId: personAliases.personId }).from(personAliases).where(eq(personAliases.aliasId, aliasId)).get()?.personId;
		}
	};
}

export type DevicesRepo = ReturnType<typeof createDevicesRepo>;
