/**
 * The sync endpoints over HTTP (docs/sync.md), as one profile: its token is the bearer. Every outcome is sorted into
 * what the loop does next, so a dropped request, a 5xx and a timeout all mean the same thing: try again later.
 */
import type { PullRequest, PullResponse, PushRequest, PushResponse } from '$lib/progress/sync-protocol';

export type TransportOutcome<T> =
	| { kind: 'ok'; value: T }
	/** The token is refused: this profile must sign in again; its events wait. */
	| { kind: 'signed-out' }
	/** The app is too old for the server: nothing was applied; update, then retry. */
	| { kind: 'outdated' }
	/** The person must choose their own password first. */
	| { kind: 'blocked'; reason: string }
	/** The batch is over the server's size limit: send smaller ones. */
	| { kind: 'too-large' }
	/** Offline, dropped, timed out, a 5xx: try again after a backoff. */
	| { kind: 'retry'; reason: string };

export interface SyncTransport {
	push(token: string, request: PushRequest): Promise<TransportOutcome<PushResponse>>;
	pull(token: string, request: PullRequest): Promise<TransportOutcome<PullResponse>>;
}

/** Gzip where the browser has CompressionStream (every current one); plain JSON elsewhere. */
async function encode(body: unknown): Promise<{ body: BodyInit; headers: Record<string, string> }> {
	const text = JSON.stringify(body);
	if (typeof CompressionStream === 'undefined') return { body: text, headers: {} };
	const compressed = await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
	return { body: compressed, headers: { 'content-encoding': 'gzip' } };
}

export function createHttpTransport(options: { baseUrl?: string; fetch?: typeof fetch; timeoutMs?: number } = {}): SyncTransport {
	const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
	const timeoutMs = options.timeoutMs ?? 30_000;

	async function call<T>(path: string, token: string, request: unknown): Promise<TransportOutcome<T>> {
		let response: Response;
		try {
			const { body, headers } = await encode(request);
			response = await fetchImpl(`${options.baseUrl ?? ''}${path}`, {
				method: 'POST',
				// A profile's token and nothing else: on a shared device the page cookie may be another person's.
				credentials: 'omit',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
				body,
				signal: AbortSignal.timeout(timeoutMs)
			});
		} catch (error) {
			return { kind: 'retry', reason: error instanceof Error ? error.name : 'network' };
		}
		if (response.ok) {
			try {
				return { kind: 'ok', value: (await response.json()) as T };
			} catch {
				// The answer was cut off: the server may have committed, and a resend is safe (duplicates).
				return { kind: 'retry', reason: 'truncated answer' };
			}
		}
		const error = ((await response.json().catch(() => ({}))) as { error?: string }).error ?? '';
		if (response.status === 401) return { kind: 'signed-out' };
		if (response.status === 426) return { kind: 'outdated' };
		if (response.status === 413) return { kind: 'too-large' };
		if (response.status === 403 && error === 'password-change-required') return { kind: 'blocked', reason: error };
		return { kind: 'retry', reason: `HTTP ${response.status}${error ? ` ${error}` : ''}` };
	}

	return {
		push: (token, request) => call<PushResponse>('/api/sync/push', token, request),
		pull: (token, request) => call<PullResponse>('/api/sync/pull', token, request)
	};
}
