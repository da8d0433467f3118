import { fetchAsActiveProfile } from '$lib/sync/profile-fetch';

/**
 * The JSON API as pages use it: one result shape for success, a refusal the server explained, and "offline" when the
 * request never reached it — so every page can show "needs a connection" instead of breaking.
 */
export type ApiResult<T> =
	| { ok: true; status: number; value: T }
	| { ok: false; status: number; error: string; body: Record<string, unknown> }
	| { ok: false; status: 0; error: 'offline'; body: Record<string, unknown> };

/** Every call goes as the profile learning now (its bearer token), never under another person's cookie. */
export async function callApi<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetchAsActiveProfile(path, {
			method,
			...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
		});
	} catch {
		return { ok: false, status: 0, error: 'offline', body: {} };
	}
	if (response.status === 204) return { ok: true, status: 204, value: undefined as T };
	const parsed = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	if (response.ok) return { ok: true, status: response.status, value: parsed as T };
	return { ok: false, status: response.status, error: typeof parsed.error === 'string' ? parsed.error : 'generic', body: parsed };
}

export const apiGet = <T>(path: string) => callApi<T>('GET', path);
export const apiPost = <T>(path: string, body: unknown = {}) => callApi<T>('POST', path, body);

/** Saves text as a file the person downloads (CSV exports, personal data exports). */
export function downloadText(fileName: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
