import { eq } from 'drizzle-orm';
import type { Membership } from '$lib/identity/memberships';
import type { TazaDatabase } from '../db/connection';
import { auditLog, classes, memberships, organisations } from '../db/schema';
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
		}
	};
}

export type MembershipsRepo = ReturnType<typeof createMembershipsRepo>;
