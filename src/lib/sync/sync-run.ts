/**
 * One pass of sync for every profile on the device: push each profile's outbox under that profile's token, batch by
 * batch, then pull every partition it may read until nothing more is waiting. Returns what the loop should do next.
 */
import { MAX_PUSH_EVENTS, partitionName, SYNC_PROTOCOL } from '$lib/progress/sync-protocol';
import type { ProfileRow } from '$lib/storage/database';
import type { SyncStateRepo } from '$lib/storage/sync-state.repo';
import { takeBatch } from './batching';
import { sendQueuedRegistrations, type RegistrationQueue, type SendRegistrations } from './seminar-registrations';
import type { UploadOutcome } from './attachment-upload';
import type { SyncTransport, TransportOutcome } from './transport';

/** Well under the server's 1 MiB, so a batch is quick to resend on a slow link. */
export const DEFAULT_BATCH_BYTES = 128 * 1024;

export interface SyncRunDependencies {
	profiles: () => Promise<ProfileRow[]>;
	state: SyncStateRepo;
	transport: SyncTransport;
	deviceId: string;
	now: () => Date;
	/** The server refused a profile's token: forget it, so the person is asked to sign in again. */
	dropToken: (profileId: string, token: string) => Promise<void>;
	maxBatchBytes?: number;
	/** People a trainer registered for a seminar on this device, sent before that trainer's events (absent: none). */
	registrations?: { queue: RegistrationQueue; send: SendRegistrations };
	/** Sends the profile's waiting photos (`attachment-upload.ts`); runs before its events are pushed. */
	uploadAttachments?: (token: string, ownerIds: readonly string[]) => Promise<UploadOutcome>;
}

export interface SyncRunResult {
	outcome: 'done' | 'retry' | 'outdated';
	reason?: string;
	pushed: number;
	pulledPages: number;
	/** Profiles whose token was refused, or who must change their password first: their events wait. */
	needsAttention: string[];
}

export async function syncOnce(deps: SyncRunDependencies): Promise<SyncRunResult> {
	const result: SyncRunResult = { outcome: 'done', pushed: 0, pulledPages: 0, needsAttention: [] };
	for (const profile of await deps.profiles()) {
		const token = profile.token;
		if (!token) continue;
		const stopRegistrations = await sendRegistrations(deps, profile, token, result);
		if (stopRegistrations) return stopRegistrations;
		if (result.needsAttention.includes(profile.id)) continue;
		// Photos first: an assignment that names them must not reach the server before them.
		const upload = await deps.uploadAttachments?.(token, [profile.id, ...profile.aliases]);
		if (upload?.kind === 'retry') return { ...result, outcome: 'retry', reason: upload.reason };
		if (upload?.kind === 'signed-out') {
			await deps.dropToken(profile.id, token);
			result.needsAttention.push(profile.id);
			continue;
		}
		const stop = await pushAll(deps, profile, token, result);
		if (stop) return stop;
		if (result.needsAttention.includes(profile.id)) continue;
		const stopPull = await pullAll(deps, profile, token, result);
		if (stopPull) return stopPull;
	}
	await deps.state.markSynced();
	return result;
}

/** A trainer's seminar registrations go first, so the server knows whom the attendance events are about. */
async function sendRegistrations(deps: SyncRunDependencies, profile: ProfileRow, token: string, result: SyncRunResult): Promise<SyncRunResult | undefined> {
	if (!deps.registrations) return undefined;
	const outcome = await sendQueuedRegistrations(deps.registrations.queue, deps.registrations.send, [profile.id], token);
	return outcome ? stopFor(deps, profile, token, outcome, result) : undefined;
}

async function pushAll(deps: SyncRunDependencies, profile: ProfileRow, token: string, result: SyncRunResult): Promise<SyncRunResult | undefined> {
	const subjectIds = [profile.id, ...profile.aliases];
	let maxBytes = deps.maxBatchBytes ?? DEFAULT_BATCH_BYTES;
	for (;;) {
		const pending = await deps.state.pending(subjectIds, MAX_PUSH_EVENTS);
		if (pending.length === 0) return undefined;
		const batch = takeBatch(
			pending.map((item) => ({ ...item, bytes: item.row.bytes })),
			maxBytes,
			MAX_PUSH_EVENTS
		);
		const outcome = await deps.transport.push(token, {
			protocol: SYNC_PROTOCOL,
			deviceId: deps.deviceId,
			sentAt: deps.now().toISOString(),
			events: batch.map((item) => item.event)
		});
		switch (outcome.kind) {
			case 'ok': {
				// Only what the server says it holds leaves the outbox; anything else is sent again next time.
				const held = batch.slice(0, Math.min(outcome.value.acknowledged, batch.length)).map((item) => item.event.id);
				await deps.state.acknowledge(held);
				result.pushed += held.length;
				if (held.length === 0) return { ...result, outcome: 'retry', reason: 'nothing acknowledged' };
				break;
			}
			case 'too-large':
				if (batch.length === 1) return { ...result, outcome: 'retry', reason: 'one event is larger than the server accepts' };
				maxBytes = Math.max(1, Math.floor(maxBytes / 2));
				break;
			default:
				return stopFor(deps, profile, token, outcome, result);
		}
	}
}

async function pullAll(deps: SyncRunDependencies, profile: ProfileRow, token: string, result: SyncRunResult): Promise<SyncRunResult | undefined> {
	const ownPartition = partitionName('learner', profile.id);
	for (;;) {
		const outcome = await deps.transport.pull(token, { protocol: SYNC_PROTOCOL, cursors: await deps.state.cursors(profile.id) });
		switch (outcome.kind) {
			case 'ok': {
				for (const page of outcome.value.partitions) {
					await deps.state.applyPulledPage({ profileId: profile.id, ownPartition, partition: page.partition, cursor: page.cursor, summaries: page.summaries });
					result.pulledPages += 1;
				}
				await deps.state.forgetPartitions(profile.id, outcome.value.readable);
				if (!outcome.value.partitions.some((page) => page.more)) return undefined;
				break;
			}
			default:
				return stopFor(deps, profile, token, outcome, result);
		}
	}
}

/**
 * What push and pull both do when the server did not take the request: a refused token is dropped and the profile
 * waits for its person (the others go on), a blocked one waits too, and anything else ends the pass.
 */
async function stopFor(
	deps: SyncRunDependencies,
	profile: ProfileRow,
	token: string,
	outcome: Exclude<TransportOutcome<unknown>, { kind: 'ok' }>,
	result: SyncRunResult
): Promise<SyncRunResult | undefined> {
	switch (outcome.kind) {
		case 'signed-out':
			await deps.dropToken(profile.id, token);
			result.needsAttention.push(profile.id);
			return undefined;
		case 'blocked':
			result.needsAttention.push(profile.id);
			return undefined;
		case 'outdated':
			return { ...result, outcome: 'outdated' };
		case 'too-large':
			return { ...result, outcome: 'retry', reason: 'request too large' };
		case 'retry':
			return { ...result, outcome: 'retry', reason: outcome.reason };
	}
}
