import type { SeminarKitRow, SeminarRegistrationRow, TazaLocalDatabase } from './database';

/** A person registered on this device, as the page asks for it; the repository adds who, when and the queue state. */
export type RegistrationDraft = Pick<SeminarRegistrationRow, 'seminarId' | 'personId' | 'displayName' | 'schoolCode' | 'provisional'>;

/**
 * Seminars on a trainer's device (database version 6): the kits kept for offline use and the people registered here.
 * A registration is queued until the server answers 200 for it (`markSent`); it stays for the roster after that.
 * Registering the same person twice changes nothing: the first registration stands (it is idempotent, like the server).
 */
export function createSeminarsRepo<Kit = unknown>(db: TazaLocalDatabase, now: () => Date = () => new Date()) {
	return {
		async saveKit(seminarId: string, trainerId: string, kit: Kit): Promise<void> {
			await db.seminarKits.put({ seminarId, trainerId, savedAt: now().toISOString(), kit });
		},

		async kit(seminarId: string): Promise<SeminarKitRow<Kit> | undefined> {
			return (await db.seminarKits.get(seminarId)) as SeminarKitRow<Kit> | undefined;
		},

		/** The kits a trainer profile prepared, for "my seminars" with no signal. */
		async kitsOf(trainerId: string): Promise<SeminarKitRow<Kit>[]> {
			return (await db.seminarKits.filter((row) => row.trainerId === trainerId).toArray()) as SeminarKitRow<Kit>[];
		},

		/** Registers a person for the roster and queues them for the server; false when they were already registered here. */
		async register(trainerId: string, draft: RegistrationDraft): Promise<boolean> {
			return db.transaction('rw', db.seminarRegistrations, async () => {
				if (await db.seminarRegistrations.get([draft.seminarId, draft.personId])) return false;
				await db.seminarRegistrations.add({ ...draft, trainerId, registeredAt: now().toISOString(), sentAt: null });
				return true;
			});
		},

		registrations(seminarId: string): Promise<SeminarRegistrationRow[]> {
			return db.seminarRegistrations.where('seminarId').equals(seminarId).toArray();
		},

		/** What still waits for the server, for the trainer profiles whose token sends it, oldest first. */
		async queued(trainerIds: readonly string[]): Promise<SeminarRegistrationRow[]> {
			const rows = await db.seminarRegistrations.where('trainerId').anyOf([...trainerIds]).filter((row) => row.sentAt === null).toArray();
			return rows.sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
		},

		/** The server answered 200 and registered these people: they leave the queue, not the roster. */
		async markSent(seminarId: string, personIds: readonly string[]): Promise<void> {
			const sentAt = now().toISOString();
			await db.transaction('rw', db.seminarRegistrations, async () => {
				for (const personId of personIds) await db.seminarRegistrations.update([seminarId, personId], { sentAt });
			});
		}
	};
}

export type SeminarsRepo<Kit = unknown> = ReturnType<typeof createSeminarsRepo<Kit>>;
