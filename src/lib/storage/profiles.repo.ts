import { liveQuery } from 'dexie';
import { ACTIVE_PROFILE_KEY, guestProfile, LEGACY_GUEST_KEY, type ProfileRow, type TazaLocalDatabase } from './database';
import { guestAfterLeaving, profilesAfterSignIn, type SignedIn } from './profile-rules';
import type { OfflineVerifier } from '$lib/utils/offline-verifier';

export interface ProfilesRepoDependencies {
	newId: () => string;
	now: () => Date;
}

/** Tokens of profiles that left this device while offline: revoked on the server when a connection returns. */
const PENDING_REVOCATIONS_KEY = 'profiles.pendingRevocations';
/** The profile the page cookie was last made to follow (a guest: no cookie). */
const COOKIE_FOLLOWS_KEY = 'profiles.cookieFollows';

/**
 * The people who learn on this device and which of them is learning now. A profile leaving the device is forgotten
 * here, but its events are never deleted: sync still has to send them.
 */
export function createProfilesRepo(db: TazaLocalDatabase, deps: ProfilesRepoDependencies) {
	const at = () => deps.now().toISOString();
	const setting = async <T>(key: string) => (await db.settings.get(key))?.value as T | undefined;
	const setSetting = (key: string, value: unknown) => db.settings.put({ key, value, updatedAt: at() });

	/** Makes `profile` the active one. Inside a transaction on profiles and settings. */
	async function activate(profile: ProfileRow): Promise<ProfileRow> {
		const used = { ...profile, lastUsedAt: at() };
		await db.profiles.put(used);
		await setSetting(ACTIVE_PROFILE_KEY, used.id);
		return used;
	}

	/** Every profile on this device, in the order they were added. */
	async function list(): Promise<ProfileRow[]> {
		return (await db.profiles.toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
	}

	return {
		list,

		get(id: string): Promise<ProfileRow | undefined> {
			return db.profiles.get(id);
		},

		/** The profile learning now; on a device with none, a guest (the old single guest, if the device has one). */
		async active(): Promise<ProfileRow> {
			return db.transaction('rw', db.profiles, db.settings, async () => {
				const activeId = await setting<string>(ACTIVE_PROFILE_KEY);
				const active = activeId ? await db.profiles.get(activeId) : undefined;
				if (active) return active;
				const latest = (await db.profiles.toArray()).sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt))[0];
				if (latest?.kind === 'guest') return activate(latest);
				// No guest to fall back on (an account needs its secret): a new guest, or the version-2 guest never migrated.
				const legacy = await setting<string>(LEGACY_GUEST_KEY);
				const legacyFree = legacy && !(await db.profiles.get(legacy)) ? legacy : undefined;
				return activate(guestProfile(legacyFree ?? deps.newId(), null, at()));
			});
		},

		/** Switches to a profile. The caller has checked its secret (`utils/offline-verifier.ts`) if it has one. */
		async activate(id: string): Promise<ProfileRow> {
			return db.transaction('rw', db.profiles, db.settings, async () => {
				const profile = await db.profiles.get(id);
				if (!profile) throw new Error(`no profile ${id} on this device`);
				return activate(profile);
			});
		},

		/** A new person learning as a guest; they learn now. */
		async addGuest(displayName: string | null): Promise<ProfileRow> {
			return db.transaction('rw', db.profiles, db.settings, () => activate(guestProfile(deps.newId(), displayName?.trim() || null, at())));
		},

		/** Keeps a sign-in's profile (see `profilesAfterSignIn` for what happens to the guest it was offered); it learns now. */
		async saveSignIn(offeredGuestId: string | undefined, signedIn: SignedIn): Promise<ProfileRow> {
			return db.transaction('rw', db.profiles, db.settings, async () => {
				const { put, remove } = profilesAfterSignIn(await db.profiles.toArray(), offeredGuestId, signedIn, at());
				await db.profiles.bulkDelete(remove);
				return activate(put);
			});
		},

		/** After a password change on this device. */
		async setVerifier(id: string, verifier: OfflineVerifier): Promise<void> {
			await db.profiles.update(id, { verifier });
		},

		/** The server refused this token (revoked, expired): the profile stays, signed out, until it signs in again. */
		async dropToken(id: string, token: string): Promise<void> {
			await db.transaction('rw', db.profiles, async () => {
				const profile = await db.profiles.get(id);
				if (profile?.token === token) await db.profiles.update(id, { token: null, tokenExpiresAt: null });
			});
		},

		/**
		 * The profile leaves this device; the guest used last learns next (a new one if there is none). Its events stay:
		 * sync, coming next, still has to send them. A token the server could not be told about is queued for revocation.
		 */
		async leave(id: string, options: { tokenRevoked: boolean }): Promise<ProfileRow> {
			return db.transaction('rw', db.profiles, db.settings, async () => {
				const leaving = await db.profiles.get(id);
				if (leaving?.token && !options.tokenRevoked) {
					await setSetting(PENDING_REVOCATIONS_KEY, [...((await setting<string[]>(PENDING_REVOCATIONS_KEY)) ?? []), leaving.token]);
				}
				await db.profiles.delete(id);
				const wasActive = (await setting<string>(ACTIVE_PROFILE_KEY)) === id;
				const current = wasActive ? undefined : await db.profiles.get((await setting<string>(ACTIVE_PROFILE_KEY)) ?? '');
				if (current) return current;
				return activate(guestAfterLeaving(await db.profiles.toArray(), id) ?? guestProfile(deps.newId(), null, at()));
			});
		},

		async pendingRevocations(): Promise<string[]> {
			return (await setting<string[]>(PENDING_REVOCATIONS_KEY)) ?? [];
		},

		async revocationSent(token: string): Promise<void> {
			await db.transaction('rw', db.settings, async () => {
				await setSetting(PENDING_REVOCATIONS_KEY, ((await setting<string[]>(PENDING_REVOCATIONS_KEY)) ?? []).filter((pending) => pending !== token));
			});
		},

		/** Calls `onChange` with the profiles and the active one now and after every change, in any tab; returns the stop. */
		watch(onChange: (state: { profiles: ProfileRow[]; activeId: string | undefined }) => void): () => void {
			const subscription = liveQuery(async () => ({
				profiles: await list(),
				activeId: (await db.settings.get(ACTIVE_PROFILE_KEY))?.value as string | undefined
			})).subscribe({ next: onChange });
			return () => subscription.unsubscribe();
		},

		/** Which profile the page cookie follows, as far as this device knows. */
		cookieFollows(): Promise<string | undefined> {
			return setting<string>(COOKIE_FOLLOWS_KEY);
		},

		async setCookieFollows(id: string): Promise<void> {
			await setSetting(COOKIE_FOLLOWS_KEY, id);
		}
	};
}

export type ProfilesRepo = ReturnType<typeof createProfilesRepo>;
