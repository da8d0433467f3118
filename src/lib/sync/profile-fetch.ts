import { localDatabase } from '$lib/storage/database';
import type { ProfileRow } from '$lib/storage/database';
import { createProfilesRepo } from '$lib/storage/profiles.repo';
import { uuidV7Generator } from '$lib/utils/ids';

/**
 * The one place that signs a request as a profile of this device (DESIGN §4: each profile's data goes under that
 * profile's token and never under another's). An account's profile sends its token as the bearer; a guest sends no
 * credentials at all — not even the page cookie, which on a shared device may be someone else's.
 */
export async function fetchAs(profile: Pick<ProfileRow, 'id' | 'token'>, input: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	if (profile.token) headers.set('authorization', `Bearer ${profile.token}`);
	const response = await fetch(input, { ...init, headers, credentials: profile.token ? 'same-origin' : 'omit' });
	if (profile.token && response.status === 401) await forgetRefusedToken(profile, response.clone());
	return response;
}

/** Calls the API as the profile learning now, read from IndexedDB at the moment of the call, so it can never be stale. */
export async function fetchAsActiveProfile(input: string, init: RequestInit = {}): Promise<Response> {
	return fetchAs(await profilesRepo().active(), input, init);
}

/** A profile whose token the server refuses (revoked elsewhere, expired) stays on the device, signed out. */
async function forgetRefusedToken(profile: Pick<ProfileRow, 'id' | 'token'>, response: Response): Promise<void> {
	const body = (await response.json().catch(() => ({}))) as { error?: string };
	if (body.error === 'profile-token-invalid' && profile.token) await profilesRepo().dropToken(profile.id, profile.token);
}

function profilesRepo() {
	const newId = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
	return createProfilesRepo(localDatabase(), { newId, now: () => new Date() });
}
