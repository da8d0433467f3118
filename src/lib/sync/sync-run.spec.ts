import { describe, expect, it } from 'vitest';
import type { ProfileRow } from '$lib/storage/database';
import { guestProfile } from '$lib/storage/database';
import type { SyncStateRepo } from '$lib/storage/sync-state.repo';
import type { ProgressEvent } from '$lib/progress/progress-event';
import type { UploadOutcome } from './attachment-upload';
import { syncOnce } from './sync-run';
import type { SyncTransport } from './transport';

const aida: ProfileRow = { ...guestProfile('aida', 'Айда', '2026-05-01T00:00:00.000Z'), kind: 'account', token: 'token-aida' };

/** A profile with one event waiting, a server that takes everything, and a log of what happened in which order. */
function world(upload: UploadOutcome) {
	const log: string[] = [];
	let waiting = [{ row: { id: 'e1', subjectId: 'aida', bytes: 10, queuedAt: '' }, event: { id: 'e1' } as ProgressEvent }];
	const state = {
		pending: async () => waiting,
		acknowledge: async (ids: readonly string[]) => void (waiting = waiting.filter((item) => !ids.includes(item.row.id))),
		cursors: async () => ({}),
		applyPulledPage: async () => {},
		forgetPartitions: async () => {},
		markSynced: async () => {}
	} as unknown as SyncStateRepo;
	const transport: SyncTransport = {
		push: async (_token, request) => (log.push(`push ${request.events.length}`), { kind: 'ok', value: { protocol: 1, acknowledged: request.events.length, exceptions: [], serverTime: '' } }),
		pull: async () => ({ kind: 'ok', value: { protocol: 1, partitions: [], readable: [], serverTime: '' } })
	};
	const dropped: string[] = [];
	const deps = {
		profiles: async () => [aida],
		state,
		transport,
		deviceId: 'device',
		now: () => new Date('2026-05-05T00:00:00.000Z'),
		dropToken: async (profileId: string) => void dropped.push(profileId),
		uploadAttachments: async (token: string, ownerIds: readonly string[]) => (log.push(`upload ${token} ${ownerIds.join(',')}`), upload)
	};
	return { deps, log, dropped };
}

describe('a sync pass with photos waiting', () => {
	it('sends the profile’s photos under its token before its events', async () => {
		const { deps, log } = world({ kind: 'done', uploaded: 1 });
		expect((await syncOnce(deps)).outcome).toBe('done');
		expect(log).toEqual(['upload token-aida aida', 'push 1']);
	});

	it('pushes no event while the photos could not go, and tries again later', async () => {
		const { deps, log } = world({ kind: 'retry', reason: 'TypeError', uploaded: 0 });
		expect(await syncOnce(deps)).toMatchObject({ outcome: 'retry', reason: 'TypeError', pushed: 0 });
		expect(log).toEqual(['upload token-aida aida']);
	});

	it('sets the profile aside when the server refuses its token for the photos', async () => {
		const { deps, log, dropped } = world({ kind: 'signed-out' });
		expect(await syncOnce(deps)).toMatchObject({ outcome: 'done', needsAttention: ['aida'] });
		expect(dropped).toEqual(['aida']);
		expect(log).toEqual(['upload token-aida aida']);
	});
});
