import type { ProfileRow } from '$lib/storage/database';
import { localDatabase } from '$lib/storage/database';
import { createProfilesRepo, type ProfilesRepo } from '$lib/storage/profiles.repo';
import { createSyncStateRepo } from '$lib/storage/sync-state.repo';
import { liveQuery } from 'dexie';
import { fetchAs } from '$lib/sync/profile-fetch';
import { uuidV7Generator } from '$lib/utils/ids';
import { checkOfflineVerifier, makeOfflineVerifier } from '$lib/utils/offline-verifier';
import { getContext, setContext } from 'svelte';

/** What the server answers to a sign-up, sign-in, class join or class sign-in (see server/auth/issued-session.ts). */
export interface IssuedProfile {
	personId: string;
	displayName: string | null;
	adopted: boolean;
	profileToken: string;
	profileTokenExpiresAt: string;
}

const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/**
 * The people who learn on this device, as the pages see them (kept current from IndexedDB), and what the app does
 * when they switch, arrive or leave. Made once by the locale layout and handed to pages through context.
 */
export class DeviceProfiles {
	list = $state.raw<ProfileRow[]>([]);
	activeId = $state<string>();
	active = $derived(this.list.find((profile) => profile.id === this.activeId));
	loaded = $state(false);
	/** Counts switches after the first load: pages that show one person's record mount again when it changes. */
	generation = $state(0);
	#repo: ProfilesRepo | undefined;
	#following: Promise<void> | undefined;

	/** Opened on first use, in the browser only (the server prerenders pages with this object but never calls it). */
	get repo(): ProfilesRepo {
		this.#repo ??= createProfilesRepo(localDatabase(), {
			newId: uuidV7Generator(() => Date.now(), randomBytes),
			now: () => new Date()
		});
		return this.#repo;
	}

	/** Makes sure a profile is active, then follows the profiles in IndexedDB; returns the function that stops. */
	watch(): () => void {
		let stop: (() => void) | undefined;
		let stopped = false;
		void this.repo.active().then(() => {
			if (stopped) return;
			stop = this.repo.watch(({ profiles, activeId }) => {
				if (this.loaded && activeId !== this.activeId) this.generation += 1;
				this.list = profiles;
				this.activeId = activeId;
				this.loaded = true;
			});
		});
		return () => {
			stopped = true;
			stop?.();
		};
	}

	/**
	 * Switches to a profile once its person shows their secret, checked on this device so it works offline; a guest
	 * needs none. The page cookie follows when there is a connection.
	 */
	async switchTo(profile: ProfileRow, secretText: string | null): Promise<'switched' | 'wrong-secret'> {
		if (profile.kind === 'account') {
			const known = profile.verifier && secretText !== null && (await checkOfflineVerifier(profile.verifier, secretText, crypto.subtle));
			if (!known) return 'wrong-secret';
		}
		await this.repo.activate(profile.id);
		void this.followCookie();
		return 'switched';
	}

	/** A new person learns here as a guest, now. */
	async addGuest(displayName: string): Promise<ProfileRow> {
		const guest = await this.repo.addGuest(displayName);
		void this.followCookie();
		return guest;
	}

	/**
	 * Keeps what a sign-in issued as this device's profile of that person, with an offline verifier of the secret just
	 * shown, and makes it the active one. `offeredGuestId` is the guest whose proof went with the request.
	 */
	async keepSignIn(
		issued: IssuedProfile,
		options: { offeredGuestId: string | undefined; loginHint: string | null; secret: 'password' | 'pictures'; secretText: string }
	): Promise<ProfileRow> {
		const verifier = await makeOfflineVerifier(options.secretText, { subtle: crypto.subtle, randomBytes });
		const profile = await this.repo.saveSignIn(options.offeredGuestId, {
			personId: issued.personId,
			adopted: issued.adopted,
			displayName: issued.displayName,
			loginHint: options.loginHint,
			secret: options.secret,
			token: issued.profileToken,
			tokenExpiresAt: issued.profileTokenExpiresAt,
			verifier
		});
		// The response that issued the token also set the cookie: it follows this profile already.
		await this.repo.setCookieFollows(profile.id);
		return profile;
	}

	/** After a password change here: the offline check must accept the new password, not the old one. */
	async passwordChanged(profile: ProfileRow, newPassword: string): Promise<void> {
		await this.repo.setVerifier(profile.id, await makeOfflineVerifier(newPassword, { subtle: crypto.subtle, randomBytes }));
	}

	/**
	 * The profile leaves this device: its token is revoked now, or as soon as there is a connection, and the profile is
	 * forgotten here. Its events are not deleted — sync, coming next, still has to send them.
	 */
	/** Watches how many of the profile's actions are not on the server yet; returns the function that stops. */
	watchUnsent(profile: ProfileRow, onCount: (count: number) => void): () => void {
		const state = createSyncStateRepo(localDatabase());
		const subscription = liveQuery(() => state.waitingFor([profile.id, ...profile.aliases])).subscribe({ next: onCount, error: () => onCount(0) });
		return () => subscription.unsubscribe();
	}

	async leave(profile: ProfileRow, options: { tokenRevoked?: boolean } = {}): Promise<ProfileRow> {
		const tokenRevoked = options.tokenRevoked || !profile.token || (await this.#revoke(profile.token));
		const next = await this.repo.leave(profile.id, { tokenRevoked });
		await this.followCookie();
		return next;
	}

	/** What waited for a connection: tokens of profiles that left while offline, and the cookie following the active profile. */
	async reconnect(): Promise<void> {
		for (const token of await this.repo.pendingRevocations()) {
			if (await this.#revoke(token)) await this.repo.revocationSent(token);
		}
		await this.followCookie();
	}

	/**
	 * Pages that read the cookie must see the active profile: an account's token moves the cookie to it
	 * (`/api/auth/switch`); a guest — or an account the server signed out — ends it. Offline, it waits for `reconnect`.
	 */
	followCookie(): Promise<void> {
		this.#following ??= this.#followCookie().finally(() => (this.#following = undefined));
		return this.#following;
	}

	async #followCookie(): Promise<void> {
		const active = await this.repo.active();
		if ((await this.repo.cookieFollows()) === active.id) return;
		try {
			const switched = active.token ? await fetchAs(active, '/api/auth/switch', { method: 'POST' }) : undefined;
			if (!switched?.ok) {
				const ended = await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'same-origin' });
				if (!ended.ok) return;
			}
			await this.repo.setCookieFollows(active.id);
		} catch {
			// No connection: `reconnect` tries again.
		}
	}

	/** Ends a token on the server; a 401 means it had ended already. False when the server could not be reached. */
	async #revoke(token: string): Promise<boolean> {
		try {
			const response = await fetch('/api/auth/sign-out', { method: 'POST', headers: { authorization: `Bearer ${token}` }, credentials: 'same-origin' });
			return response.ok || response.status === 401;
		} catch {
			return false;
		}
	}
}

const KEY = Symbol('device-profiles');

export function provideDeviceProfiles(profiles: DeviceProfiles): void {
	setContext(KEY, profiles);
}

/** The device's profiles, from the locale layout. */
export function deviceProfiles(): DeviceProfiles {
	return getContext<DeviceProfiles>(KEY);
}
