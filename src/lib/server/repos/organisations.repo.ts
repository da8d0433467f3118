import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Login } from '$lib/identity/login';
import type { TazaDatabase } from '../db/connection';
import { accounts, auditLog, classes, courseAssignments, courseSummaries, loginNames, memberships, organisations, people, personDetails } from '../db/schema';
import type { AuditEntry } from './accounts.repo';
import { logExistingSummaries } from './partition-growth';

export type OrganisationKind = (typeof organisations.$inferSelect)['kind'];

export interface OrganisationRecord {
	id: string;
	name: string;
	kind: OrganisationKind;
	regionCode: string;
}

export interface MemberRecord {
	personId: string;
	displayName: string | null;
	/** The phone or username they sign in with; null once erased. */
	login: string | null;
	memberSince: string;
	erased: boolean;
}

/** A new person with an account whose password is temporary, or an existing account joining the organisation. */
export type MemberWrite =
	| { kind: 'new'; personId: string; accountId: string; membershipId: string; displayName: string; login: Login; passwordHash: string }
	| { kind: 'existing'; personId: string; membershipId: string };

export interface AssignmentRecord {
	id: string;
	scopeKind: 'organisation' | 'class';
	scopeId: string;
	courseId: string;
	dueOn: string | null;
	assignedAt: string;
}

/** Active at `at`: started, and not yet ended. */
const activeAt = (at: string) => and(lte(memberships.validFrom, at), or(isNull(memberships.validTo), gt(memberships.validTo, at)));

/** Organisations, their members and the courses assigned to them. Each method is one transaction (DESIGN §7). */
export function createOrganisationsRepo(db: TazaDatabase) {
	return {
		async create(input: { organisation: OrganisationRecord; at: string; audit: AuditEntry }): Promise<void> {
			db.transaction((tx) => {
				tx.insert(organisations).values({ ...input.organisation, createdAt: input.at }).run();
				tx.insert(auditLog).values(input.audit).run();
			});
		},

		async find(organisationId: string): Promise<OrganisationRecord | undefined> {
			return db
				.select({ id: organisations.id, name: organisations.name, kind: organisations.kind, regionCode: organisations.regionCode })
				.from(organisations)
				.where(eq(organisations.id, organisationId))
				.get();
		},

		async all(): Promise<OrganisationRecord[]> {
			return db
				.select({ id: organisations.id, name: organisations.name, kind: organisations.kind, regionCode: organisations.regionCode })
				.from(organisations)
				.orderBy(asc(organisations.name))
				.all();
		},

		async withIds(ids: readonly string[]): Promise<OrganisationRecord[]> {
			if (ids.length === 0) return [];
			return db
				.select({ id: organisations.id, name: organisations.name, kind: organisations.kind, regionCode: organisations.regionCode })
				.from(organisations)
				.where(inArray(organisations.id, [...ids]))
				.orderBy(asc(organisations.name))
				.all();
		},

		/** Case-insensitively, in any script (SQLite's lower() knows only ASCII). */
		async nameTaken(name: string): Promise<boolean> {
			const wanted = name.toLocaleLowerCase('ru');
			return db
				.select({ name: organisations.name })
				.from(organisations)
				.all()
				.some((row) => row.name.toLocaleLowerCase('ru') === wanted);
		},

		/** The organisation's people holding `role` at a moment, with what identifies them (shown to its administrators only). */
		async members(organisationId: string, at: string, role: 'learner' | 'org-admin' = 'learner'): Promise<MemberRecord[]> {
			const rows = db
				.select({
					personId: memberships.personId,
					displayName: personDetails.displayName,
					login: sql<string | null>`(select ln.login from login_names ln where ln.account_id = "accounts"."id" and ln.kind in ('phone', 'username') order by ln.kind limit 1)`,
					memberSince: memberships.validFrom,
					erasedAt: people.erasedAt
				})
				.from(memberships)
				.innerJoin(people, eq(people.id, memberships.personId))
				.leftJoin(personDetails, eq(personDetails.personId, memberships.personId))
				.leftJoin(accounts, eq(accounts.personId, memberships.personId))
				.where(and(eq(memberships.scopeKind, 'organisation'), eq(memberships.scopeId, organisationId), eq(memberships.role, role), activeAt(at)))
				.orderBy(asc(personDetails.displayName))
				.all();
			return rows.map(({ erasedAt, ...row }) => ({ ...row, erased: erasedAt !== null }));
		},

		/** For each login, the person who holds it and whether they already hold `role` in the organisation now. */
		async lookUpLogins(organisationId: string, logins: readonly string[], at: string): Promise<Map<string, { personId: string; isMember: boolean }>> {
			const found = new Map<string, { personId: string; isMember: boolean }>();
			for (let start = 0; start < logins.length; start += 500) {
				const chunk = logins.slice(start, start + 500);
				const holders = db
					.select({ login: loginNames.login, personId: accounts.personId })
					.from(loginNames)
					.innerJoin(accounts, eq(accounts.id, loginNames.accountId))
					.where(inArray(loginNames.login, [...chunk]))
					.all();
				const memberIds = new Set(
					holders.length === 0
						? []
						: db
								.select({ personId: memberships.personId })
								.from(memberships)
								.where(
									and(
										eq(memberships.scopeKind, 'organisation'),
										eq(memberships.scopeId, organisationId),
										eq(memberships.role, 'learner'),
										inArray(memberships.personId, holders.map((holder) => holder.personId)),
										activeAt(at)
									)
								)
								.all()
								.map((row) => row.personId)
				);
				for (const holder of holders) found.set(holder.login, { personId: holder.personId, isMember: memberIds.has(holder.personId) });
			}
			return found;
		},

		/**
		 * Adds members — all of them or, if any write fails (a login taken meanwhile), none — with one audit entry
		 * for the whole batch.
		 */
		async addMembers(input: { organisationId: string; members: readonly MemberWrite[]; at: string; createdBy: string; audit: AuditEntry }): Promise<void> {
			db.transaction((tx) => {
				for (const member of input.members) {
					if (member.kind === 'new') {
						tx.insert(people).values({ id: member.personId, createdAt: input.at }).run();
						tx.insert(personDetails).values({ personId: member.personId, displayName: member.displayName }).run();
						tx.insert(accounts)
							.values({
								id: member.accountId,
								personId: member.personId,
								passwordHash: member.passwordHash,
								mustChangePassword: true,
								passwordChangedAt: input.at,
								createdAt: input.at
							})
							.run();
						tx.insert(loginNames).values({ login: member.login.value, kind: member.login.kind, accountId: member.accountId }).run();
					}
					tx.insert(memberships)
						.values({
							id: member.membershipId,
							personId: member.personId,
							role: 'learner',
							scopeKind: 'organisation',
							scopeId: input.organisationId,
							validFrom: input.at,
							validTo: null,
							createdAt: input.at,
							createdBy: input.createdBy
						})
						.run();
				}
				// The organisation's partition grows: an existing account's summaries join its change log.
				const newcomers = input.members.filter((member) => member.kind === 'existing').map((member) => member.personId);
				logExistingSummaries(tx, `organisation:${input.organisationId}`, newcomers, input.at);
				tx.insert(auditLog).values(input.audit).run();
			});
		},

		/** Ends a person's role in the organisation from now on; their history stays. */
		async endMembership(input: { organisationId: string; personId: string; role: 'learner' | 'org-admin'; at: string; audit: AuditEntry }): Promise<number> {
			return db.transaction((tx) => {
				const result = tx
					.update(memberships)
					.set({ validTo: input.at })
					.where(
						and(
							eq(memberships.personId, input.personId),
							eq(memberships.scopeKind, 'organisation'),
							eq(memberships.scopeId, input.organisationId),
							eq(memberships.role, input.role),
							activeAt(input.at)
						)
					)
					.run();
				if (result.changes > 0) tx.insert(auditLog).values(input.audit).run();
				return result.changes;
			});
		},

		async assign(input: { assignment: AssignmentRecord & { assignedBy: string }; audit: AuditEntry }): Promise<void> {
			db.transaction((tx) => {
				tx.insert(courseAssignments).values(input.assignment).run();
				tx.insert(auditLog).values(input.audit).run();
			});
		},

		/** Assignments in force for the given scopes, oldest first. */
		async assignmentsFor(scopes: readonly { scopeKind: 'organisation' | 'class'; scopeId: string }[]): Promise<AssignmentRecord[]> {
			if (scopes.length === 0) return [];
			return db
				.select({
					id: courseAssignments.id,
					scopeKind: courseAssignments.scopeKind,
					scopeId: courseAssignments.scopeId,
					courseId: courseAssignments.courseId,
					dueOn: courseAssignments.dueOn,
					assignedAt: courseAssignments.assignedAt
				})
				.from(courseAssignments)
				.where(
					and(
						isNull(courseAssignments.withdrawnAt),
						or(...scopes.map((scope) => and(eq(courseAssignments.scopeKind, scope.scopeKind), eq(courseAssignments.scopeId, scope.scopeId))))
					)
				)
				.orderBy(asc(courseAssignments.assignedAt))
				.all();
		},

		async withdraw(input: { assignmentId: string; scope: { scopeKind: 'organisation' | 'class'; scopeId: string }; at: string; by: string; audit: AuditEntry }): Promise<boolean> {
			return db.transaction((tx) => {
				const result = tx
					.update(courseAssignments)
					.set({ withdrawnAt: input.at, withdrawnBy: input.by })
					.where(
						and(
							eq(courseAssignments.id, input.assignmentId),
							eq(courseAssignments.scopeKind, input.scope.scopeKind),
							eq(courseAssignments.scopeId, input.scope.scopeId),
							isNull(courseAssignments.withdrawnAt)
						)
					)
					.run();
				if (result.changes > 0) tx.insert(auditLog).values(input.audit).run();
				return result.changes > 0;
			});
		},

		/** Names of classes and organisations, for "assigned by …". */
		async scopeNames(scopes: readonly { scopeKind: 'organisation' | 'class'; scopeId: string }[]): Promise<Map<string, string>> {
			const names = new Map<string, string>();
			const classIds = scopes.filter((scope) => scope.scopeKind === 'class').map((scope) => scope.scopeId);
			const organisationIds = scopes.filter((scope) => scope.scopeKind === 'organisation').map((scope) => scope.scopeId);
			if (classIds.length) for (const row of db.select({ id: classes.id, name: classes.name }).from(classes).where(inArray(classes.id, classIds)).all()) names.set(`class:${row.id}`, row.name);
			if (organisationIds.length)
				for (const row of db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, organisationIds)).all())
					names.set(`organisation:${row.id}`, row.name);
			return names;
		},

		/** The synced course summaries of these people in these courses. */
		async summaries(personIds: readonly string[], courseIds: readonly string[]): Promise<{ personId: string; courseId: string; summary: unknown; completedAt: string | null }[]> {
			if (personIds.length === 0 || courseIds.length === 0) return [];
			const rows: { personId: string; courseId: string; summary: unknown; completedAt: string | null }[] = [];
			for (let start = 0; start < personIds.length; start += 500) {
				rows.push(
					...db
						.select({ personId: courseSummaries.personId, courseId: courseSummaries.courseId, summary: courseSummaries.summary, completedAt: courseSummaries.completedAt })
						.from(courseSummaries)
						.where(and(inArray(courseSummaries.personId, personIds.slice(start, start + 500)), inArray(courseSummaries.courseId, [...courseIds])))
						.all()
				);
			}
			return rows;
		},

		/** The newest audit entries of one scope. */
		async auditOf(scope: { scopeKind: 'organisation' | 'class' | 'programme'; scopeId: string } | undefined, limit: number, before?: string) {
			const conditions = [
				scope ? and(eq(auditLog.scopeKind, scope.scopeKind), eq(auditLog.scopeId, scope.scopeId)) : undefined,
				before ? sql`${auditLog.at} < ${before}` : undefined
			].filter((condition) => condition !== undefined);
			return db
				.select({
					id: auditLog.id,
					at: auditLog.at,
					action: auditLog.action,
					actorName: sql<string | null>`(select d.display_name from accounts a join person_details d on d.person_id = a.person_id where a.id = "audit_log"."actor_account_id")`,
					subjectPersonId: auditLog.subjectPersonId,
					subjectName: sql<string | null>`(select d.display_name from person_details d where d.person_id = "audit_log"."subject_person_id")`,
					scopeKind: auditLog.scopeKind,
					scopeId: auditLog.scopeId,
					details: auditLog.details
				})
				.from(auditLog)
				.where(conditions.length ? and(...conditions) : undefined)
				.orderBy(desc(auditLog.at), desc(auditLog.id))
				.limit(limit)
				.all();
		}
	};
}

export type OrganisationsRepo = ReturnType<typeof createOrganisationsRepo>;
