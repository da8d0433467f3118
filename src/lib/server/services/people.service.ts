import { parseLogin } from '$lib/identity/login';
import { holdsRole, sharedScopes, type Membership, type Scope } from '$lib/identity/memberships';
import { childSecretText, type ChildSecret } from '$lib/identity/picture-password';
import { temporaryPassword, temporaryPictures } from '$lib/identity/temporary-secret';
import type { PeopleRepo } from '../repos/people.repo';
import type { CurrentSession } from './auth.service';

export interface PeopleDependencies {
	people: PeopleRepo;
	memberships: { forPerson(personId: string): Promise<Membership[]> };
	/** argon2id, for a child's new pictures (few combinations, so they need the slow hash). */
	hash: (secret: string) => Promise<string>;
	/** For a generated temporary password (see auth/secrets.ts). */
	hashTemporary: (password: string) => string;
	unusablePasswordHash: string;
	randomBytes: (length: number) => Uint8Array;
	newId: () => string;
	now: () => Date;
}

/** What the person resetting hands over, once: new pictures for a child, or a temporary password for an adult. */
export type ResetSecret = { kind: 'pictures'; pictures: string[] } | { kind: 'password'; temporaryPassword: string };

export type PeopleFailure = { code: 'not-found' | 'no-account' | 'erased' | 'cannot-erase-self' };

type Result<T> = { ok: true; value: T } | { ok: false; failure: PeopleFailure };

/** Recovery, subject access and erasure (DESIGN §6). The access policy has already decided who may ask. */
export function createPeopleService(deps: PeopleDependencies) {
	/** The scope that made the caller responsible, for the audit log: their class, organisation or seminar. */
	async function responsibleScope(session: CurrentSession, personId: string): Promise<Scope> {
		const now = deps.now();
		const actor = await deps.memberships.forPerson(session.personId);
		if (holdsRole(actor, 'programme-admin', now)) return { scopeKind: 'programme', scopeId: 'programme' };
		const subject = await deps.memberships.forPerson(personId);
		const shared = [
			...sharedScopes(actor, 'teacher', subject, 'learner', 'class', now),
			...sharedScopes(actor, 'org-admin', subject, 'learner', 'organisation', now),
			...sharedScopes(actor, 'trainer', subject, 'learner', 'seminar', now)
		];
		return shared[0] ?? { scopeKind: 'programme', scopeId: 'programme' };
	}

	return {
		/**
		 * A new secret for someone who forgot theirs. Every session and device token of theirs ends. A child gets three
		 * new pictures (a teacher shows them); an adult a temporary password they must replace at the next sign-in.
		 */
		async reset(session: CurrentSession, personId: string): Promise<Result<ResetSecret>> {
			const overview = await deps.people.overview(personId);
			if (!overview) return { ok: false, failure: { code: 'not-found' } };
			if (overview.erased) return { ok: false, failure: { code: 'erased' } };
			const account = await deps.people.accountOf(personId);
			if (!account) return { ok: false, failure: { code: 'no-account' } };
			const scope = await responsibleScope(session, personId);
			const at = deps.now().toISOString();
			let secret: ResetSecret;
			let passwordHash: string;
			if (account.classMember) {
				const pictures = temporaryPictures(deps.randomBytes) as Extract<ChildSecret, { kind: 'pictures' }>;
				const text = childSecretText(pictures);
				if (!('text' in text)) throw new Error('generated pictures must be valid');
				passwordHash = await deps.hash(text.text);
				secret = { kind: 'pictures', pictures: pictures.pictures };
			} else {
				const password = temporaryPassword(deps.randomBytes);
				passwordHash = deps.hashTemporary(password);
				secret = { kind: 'password', temporaryPassword: password };
			}
			await deps.people.resetSecret({
				accountId: account.accountId,
				passwordHash,
				// A child cannot type a password; their new pictures are theirs to keep.
				mustChangePassword: secret.kind === 'password',
				at,
				audit: { id: deps.newId(), at, actorAccountId: session.accountId, action: 'secret.reset', subjectPersonId: personId, ...scope, details: { kind: secret.kind } }
			});
			return { ok: true, value: secret };
		},

		/** By login (phone or username, any usual spelling) or by part of the name. */
		async search(query: string) {
			const trimmed = query.trim();
			if (trimmed.length < 2) return [];
			const login = parseLogin(trimmed);
			return deps.people.search({ login: 'problem' in login ? undefined : login.value, namePart: trimmed, limit: 50 });
		},

		/** Everything held about a person, as a subject access request answer; the export itself is audited. */
		async exportData(session: CurrentSession, personId: string) {
			const data = await deps.people.exportData(personId);
			if (!data) return undefined;
			const at = deps.now().toISOString();
			await deps.people.recordAudit({ id: deps.newId(), at, actorAccountId: session.accountId, action: 'person.exported', subjectPersonId: personId, scopeKind: 'programme', scopeId: 'programme' });
			return { exportedAt: deps.now().toISOString(), ...data };
		},

		async erase(session: CurrentSession, personId: string): Promise<Result<null>> {
			if (personId === session.personId) return { ok: false, failure: { code: 'cannot-erase-self' } };
			const at = deps.now().toISOString();
			const erased = await deps.people.erase({
				personId,
				at,
				unusablePasswordHash: deps.unusablePasswordHash,
				audit: { id: deps.newId(), at, actorAccountId: session.accountId, action: 'person.erased', subjectPersonId: personId, scopeKind: 'programme', scopeId: 'programme' }
			});
			if (erased) return { ok: true, value: null };
			return { ok: false, failure: { code: (await deps.people.overview(personId)) ? 'erased' : 'not-found' } };
		}
	};
}

export type PeopleService = ReturnType<typeof createPeopleService>;
