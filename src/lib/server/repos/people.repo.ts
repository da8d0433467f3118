import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { TazaDatabase } from '../db/connection';
import { accounts, auditLog, certificates, courseSummaries, loginNames, memberships, people, personAliases, personDetails, sessions } from '../db/schema';
import type { AuditEntry } from './accounts.repo';

export interface PersonOverview {
	personId: string;
	displayName: string | null;
	logins: { login: string; kind: 'phone' | 'username' | 'class-member' }[];
	erased: boolean;
}

/** People as administrators see them: found, exported, reset, erased. Each method is one transaction (DESIGN §7). */
export function createPeopleRepo(db: TazaDatabase) {
	function overviews(personIds: readonly string[]): PersonOverview[] {
		if (personIds.length === 0) return [];
		const rows = db
			.select({ personId: people.id, displayName: personDetails.displayName, erasedAt: people.erasedAt })
			.from(people)
			.leftJoin(personDetails, eq(personDetails.personId, people.id))
			.where(inArray(people.id, [...personIds]))
			.orderBy(asc(personDetails.displayName))
			.all();
		const logins = db
			.select({ personId: accounts.personId, login: loginNames.login, kind: loginNames.kind })
			.from(loginNames)
			.innerJoin(accounts, eq(accounts.id, loginNames.accountId))
			.where(inArray(accounts.personId, [...personIds]))
			.all();
		return rows.map((row) => ({
			personId: row.personId,
			displayName: row.displayName,
			logins: logins.filter((login) => login.personId === row.personId).map(({ login, kind }) => ({ login, kind })),
			erased: row.erasedAt !== null
		}));
	}

	return {
		/** By exact login (already normalised) or by part of the name; at most `limit` people. */
		async search(input: { login?: string; namePart: string; limit: number }): Promise<PersonOverview[]> {
			const pattern = `%${input.namePart.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
			const byName = db
				.select({ personId: personDetails.personId })
				.from(personDetails)
				.where(sql`fold_case(${personDetails.displayName}) like fold_case(${pattern}) escape '\\'`)
				.limit(input.limit)
				.all();
			const byLogin = input.login
				? db
						.select({ personId: accounts.personId })
						.from(loginNames)
						.innerJoin(accounts, eq(accounts.id, loginNames.accountId))
						.where(eq(loginNames.login, input.login))
						.all()
				: [];
			return overviews([...new Set([...byLogin, ...byName].map((row) => row.personId))].slice(0, input.limit));
		},

		async overview(personId: string): Promise<PersonOverview | undefined> {
			return overviews([personId])[0];
		},

		async accountOf(personId: string): Promise<{ accountId: string; classMember: boolean } | undefined> {
			const account = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId)).get();
			if (!account) return undefined;
			const kinds = db.select({ kind: loginNames.kind }).from(loginNames).where(eq(loginNames.accountId, account.id)).all();
			return { accountId: account.id, classMember: kinds.length > 0 && kinds.every((row) => row.kind === 'class-member') };
		},

		/** Everything the server holds about a person, for a subject access request. */
		async exportData(personId: string) {
			return db.transaction((tx) => {
				const person = tx.select().from(people).where(eq(people.id, personId)).get();
				if (!person) return undefined;
				const account = tx
					.select({ id: accounts.id, createdAt: accounts.createdAt, passwordChangedAt: accounts.passwordChangedAt })
					.from(accounts)
					.where(eq(accounts.personId, personId))
					.get();
				return {
					person: { id: person.id, createdAt: person.createdAt, erasedAt: person.erasedAt },
					details: tx.select({ displayName: personDetails.displayName }).from(personDetails).where(eq(personDetails.personId, personId)).get() ?? null,
					account: account ?? null,
					logins: account
						? tx.select({ login: loginNames.login, kind: loginNames.kind }).from(loginNames).where(eq(loginNames.accountId, account.id)).all()
						: [],
					sessions: account
						? tx
								.select({ kind: sessions.kind, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt })
								.from(sessions)
								.where(eq(sessions.accountId, account.id))
								.all()
						: [],
					aliases: tx.select({ aliasId: personAliases.aliasId, reason: personAliases.reason, createdAt: personAliases.createdAt }).from(personAliases).where(eq(personAliases.personId, personId)).all(),
					memberships: tx
						.select({ role: memberships.role, scopeKind: memberships.scopeKind, scopeId: memberships.scopeId, validFrom: memberships.validFrom, validTo: memberships.validTo })
						.from(memberships)
						.where(eq(memberships.personId, personId))
						.all(),
					courseSummaries: tx.select().from(courseSummaries).where(eq(courseSummaries.personId, personId)).all(),
					certificates: tx.select().from(certificates).where(eq(certificates.personId, personId)).all(),
					auditEntries: tx
						.select({ at: auditLog.at, action: auditLog.action, scopeKind: auditLog.scopeKind, scopeId: auditLog.scopeId, details: auditLog.details })
						.from(auditLog)
						.where(or(eq(auditLog.subjectPersonId, personId), account ? eq(auditLog.actorAccountId, account.id) : undefined))
						.orderBy(asc(auditLog.at))
						.all()
				};
			});
		},

		/**
		 * Erases what identifies a person: name, phone and username go, sessions end, the password can never match again.
		 * The pseudonymous learning record stays, so programme figures do not change retroactively.
		 */
		async erase(input: { personId: string; at: string; unusablePasswordHash: string; audit: AuditEntry }): Promise<boolean> {
			return db.transaction((tx) => {
				const marked = tx.update(people).set({ erasedAt: input.at }).where(and(eq(people.id, input.personId), isNull(people.erasedAt))).run();
				if (marked.changes === 0) return false;
				tx.delete(personDetails).where(eq(personDetails.personId, input.personId)).run();
				// Signed certificates carry the name: the server's copies go; the holder's own stay valid, and the rows
				// stay so that a revocation can still be answered.
				tx.update(certificates).set({ credential: null, qrToken: null }).where(eq(certificates.personId, input.personId)).run();
				const account = tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, input.personId)).get();
				if (account) {
					tx.delete(loginNames).where(eq(loginNames.accountId, account.id)).run();
					tx.update(sessions).set({ revokedAt: input.at }).where(and(eq(sessions.accountId, account.id), isNull(sessions.revokedAt))).run();
					tx.update(accounts).set({ passwordHash: input.unusablePasswordHash, passwordChangedAt: input.at }).where(eq(accounts.id, account.id)).run();
				}
				tx.insert(auditLog).values(input.audit).run();
				return true;
			});
		},

		async recordAudit(entry: AuditEntry): Promise<void> {
			db.insert(auditLog).values(entry).run();
		},

		/** A new secret set by someone else: every session and device token of the account ends, the lockout clears. */
		async resetSecret(input: { accountId: string; passwordHash: string; mustChangePassword: boolean; at: string; audit: AuditEntry }): Promise<void> {
			db.transaction((tx) => {
				tx.update(accounts)
					.set({ passwordHash: input.passwordHash, mustChangePassword: input.mustChangePassword, passwordChangedAt: input.at, failedSignIns: 0, lastFailedSignInAt: null })
					.where(eq(accounts.id, input.accountId))
					.run();
				tx.update(sessions).set({ revokedAt: input.at }).where(and(eq(sessions.accountId, input.accountId), isNull(sessions.revokedAt))).run();
				tx.insert(auditLog).values(input.audit).run();
			});
		}
	};
}

export type PeopleRepo = ReturnType<typeof createPeopleRepo>;
