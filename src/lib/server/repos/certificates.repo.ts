import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { TazaDatabase } from '../db/connection';
import { auditLog, certificates, courseSummaries, events, personDetails } from '../db/schema';
import type { AuditEntry } from './accounts.repo';

export type CertificateRecord = typeof certificates.$inferSelect;
export type CertificateKey = Pick<CertificateRecord, 'personId' | 'kind' | 'achievementId' | 'version'>;

/** Certificates, and what issuing one reads: completions, the events that show the version, the name. One transaction each. */
export function createCertificatesRepo(db: TazaDatabase) {
	const byKey = (tx: Pick<TazaDatabase, 'select'>, key: CertificateKey) =>
		tx
			.select()
			.from(certificates)
			.where(and(eq(certificates.personId, key.personId), eq(certificates.kind, key.kind), eq(certificates.achievementId, key.achievementId), eq(certificates.version, key.version)))
			.get();

	return {
		async find(key: CertificateKey): Promise<CertificateRecord | undefined> {
			return byKey(db, key);
		},

		async byId(id: string): Promise<CertificateRecord | undefined> {
			return db.select().from(certificates).where(eq(certificates.id, id)).get();
		},

		async forPerson(personId: string): Promise<CertificateRecord[]> {
			return db.select().from(certificates).where(eq(certificates.personId, personId)).orderBy(asc(certificates.issuedAt)).all();
		},

		/**
		 * Stores a new certificate with its audit entry, unless the same person already holds one for the same
		 * achievement and version: then that one is returned and nothing is written (two taps, two tabs, one certificate).
		 */
		async insertOnce(row: CertificateRecord, audit: AuditEntry, nameToKeep?: string): Promise<{ created: boolean; record: CertificateRecord }> {
			return db.transaction((tx) => {
				const existing = byKey(tx, row);
				if (existing) return { created: false, record: existing };
				// The name a person gave for their first certificate becomes their name on record (personal data, erasable).
				if (nameToKeep !== undefined) {
					tx.insert(personDetails)
						.values({ personId: row.personId, displayName: nameToKeep })
						.onConflictDoUpdate({ target: personDetails.personId, set: { displayName: nameToKeep }, setWhere: isNull(personDetails.displayName) })
						.run();
				}
				tx.insert(certificates).values(row).run();
				tx.insert(auditLog).values(audit).run();
				return { created: true, record: row };
			});
		},

		/** Revokes once: a second revocation changes nothing and answers false. */
		async revoke(input: { id: string; at: string; by: string; reason: NonNullable<CertificateRecord['reason']>; audit: AuditEntry }): Promise<boolean> {
			return db.transaction((tx) => {
				const changed = tx
					.update(certificates)
					.set({ revokedAt: input.at, revokedBy: input.by, reason: input.reason })
					.where(and(eq(certificates.id, input.id), isNull(certificates.revokedAt)))
					.run();
				if (changed.changes === 0) return false;
				tx.insert(auditLog).values(input.audit).run();
				return true;
			});
		},

		/** The courses a person has completed by the server's summaries (re-graded), with when. */
		async completedCourses(personId: string): Promise<{ courseId: string; completedAt: string }[]> {
			return db
				.select({ courseId: courseSummaries.courseId, completedAt: courseSummaries.completedAt })
				.from(courseSummaries)
				.where(and(eq(courseSummaries.personId, personId), isNotNull(courseSummaries.completedAt)))
				.all() as { courseId: string; completedAt: string }[];
		},

		/** The person's stored events of a course that name a course version, as sent (for the version it was earned on). */
		async versionedCourseEvents(personId: string, courseId: string): Promise<{ receivedAt: string; body: string }[]> {
			return db
				.select({ receivedAt: events.receivedAt, body: events.body })
				.from(events)
				.where(and(eq(events.personId, personId), eq(events.courseId, courseId), inArray(events.type, ['test.submitted', 'lesson.progressed'])))
				.all();
		},

		async displayName(personId: string): Promise<string | null> {
			return db.select({ name: personDetails.displayName }).from(personDetails).where(eq(personDetails.personId, personId)).get()?.name ?? null;
		}
	};
}

export type CertificatesRepo = ReturnType<typeof createCertificatesRepo>;
