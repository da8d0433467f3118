/**
 * What happens to the profiles of a shared device when someone signs in or leaves: pure decisions, applied by
 * `profiles.repo.ts` in one transaction. They live beside the repository rather than in `identity`, because storage
 * may not import identity (DESIGN §2).
 */
import type { OfflineVerifier } from '$lib/utils/offline-verifier';
import type { ProfileRow } from './database';

/** What the server said and what the page knows after a sign-up, sign-in, class join or class sign-in. */
export interface SignedIn {
	personId: string;
	/** The server's answer: the offered guest's progress is now this account's (same id, or an alias of it). */
	adopted: boolean;
	displayName: string | null;
	loginHint: string | null;
	secret: 'password' | 'pictures';
	token: string;
	tokenExpiresAt: string;
	verifier: OfflineVerifier;
}

/**
 * The guest whose progress a new sign-in may take over: the active profile, when it is a guest and the person is
 * not being added beside it ("Add a person" keeps whoever is learning now as they are).
 */
export function guestToOffer(active: ProfileRow | undefined, adding: boolean): string | undefined {
	return active?.kind === 'guest' && !adding ? active.id : undefined;
}

/**
 * The profiles after a sign-in. The account's profile is keyed by its person id, so signing in again updates it.
 * The offered guest, if any:
 * - adopted with the same id (sign-up, class join): the guest's row *is* the account's row now — nothing moves,
 *   every event recorded as the guest already names the account's person;
 * - adopted as an alias (sign-in to an existing account): the guest's row goes, and the account's profile lists the
 *   guest id among its aliases, so its progress shows and sync sends those events under this account's token;
 * - not adopted (the server would not let this account take it — another account holds it, or the device could not
 *   prove it made it): the guest stays a guest, with its progress, for whoever it belongs to; the account starts
 *   from its own id.
 */
export function profilesAfterSignIn(
	profiles: readonly ProfileRow[],
	offeredGuestId: string | undefined,
	signedIn: SignedIn,
	at: string
): { put: ProfileRow; remove: string[] } {
	const existing = profiles.find((profile) => profile.id === signedIn.personId);
	const mergedGuest = offeredGuestId !== undefined && signedIn.adopted && offeredGuestId !== signedIn.personId ? offeredGuestId : undefined;
	const mergedAliases = mergedGuest ? [mergedGuest, ...(profiles.find((profile) => profile.id === mergedGuest)?.aliases ?? [])] : [];
	const put: ProfileRow = {
		id: signedIn.personId,
		kind: 'account',
		displayName: signedIn.displayName ?? existing?.displayName ?? null,
		loginHint: signedIn.loginHint ?? existing?.loginHint ?? null,
		secret: signedIn.secret,
		token: signedIn.token,
		tokenExpiresAt: signedIn.tokenExpiresAt,
		verifier: signedIn.verifier,
		aliases: [...new Set([...(existing?.aliases ?? []), ...mergedAliases])].sort(),
		createdAt: existing?.createdAt ?? at,
		lastUsedAt: at
	};
	return { put, remove: mergedGuest ? [mergedGuest] : [] };
}

/** Who learns next when a profile leaves the device: the guest used most recently, if any (a guest needs no secret). */
export function guestAfterLeaving(profiles: readonly ProfileRow[], leavingId: string): ProfileRow | undefined {
	return profiles
		.filter((profile) => profile.kind === 'guest' && profile.id !== leavingId)
		.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt))[0];
}

/** Every subject id whose events are this profile's: its own and those of the guests it took over. */
export function subjectIdsOf(profile: Pick<ProfileRow, 'id' | 'aliases'>): string[] {
	return [profile.id, ...profile.aliases];
}
