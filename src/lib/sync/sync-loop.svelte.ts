/**
 * The sync loop in the browser: one per origin (held with a Web Lock, so two tabs never push the same outbox at
 * once), started on app start and woken by `online`, by the page becoming visible, by a timer, by every write (from
 * any tab, over a BroadcastChannel) and by Background Sync where the browser has it. Every tab shows the status,
 * read from IndexedDB.
 */
import { liveQuery } from 'dexie';
import { createActor, fromPromise } from 'xstate';
import { localDatabase } from '$lib/storage/database';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { createProfilesRepo } from '$lib/storage/profiles.repo';
import { createSeminarsRepo } from '$lib/storage/seminars.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { createSyncStateRepo } from '$lib/storage/sync-state.repo';
import { uuidV7Generator } from '$lib/utils/ids';
import { createRegistrationSender } from './seminar-registrations';
import { createAssignmentsRepo } from '$lib/storage/assignments.repo';
import { uploadPendingAttachments } from './attachment-upload';
import { syncOnce } from './sync-run';
import { syncMachine, type SyncTrigger } from './sync.machine';
import { createHttpTransport } from './transport';

const CHANNEL = 'taza-sync';
const LOCK = 'taza-sync-loop';
const BACKGROUND_SYNC_TAG = 'taza-sync';

/** Asks whichever tab runs the loop for a pass (after a write, or a person pressing "retry"). */
export function requestSync(reason: SyncTrigger = 'write'): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(CHANNEL);
	channel.postMessage(reason);
	channel.close();
	if (reason === 'write') void registerBackgroundSync();
}

/** A bonus where it exists: the browser wakes the service worker when the link returns, which wakes the loop. */
async function registerBackgroundSync(): Promise<void> {
	try {
		const registration = (await navigator.serviceWorker?.ready) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
		await registration?.sync?.register(BACKGROUND_SYNC_TAG);
	} catch {
		// Not supported, or not allowed: the other triggers cover it.
	}
}

export type SyncPhase = 'idle' | 'syncing' | 'waiting' | 'outdated';

export class SyncLoop {
	/** Where this tab's loop is; a tab that does not hold the lock reads only the stored status. */
	phase = $state<SyncPhase>('idle');
	lastError = $state<string | null>(null);
	waiting = $state(0);
	oldestWaitingAt = $state<string | null>(null);
	lastSyncedAt = $state<string | null>(null);
	runsHere = $state(false);

	start(): () => void {
		const db = localDatabase();
		const state = createSyncStateRepo(db);
		const status = liveQuery(() => state.status()).subscribe((next) => {
			this.waiting = next.waiting;
			this.oldestWaitingAt = next.oldestWaitingAt;
			this.lastSyncedAt = next.lastSyncedAt;
		});
		let stopLoop: () => void = () => {};
		let released = false;
		const run = () =>
			new Promise<void>((resolve) => {
				if (released) return resolve();
				this.runsHere = true;
				const stop = this.#runLoop();
				stopLoop = () => {
					stop();
					this.runsHere = false;
					resolve();
				};
			});
		if (typeof navigator !== 'undefined' && navigator.locks) void navigator.locks.request(LOCK, run);
		else void run();
		return () => {
			released = true;
			status.unsubscribe();
			stopLoop();
		};
	}

	/** "Retry" from any tab reaches the loop wherever it runs. */
	retry(): void {
		requestSync('retry');
	}

	#runLoop(): () => void {
		const db = localDatabase();
		const newId = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
		const profiles = createProfilesRepo(db, { newId, now: () => new Date() });
		const transport = createHttpTransport();
		const registrations = { queue: createSeminarsRepo(db), send: createRegistrationSender() };
		const machine = syncMachine.provide({
			actors: {
				runSync: fromPromise(async () => {
					const identity = await ensureLocalIdentity(createSettingsRepo(db), newId);
					return syncOnce({
						profiles: () => db.profiles.toArray(),
						state: createSyncStateRepo(db),
						transport,
						deviceId: identity.deviceId,
						now: () => new Date(),
						dropToken: (profileId, token) => profiles.dropToken(profileId, token),
						registrations,
						uploadAttachments: (token, ownerIds) => {
							const photos = createAssignmentsRepo(db);
							return uploadPendingAttachments({ pending: photos.pendingUploads, markUploaded: photos.markUploaded, markRefused: photos.markRefused }, token, ownerIds);
						}
					});
				})
			}
		});
		const actor = createActor(machine, { input: { random: Math.random } });
		actor.subscribe((snapshot) => {
			this.phase = snapshot.value as SyncPhase;
			this.lastError = snapshot.context.lastError;
		});
		actor.start();
		const trigger = (reason: SyncTrigger) => actor.send({ type: 'TRIGGER', reason });
		const channel = new BroadcastChannel(CHANNEL);
		channel.onmessage = (message) => trigger(message.data as SyncTrigger);
		const onOnline = () => trigger('online');
		const onVisible = () => {
			if (document.visibilityState === 'visible') trigger('visible');
		};
		const onWorkerMessage = (event: MessageEvent) => {
			if ((event.data as { type?: string })?.type === 'taza-sync') trigger('online');
		};
		window.addEventListener('online', onOnline);
		document.addEventListener('visibilitychange', onVisible);
		navigator.serviceWorker?.addEventListener('message', onWorkerMessage);
		trigger('start');
		return () => {
			channel.close();
			window.removeEventListener('online', onOnline);
			document.removeEventListener('visibilitychange', onVisible);
			navigator.serviceWorker?.removeEventListener('message', onWorkerMessage);
			actor.stop();
		};
	}
}
