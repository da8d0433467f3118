import { fetchAsActiveProfile } from '$lib/sync/profile-fetch';
import type { IssuedProfile } from '../device-profiles.svelte';
import type { GuestProof } from './guest-proof';

/** The account endpoints as the page uses them; "offline" when the request never reached the server. */
export type ApiOutcome<T> = { ok: true; value: T } | { ok: false; error: string; retryAfterSeconds?: number } | { ok: false; error: 'offline' };

/**
 * `as: 'anonymous'` for the calls that issue a session (no bearer: a stale token of the active profile must not stop
 * another person signing in); `as: 'active-profile'` for everything done as the person learning now.
 */
async function call<T>(path: string, as: 'anonymous' | 'active-profile', init: RequestInit = {}): Promise<ApiOutcome<T>> {
	let response: Response;
	const request = { ...init, headers: { 'content-type': 'application/json', ...init.headers } };
	try {
		response =
			as === 'anonymous'
				? await fetch(`/api/auth/${path}`, { ...request, credentials: 'same-origin' })
				: await fetchAsActiveProfile(`/api/auth/${path}`, request);
	} catch {
		return { ok: false, error: 'offline' };
	}
	if (response.status === 204) return { ok: true, value: undefined as T };
	const body = (await response.json().catch(() => ({}))) as { error?: string };
	if (response.ok) return { ok: true, value: body as T };
	const retryAfter = Number(response.headers.get('retry-after'));
	return { ok: false, error: body.error ?? 'generic', ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
}

const post = <T>(path: string, as: 'anonymous' | 'active-profile', body: unknown) => call<T>(path, as, { method: 'POST', body: JSON.stringify(body) });

export const accountApi = {
	me: () => call<{ personId: string; roles: { role: string }[]; mustChangePassword: boolean }>('me', 'active-profile'),
	signIn: (login: string, password: string, guest: GuestProof | undefined) =>
		post<IssuedProfile>('sign-in', 'anonymous', { login, password, ...(guest ? { guest } : {}) }),
	signUp: (login: string, password: string, displayName: string, guest: GuestProof | undefined) =>
		post<IssuedProfile>('sign-up', 'anonymous', {
			login,
			password,
			...(displayName.trim() ? { displayName } : {}),
			...(guest ? { guest } : {})
		}),
	signOutEverywhere: () => post<{ ended: number }>('sign-out-everywhere', 'active-profile', {}),
	changePassword: (currentPassword: string, newPassword: string) => post<void>('password', 'active-profile', { currentPassword, newPassword })
};
