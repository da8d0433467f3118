import type { MergesRepo } from '../repos/merges.repo';
import type { CurrentSession } from './auth.service';

export type MergeFailure =
	| { code: 'person-unknown'; personId: string }
	| { code: 'same-person' }
	| { code: 'not-provisional' }
	| { code: 'already-merged' }
	| { code: 'merge-unknown' };

type Result<T> = { ok: true; value: T } | { ok: false; failure: MergeFailure };

/**
 * A programme administrator merges a person a trainer created offline into an existing person (issue #7). Only a
 * provisional person — one with no account — is merged away, so nobody's credentials end up pointing at nothing.
 * The access policy has already checked the caller is a programme administrator.
 */
export function createMergesService(deps: { merges: MergesRepo; now: () => Date }) {
	return {
		duplicates: () => deps.merges.openFlags(),

		async merge(session: CurrentSession, input: { fromPersonId: string; intoPersonId: string }): Promise<Result<{ aliasId: string; personId: string }>> {
			if (input.fromPersonId === input.intoPersonId) return { ok: false, failure: { code: 'same-person' } };
			const from = await deps.merges.person(input.fromPersonId);
			if (!from) return { ok: false, failure: { code: 'person-unknown', personId: input.fromPersonId } };
			// Merging into someone who is an alias themselves would make a chain the fold does not follow.
			const intoAlias = await deps.merges.alias(input.intoPersonId);
			const intoPersonId = intoAlias?.personId ?? input.intoPersonId;
			if (!(await deps.merges.person(intoPersonId))) return { ok: false, failure: { code: 'person-unknown', personId: input.intoPersonId } };
			if (intoPersonId === from.personId) return { ok: false, failure: { code: 'same-person' } };
			if (await deps.merges.alias(from.personId)) return { ok: false, failure: { code: 'already-merged' } };
			if (from.hasAccount || !from.provisional || (await deps.merges.hasAliases(from.personId))) return { ok: false, failure: { code: 'not-provisional' } };
			await deps.merges.merge({ fromPersonId: from.personId, intoPersonId, byAccount: session.accountId, at: deps.now().toISOString() });
			return { ok: true, value: { aliasId: from.personId, personId: intoPersonId } };
		},

		async undo(session: CurrentSession, aliasId: string): Promise<Result<{ aliasId: string; personId: string }>> {
			const alias = await deps.merges.alias(aliasId);
			if (!alias || alias.reason !== 'merged-by-admin') return { ok: false, failure: { code: 'merge-unknown' } };
			await deps.merges.undo({ aliasId, personId: alias.personId, byAccount: session.accountId, at: deps.now().toISOString() });
			return { ok: true, value: { aliasId, personId: alias.personId } };
		},

		async dismiss(session: CurrentSession, flagId: string): Promise<boolean> {
			return deps.merges.dismiss({ flagId, byAccount: session.accountId, at: deps.now().toISOString() });
		}
	};
}

export type MergesService = ReturnType<typeof createMergesService>;
