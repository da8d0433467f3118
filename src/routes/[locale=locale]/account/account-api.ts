/** The account endpoints as the page uses them; "offline" when the request never reached the server. */
export type ApiOutcome<T> = { ok: true; value: T } | { ok: false; error: string; retryAfterSeconds?: number } | { ok: false; error: 'offline' };

async function call<T>(path: string, init?: RequestInit): Promise<ApiOutcome<T>> {
	let response: Response;
	try {
		response = await fetch(`/api/auth/${path}`, {
			...init,
			headers: { 'content-type': 'application/json', ...init?.headers },
			credentials: 'same-origin'
		});
	} catch {
		return { ok: false, error: 'offline' };
	}
	if (response.status === 204) return { ok: true, value: undefined as T };
	const body = (await response.json().catch(() => ({}))) as { error?: string };
	if (response.ok) return { ok: true, value: body as T };
	const retryAfter = Number(response.headers.get('retry-after'));
	return { ok: false, error: body.error ?? 'generic', ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
}

const post = <T>(path: string, body: unknown) => call<T>(path, { method: 'POST', body: JSON.stringify(body) });

type Guest = { learnerId: string; deviceId: string; deviceSecret: string } | undefined;

export const accountApi = {
	me: () => call<{ personId: string }>('me'),
	signIn: (login: string, password: string, guest: Guest) =>
		post<{ personId: string }>('sign-in', { login, password, ...(guest ? { guest } : {}) }),
	signUp: (login: string, password: string, displayName: string, guest: Guest) =>
		post<{ personId: string; adopted: boolean }>('sign-up', {
			login,
			password,
			...(displayName.trim() ? { displayName } : {}),
			...(guest ? { guest } : {})
		}),
	signOut: () => post<void>('sign-out', {}),
	signOutEverywhere: () => post<{ ended: number }>('sign-out-everywhere', {}),
	changePassword: (currentPassword: string, newPassword: string) => post<void>('password', { currentPassword, newPassword })
};
