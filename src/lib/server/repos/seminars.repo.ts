import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { TazaDatabase } from '../db/connection';
import { auditLog, memberships, seminars, seminarSessions } from '../db/schema';
import type { AuditEntry } from './accounts.repo';

export type SeminarRow = typeof seminars.$inferSelect;
export type SeminarSessionRow = Omit<typeof seminarSessions.$inferSelect, 'seminarId'>;
export interface SeminarRecord extends Omit<SeminarRow, 'checkInKey'> {
	sessions: SeminarSessionRow[];
	trainerIds: string[];
}

export function createSeminarsRepo(db: TazaDatabase) {
	function sessionsOf(seminarIds: readonly string[]): Map<string, SeminarSessionRow[]> {
		const bySeminar = new Map<string, SeminarSessionRow[]>();
		if (seminarIds.length === 0) return bySeminar;
		const rows = db.select().from(seminarSessions).where(inArray(seminarSessions.seminarId, [...seminarIds])).orderBy(asc(seminarSessions.ordinal)).all();
		for (const { seminarId, ...session } of rows) bySeminar.set(seminarId, [...(bySeminar.get(seminarId) ?? []), session]);
		return bySeminar;
	}

	function trainersOf(seminarIds: readonly string[]): Map<string, string[]> {
		const bySeminar = new Map<string, string[]>();
		if (seminarIds.length === 0) return bySeminar;
		const rows = db
			.select({ seminarId: memberships.scopeId, personId: memberships.personId })
			.from(memberships)
			.where(and(eq(memberships.scopeKind, 'seminar'), eq(memberships.role, 'trainer'), inArray(memberships.scopeId, [...seminarIds]), isNull(memberships.validTo)))
			.all();
		for (const row of rows) bySeminar.set(row.seminarId, [...(bySeminar.get(row.seminarId) ?? []), row.personId].sort());
		return bySeminar;
	}

	function records(rows: SeminarRow[]): SeminarRecord[] {
		const ids = rows.map((row) => row.id);
		const sessions = sessionsOf(ids);
		const trainers = trainersOf(ids);
		return rows.map(({ checkInKey: _secret, ...row }) => ({ ...row, sessions: sessions.get(row.id) ?? [], trainerIds: trainers.get(row.id) ?? [] }));
	}

	return {
		/** The seminar, its sessions and its trainers' memberships, with the audit entry, in one transaction. */
		async schedule(input: { seminar: typeof seminars.$inferInsert; sessions: SeminarSessionRow[]; trainers: { membershipId: string; personId: string }[]; audit: AuditEntry }): Promise<void> {
			db.transaction((tx) => {
				tx.insert(seminars).values(input.seminar).run();
				tx.insert(seminarSessions)
					.values(input.sessions.map((session) => ({ ...session, seminarId: input.seminar.id })))
					.run();
				for (const trainer of input.trainers) {
					tx.insert(memberships)
						.values({
							id: trainer.membershipId,
							personId: trainer.personId,
							role: 'trainer',
							scopeKind: 'seminar',
							scopeId: input.seminar.id,
							validFrom: input.seminar.createdAt,
							validTo: null,
							createdAt: input.seminar.createdAt,
							createdBy: input.seminar.createdBy
						})
						.run();
				}
				tx.insert(auditLog).values(input.audit).run();
			});
		},

		async find(seminarId: string): Promise<SeminarRecord | undefined> {
			return records(db.select().from(seminars).where(eq(seminars.id, seminarId)).all())[0];
		},

		/** The check-in key, for the seminar's own trainers' devices only (the caller has checked who asks). */
		async checkInKey(seminarId: string): Promise<string | undefined> {
			return db.select({ key: seminars.checkInKey }).from(seminars).where(eq(seminars.id, seminarId)).get()?.key;
		},

		/** Every seminar, or those these ids name, newest first. */
		async list(ids?: readonly string[]): Promise<SeminarRecord[]> {
			if (ids && ids.length === 0) return [];
			const query = db.select().from(seminars);
			const rows = (ids ? query.where(inArray(seminars.id, [...ids])) : query).all();
			return records(rows.sort((a, b) => (a.startsOn === b.startsOn ? a.id.localeCompare(b.id) : b.startsOn.localeCompare(a.startsOn))));
		}
	};
}

export type SeminarsRepo = ReturnType<typeof createSeminarsRepo>;
