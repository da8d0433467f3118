import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { guestProfile, outboxRow, TazaLocalDatabase, type ProfileRow } from '$lib/storage/database';
import { createSeminarsRepo } from '$lib/storage/seminars.repo';
import { createSyncStateRepo } from '$lib/storage/sync-state.repo';
import type { ProgressEvent } from '$lib/progress/progress-event';
import { createRegistrationSender, sendQueuedRegistrations, type RegistrationEntry, type RegistrationOutcome } from './seminar-registrations';
import { syncOnce } from './sync-run';
import type { SyncTransport } from './transport';

const at = new Date('2026-11-27T05:00:00Z');
const trainer: ProfileRow = { ...guestProfile('trainer-1', 'Тренер', at.toISOString()), kind: 'account', token: 'trainer-token' };
const provisional = { displayName: 'Чолпон Асанова', phone: '+996 700 000 000', schoolCode: 'N-1' };

async function deviceWithQueue() {
	const db = new TazaLocalDatabase(`registrations-${Math.random()}`);
	const repo = createSeminarsRepo(db, () => at);
	await repo.register('trainer-1', { seminarId: 'sem-1', personId: 'p-new', displayName: provisional.displayName, schoolCode: 'N-1', provisional });
	await repo.register('trainer-1', { seminarId: 'sem-1', personId: 'p-scanned', displayName: 'Бакыт', schoolCode: null, provisional: null });
	await repo.register('trainer-1', { seminarId: 'sem-2', personId: 'p-other', displayName: 'Нурлан', schoolCode: null, provisional: null });
	await repo.register('someone-else', { seminarId: 'sem-1', personId: 'p-not-mine', displayName: 'X', schoolCode: null, provisional: null });
	return { db, repo };
}

describe("a trainer's seminar registrations in the sync pass", () => {
	it('go one request per seminar with the trainer token, and leave the queue only for what a 200 registered', async () => {
		const { db, repo } = await deviceWithQueue();
		const calls: { token: string; seminarId: string; participants: RegistrationEntry[] }[] = [];
		const send = async (token: string, seminarId: string, participants: RegistrationEntry[]): Promise<RegistrationOutcome> => {
			calls.push({ token, seminarId, participants });
			if (seminarId === 'sem-2') return { kind: 'refused', status: 404 };
			return { kind: 'ok', value: { registered: ['p-new'] } };
		};
		expect(await sendQueuedRegistrations(repo, send, ['trainer-1'], 'trainer-token')).toBeUndefined();
		expect(calls).toEqual([
			{ token: 'trainer-token', seminarId: 'sem-1', participants: [{ personId: 'p-new', provisional }, { personId: 'p-scanned' }] },
			{ token: 'trainer-token', seminarId: 'sem-2', participants: [{ personId: 'p-other' }] }
		]);
		expect((await repo.queued(['trainer-1'])).map((row) => row.personId)).toEqual(['p-scanned', 'p-other']);
		await db.delete();
	});

	it('stop the pass when offline, keeping everything queued', async () => {
		const { db, repo } = await deviceWithQueue();
		const outcome = await sendQueuedRegistrations(repo, async () => ({ kind: 'retry', reason: 'TypeError' }), ['trainer-1'], 'trainer-token');
		expect(outcome).toEqual({ kind: 'retry', reason: 'TypeError' });
		expect(await repo.queued(['trainer-1'])).toHaveLength(3);
		await db.delete();
	});

	it("are sent before the trainer's events are pushed", async () => {
		const { db, repo } = await deviceWithQueue();
		const event = { id: '0190d000-0000-7000-8000-000000000001', subject: { kind: 'learner', id: 'p-new' }, recordedBy: 'trainer-1' } as unknown as ProgressEvent;
		await db.events.add(event);
		await db.outbox.add(outboxRow(event, at.toISOString()));
		const order: string[] = [];
		const transport: SyncTransport = {
			push: async (_token, request) => (order.push('push'), { kind: 'ok', value: { acknowledged: request.events.length } as never }),
			pull: async () => (order.push('pull'), { kind: 'ok', value: { partitions: [], readable: [] } as never })
		};
		const send = async (_token: string, _seminarId: string, participants: RegistrationEntry[]): Promise<RegistrationOutcome> => {
			order.push('register');
			return { kind: 'ok', value: { registered: participants.map((entry) => entry.personId) } };
		};
		const result = await syncOnce({
			profiles: async () => [trainer],
			state: createSyncStateRepo(db, () => at),
			transport,
			deviceId: 'device-1',
			now: () => at,
			dropToken: async () => {},
			registrations: { queue: repo, send }
		});
		expect(result.outcome).toBe('done');
		expect(order).toEqual(['register', 'register', 'push', 'pull']);
		expect(await repo.queued(['trainer-1'])).toEqual([]);
		await db.delete();
	});

	it('over HTTP: a 200 lists who was registered, 401 signs out, a 404 is refused and 5xx or no network is retried', async () => {
		const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;
		const seen: RequestInit[] = [];
		const recording: typeof fetch = async (input, init) => {
			seen.push({ ...init, body: `${String(input)} ${String(init?.body)}` });
			return new Response(JSON.stringify({ registered: ['p-1'] }), { status: 200 });
		};
		expect(await createRegistrationSender({ fetch: recording })('t', 'sem-1', [{ personId: 'p-1' }])).toEqual({ kind: 'ok', value: { registered: ['p-1'] } });
		expect(seen[0]).toMatchObject({ method: 'POST', credentials: 'omit', body: '/api/seminars/sem-1/participants {"participants":[{"personId":"p-1"}]}' });
		expect(new Headers(seen[0]!.headers).get('authorization')).toBe('Bearer t');
		expect(await createRegistrationSender({ fetch: answer(401, { error: 'profile-token-invalid' }) })('t', 's', [])).toEqual({ kind: 'signed-out' });
		expect(await createRegistrationSender({ fetch: answer(404, { error: { code: 'not-found', message: '' } }) })('t', 's', [])).toEqual({ kind: 'refused', status: 404 });
		expect((await createRegistrationSender({ fetch: answer(503, {}) })('t', 's', [])).kind).toBe('retry');
		const offline: typeof fetch = async () => {
			throw new TypeError('Failed to fetch');
		};
		expect(await createRegistrationSender({ fetch: offline })('t', 's', [])).toEqual({ kind: 'retry', reason: 'TypeError' });
	});
});

describe('many registrations for one seminar', () => {
	it('go in requests the server takes (at most 200 each)', async () => {
		const db = new TazaLocalDatabase(`registrations-${Math.random()}`);
		const repo = createSeminarsRepo(db, () => at);
		await db.seminarRegistrations.bulkAdd(
			Array.from({ length: 201 }, (_, index) => ({ seminarId: 'sem-1', personId: `p-${index}`, trainerId: 'trainer-1', displayName: 'x', schoolCode: null, provisional: null, registeredAt: at.toISOString(), sentAt: null }))
		);
		const sizes: number[] = [];
		await sendQueuedRegistrations(repo, async (_token, _seminar, participants) => (sizes.push(participants.length), { kind: 'ok', value: { registered: participants.map((entry) => entry.personId) } }), ['trainer-1'], 't');
		expect(sizes).toEqual([200, 1]);
		expect(await repo.queued(['trainer-1'])).toEqual([]);
		await db.delete();
	});
});
