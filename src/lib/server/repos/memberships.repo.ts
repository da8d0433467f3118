import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Membership } from '$lib/identity/memberships';
import type { TazaDatabase } from '../db/connection';
import { auditLog, classes, memberships, organisations, personDetails } from '../db/schema';
import type { AuditEntry } from './accounts.repo';

export function createMembershipsRepo(db: TazaDatabase) {
	return {
		/** Grants a role in a scope, with its audit entry, in one transaction. */
		async grant(input: { id: string; personId: string; membership: Membership; at: string; grantedBy: string | null; audit: AuditEntry }): Promise<void> {
			db.transaction((tx) => {
				tx.insert(memberships)
					.values({ id: input.id, personId: input.personId, ...input.membership, createdAt: input.at, createdBy: input.grantedBy })
					.run();
				tx.insert(auditLog).values(input.audit).run();
			});
		},

		async forPerson(personId: string): Promise<Membership[]> {
			return db
				.select({
					role: memberships.role,
					scopeKind: memberships.scopeKind,
					scopeId: memberships.scopeId,
					validFrom: memberships.validFrom,
					validTo: memberships.validTo
				})
				.from(memberships)
				.where(eq(memberships.personId, personId))
				.all();
		},

		async createOrganisation(input: typeof organisations.$inferInsert): Promise<void> {
			db.insert(organisations).values(input).run();
		},

		async createClass(input: typeof classes.$inferInsert): Promise<void> {
			db.insert(classes).values(input).run();
		},

		async classByJoinCode(joinCode: string): Promise<{ id: string; name: string } | undefined> {
			return db.select({ id: classes.id, name: classes.name }).from(classes).where(eq(classes.joinCode, joinCode)).get();
		},

		async joinCodeTaken(joinCode: string): Promise<boolean> {
			return db.select({ id: classes.id }).from(classes).where(eq(classes.joinCode, joinCode)).get() !== undefined;
		},

		/** A new class and its teacher's membership, with the audit entry, in one transaction. */
		async openClass(input: { class: typeof classes.$inferInsert; teacher: { id: string; personId: string; validFrom: string }; audit: AuditEntry }): Promise<void> {
			db.transaction((tx) => {
				tx.insert(classes).values(input.class).run();
				tx.insert(memberships)
					.values({
						id: input.teacher.id,
						personId: input.teacher.personId,
						role: 'teacher',
						scopeKind: 'class',
						scopeId: input.class.id,
						validFrom: input.teacher.validFrom,
						validTo: null,
						createdAt: input.teacher.validFrom,
						createdBy: input.teacher.personId
					})
					.run();
				tx.insert(auditLog).values(input.audit).run();
			});
		},

		/** The learners of a class at a moment, by name (personal data, shown to the class's teacher only). */
		async classRoster(classId: string, at: string): Promise<{ personId: string; displayName: string | null }[]> {
			return db
				.select({ personId: memberships.personId, displayName: personDetails.displayName })
				.from(memberships)
				.leftJoin(personDetails, eq(memberships.personId, personDetails.personId))
				.where(
					and(
						eq(memberships.scopeKind, 'class'),
						eq(memberships.scopeId, classId),
						eq(memberships.role, 'learner'),
						lte(memberships.validFrom, at),
						or(isNull(memberships.validTo), gt(memberships.validTo, at))
					)
				)
				.orderBy(personDetails.displayName)
				.all();
		},

		/** Classes the person teaches at a moment, with their join codes. */
		async classesTaughtBy(personId: string, at: string): Promise<{ id: string; name: string; joinCode: string; createdAt: string }[]> {
			return db
				.select({ id: classes.id, name: classes.name, joinCode: classes.joinCode, createdAt: classes.createdAt })
				.from(memberships)
				.innerJoin(classes, eq(memberships.scopeId, classes.id))
				.where(
					and(
						eq(memberships.personId, personId),
						eq(memberships.role, 'teacher'),
						eq(memberships.scopeKind, 'class'),
						lte(memberships.validFrom, at),
						or(isNull(memberships.validTo), gt(memberships.validTo, at))
					)
				)
				.orderBy(classes.createdAt)
				.all();
		}
	};
}

export type MembershipsRepo = ReturnType<typeof createMembershipsRepo>;
