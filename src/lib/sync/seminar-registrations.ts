/**
 * People a trainer registered for a seminar on this device (scanned, or created on the spot) are sent to
 * `POST /api/seminars/:id/participants` under the trainer's token before that trainer's events are pushed, so the
 * server knows whom the attendance is about (an event about someone it does not know yet is deferred, never lost).
 * The call is idempotent by person id: a registration leaves the queue only when a 200 says the server registered it.
 */
import type { SeminarRegistrationRow } from '$lib/storage/database';
import type { TransportOutcome } from './transport';

/** The most registrations the server takes in one request. */
export const MAX_REGISTRATIONS_PER_REQUEST = 200;

export type RegistrationEntry = { personId: string } | { personId: string; provisional: { displayName: string; phone: string | null; schoolCode: string } };

/** `refused`: the server understood and said no (the seminar is gone, the trainer no longer runs it): keep it queued. */
export type RegistrationOutcome = TransportOutcome<{ registered: string[] }> | { kind: 'refused'; status: number };

export type SendRegistrations = (token: string, seminarId: string, participants: RegistrationEntry[]) => Promise<RegistrationOutcome>;

export interface RegistrationQueue {
	queued(trainerIds: readonly string[]): Promise<SeminarRegistrationRow[]>;
	markSent(seminarId: string, personIds: readonly string[]): Promise<void>;
}

export function registrationEntry(row: Pick<SeminarRegistrationRow, 'personId' | 'provisional'>): RegistrationEntry {
	return row.provisional ? { personId: row.personId, provisional: row.provisional } : { personId: row.personId };
}

/**
 * Sends one profile's queued registrations, a request per seminar. Answers the first outcome that should end or pause
 * the profile's pass (offline, signed out, outdated), or undefined when everything it could send is sent.
 */
export async function sendQueuedRegistrations(
	queue: RegistrationQueue,
	send: SendRegistrations,
	trainerIds: readonly string[],
	token: string
): Promise<Exclude<RegistrationOutcome, { kind: 'ok' } | { kind: 'refused' }> | undefined> {
	const bySeminar = new Map<string, SeminarRegistrationRow[]>();
	for (const row of await queue.queued(trainerIds)) bySeminar.set(row.seminarId, [...(bySeminar.get(row.seminarId) ?? []), row]);
	for (const [seminarId, all] of bySeminar) {
		for (let start = 0; start < all.length; start += MAX_REGISTRATIONS_PER_REQUEST) {
			const rows = all.slice(start, start + MAX_REGISTRATIONS_PER_REQUEST);
			const outcome = await send(token, seminarId, rows.map(registrationEntry));
			if (outcome.kind === 'ok') {
				// A person the server does not know (not in `registered`) stays queued and is asked about again.
				const registered = new Set(outcome.value.registered);
				await queue.markSent(seminarId, rows.map((row) => row.personId).filter((personId) => registered.has(personId)));
			} else if (outcome.kind === 'refused') break;
			// Refused: left queued (a trainer added back to the seminar sends it next time); the other seminars go on.
			else return outcome;
		}
	}
	return undefined;
}

/** The HTTP call, as the trainer's profile: its token is the bearer and the page cookie is never used. */
export function createRegistrationSender(options: { baseUrl?: string; fetch?: typeof fetch; timeoutMs?: number } = {}): SendRegistrations {
	const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
	return async (token, seminarId, participants) => {
		let response: Response;
		try {
			response = await fetchImpl(`${options.baseUrl ?? ''}/api/seminars/${encodeURIComponent(seminarId)}/participants`, {
				method: 'POST',
				credentials: 'omit',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
				body: JSON.stringify({ participants }),
				signal: AbortSignal.timeout(options.timeoutMs ?? 30_000)
			});
		} catch (error) {
			return { kind: 'retry', reason: error instanceof Error ? error.name : 'network' };
		}
		if (response.status === 200) {
			const body = (await response.json().catch(() => undefined)) as { registered?: unknown } | undefined;
			if (!Array.isArray(body?.registered)) return { kind: 'retry', reason: 'truncated answer' };
			return { kind: 'ok', value: { registered: body.registered.filter((id): id is string => typeof id === 'string') } };
		}
		const error = ((await response.json().catch(() => ({}))) as { error?: string | { code?: string } }).error;
		const code = typeof error === 'string' ? error : (error?.code ?? '');
		if (response.status === 401) return { kind: 'signed-out' };
		if (response.status === 426) return { kind: 'outdated' };
		if (response.status === 403 && code === 'password-change-required') return { kind: 'blocked', reason: code };
		if (response.status >= 500 || response.status === 408 || response.status === 429) return { kind: 'retry', reason: `HTTP ${response.status}` };
		return { kind: 'refused', status: response.status };
	};
}
