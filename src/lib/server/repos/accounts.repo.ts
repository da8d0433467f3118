import { and, eq, isNull, ne, notInArray } from 'drizzle-orm';
import type { Login } from '$lib/identity/login';
import type { TazaDatabase } from '../db/connection';
import { accounts, auditLog, loginNames, memberships, people, personAliases, personDetails, sessions } from '../db/schema';
import { logExistingSummaries } from './partition-growth';

export interface AccountRecord {
	id: string;
	personId: string;
	passwordHash: string;
	failedSignIns: number;
	lastFailedSignInAt: string | null;
}

export interface SessionRecord {
	id: string;
	accountId: string;
	personId: string;
	kind: 'cookie' | 'profile';
	expiresAt: string;
}

export interface AuditEntry {
	id: string;
	at: string;
	actorAccountId: string | null;
	action: string;
	subjectPersonId: string | null;
	/** Where it happened, so an organisation's administrator reads the entries of their organisation. */
	scopeKind?: 'programme' | 'organisation' | 'class' | 'school' | 'seminar' | null;
	scopeId?: string | null;
	details?: unknown;
}

const accountColumns = {
	id: accounts.id,
	personId: accounts.personId,
	passwordHash: accounts.passwordHash,
	failedSignIns: accounts.failedSignIns,
	lastFailedSignInAt: accounts.lastFailedSignInAt
};

/** Accounts, login names and sessions. Each method is one transaction (DESIGN §7). */
export function createAccountsRepo(db: TazaDatabase) {
	return {
		async loginTaken(login: string): Promise<boolean> {
			return db.select({ login: loginNames.login }).from(loginNames).where(eq(loginNames.login, login)).get() !== undefined;
		},

		async create(input: {
			personId: string;
			accountId: string;
			login: Login | { kind: 'class-member'; value: string };
			displayName: string | null;
			passwordHash: string;
			at: string;
			audit: AuditEntry;
			/** A child joining a class becomes its learner in the same transaction. */
			learnerOf?: { membershipId: string; classId: string };
		}): Promise<void> {
			db.transaction((tx) => {
				tx.insert(people).values({ id: input.personId, createdAt: input.at }).onConflictDoNothing().run();
				if (input.learnerOf) {
					tx.insert(memberships)
						.values({
							id: input.learnerOf.membershipId,
							personId: input.personId,
							role: 'learner',
							scopeKind: 'class',
							scopeId: input.learnerOf.classId,
							validFrom: input.at,
							validTo: null,
							createdAt: input.at,
							createdBy: input.personId
						})
						.run();
					// An adopted guest id may already have summaries: the class's partition shows them from now on.
					logExistingSummaries(tx, `class:${input.learnerOf.classId}`, [input.personId], input.at);
				}
				tx.insert(personDetails)
					.values({ personId: input.personId, displayName: input.displayName })
					.onConflictDoUpdate({ target: personDetails.personId, set: { displayName: input.displayName } })
					.run();
				tx.insert(accounts)
					.values({ id: input.accountId, personId: input.personId, passwordHash: input.passwordHash, passwordChangedAt: input.at, createdAt: input.at })
					.run();
				tx.insert(loginNames).values({ login: input.login.value, kind: input.login.kind, accountId: input.accountId }).run();
				tx.insert(auditLog).values(input.audit).run();
			});
		},

		async findByLogin(login: string): Promise<AccountRecord | undefined> {
			return db
				.select(accountColumns)
				.from(loginNames)
				.innerJoin(accounts, eq(loginNames.accountId, accounts.id))
				.where(eq(loginNames.login, login))
				.get();
		},

		async findById(accountId: string): Promise<AccountRecord | undefined> {
			return db
				.select(accountColumns)
				.from(accounts)
				.where(eq(accounts.id, accountId))
				.get();
		},

		async recordFailedSignIn(accountId: string, failures: { count: number; lastAt: string | null }): Promise<void> {
			db.update(accounts).set({ failedSignIns: failures.count, lastFailedSignInAt: failures.lastAt }).where(eq(accounts.id, accountId)).run();
		},

		/** Starts sessions of one account together (a page cookie and a profile token), clearing its failed sign-ins. */
		async startSession(input: {
			accountId: string;
			sessions: { id: string; tokenHash: string; kind: 'cookie' | 'profile'; createdAt: string; expiresAt: string }[];
		}): Promise<void> {
			db.transaction((tx) => {
				tx.update(accounts).set({ failedSignIns: 0, lastFailedSignInAt: null }).where(eq(accounts.id, input.accountId)).run();
				for (const session of input.sessions) tx.insert(sessions).values({ ...session, accountId: input.accountId }).run();
			});
		},

		async findSession(tokenHash: string): Promise<(SessionRecord & { revokedAt: string | null; mustChangePassword: boolean }) | undefined> {
			return db
				.select({
					id: sessions.id,
					accountId: sessions.accountId,
					personId: accounts.personId,
					kind: sessions.kind,
					expiresAt: sessions.expiresAt,
					revokedAt: sessions.revokedAt,
					mustChangePassword: accounts.mustChangePassword
				})
				.from(sessions)
				.innerJoin(accounts, eq(sessions.accountId, accounts.id))
				.where(eq(sessions.tokenHash, tokenHash))
				.get();
		},

		async revokeSession(sessionId: string, at: string): Promise<void> {
			db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))).run();
		},

		/** Ends every session of the account, page cookies and profile tokens alike, except `keepSessionId` (none when omitted). */
		async revokeOtherSessions(accountId: string, at: string, keepSessionId: string | undefined, audit: AuditEntry): Promise<number> {
			return db.transaction((tx) => {
				const condition = keepSessionId
					? and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId))
					: and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt));
				const result = tx.update(sessions).set({ revokedAt: at }).where(condition).run();
				tx.insert(auditLog).values(audit).run();
				return result.changes;
			});
		},

		/** Sets the new password and ends every other session and profile token of the account, except `keepSessionIds`. */
		async changePassword(input: { accountId: string; passwordHash: string; at: string; keepSessionIds: string[]; audit: AuditEntry }): Promise<void> {
			db.transaction((tx) => {
				tx.update(accounts)
					.set({ passwordHash: input.passwordHash, passwordChangedAt: input.at, mustChangePassword: false })
					.where(eq(accounts.id, input.accountId))
					.run();
				tx.update(sessions)
					.set({ revokedAt: input.at })
					.where(and(eq(sessions.accountId, input.accountId), isNull(sessions.revokedAt), notInArray(sessions.id, input.keepSessionIds)))
					.run();
				tx.insert(auditLog).values(input.audit).run();
			});
		},

		/** Records that a guest id is another name of an existing person (a guest who then signed in). */
		async mergeGuest(input: { aliasId: string; personId: string; at: string; audit: AuditEntry }): Promise<void> {
			db.transaction((tx) => {
				const inserted = tx
					.insert(personAliases)
					.values({ aliasId: input.aliasId, personId: input.personId, reason: 'guest-merged-at-sign-in', createdAt: input.at })
					.onConflictDoNothing()
					.run();
				if (inserted.changes > 0) tx.insert(auditLog).values(input.audit).run();
			});
		},

		async displayName(personId: string): Promise<string | null> {
			return db.select({ name: personDetails.displayName }).from(personDetails).where(eq(personDetails.personId, personId)).get()?.name ?? null;
		}
	};
}

export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
