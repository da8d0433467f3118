import { levelRecords, type LevelRecord } from '$lib/games/core/round-records';
import type { GameEventDraft, MiniGameRoundEvent } from '$lib/progress/game-events';
import { localDatabase } from '$lib/storage/database';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { subjectIdsOf } from '$lib/storage/profile-rules';
import { createProfilesRepo } from '$lib/storage/profiles.repo';
import { createProgressRepo, type ProgressRepo } from '$lib/storage/progress.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { requestSync } from '$lib/sync/sync-loop.svelte';
import { uuidV7Generator } from '$lib/utils/ids';

/**
 * A mini-game opened on this device: who plays (the profile active when it opened; switching profiles mounts the game
 * pages again, games/+layout.svelte), their best rounds so far, and recording a finished round. The game itself never
 * writes storage; it emits drafts, and this records them (G1: stored and queued in one transaction).
 */
export class GameSession {
	state = $state<'loading' | 'ready'>('loading');
	records = $state.raw<LevelRecord[]>([]);
	/** The last round: saved, or could not be (the player must not believe it is). */
	saved = $state<'none' | 'saved' | 'failed'>('none');
	newId: () => string = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
	#progress: ProgressRepo | undefined;
	#learnerId = '';
	#subjectIds: string[] = [];
	#gameId = '';

	async open(gameId: string): Promise<void> {
		this.#gameId = gameId;
		const db = localDatabase();
		const identity = await ensureLocalIdentity(createSettingsRepo(db), this.newId);
		const profile = await createProfilesRepo(db, { newId: this.newId, now: () => new Date() }).active();
		this.#learnerId = profile.id;
		this.#subjectIds = subjectIdsOf(profile);
		this.#progress = createProgressRepo(db, { deviceId: identity.deviceId, newId: this.newId, now: () => new Date() });
		await this.#refresh();
		this.state = 'ready';
	}

	async record(draft: GameEventDraft): Promise<void> {
		if (!this.#progress) return;
		try {
			await this.#progress.recordGameEvent({ kind: 'learner', id: this.#learnerId }, draft);
			this.saved = 'saved';
		} catch {
			this.saved = 'failed';
			return;
		}
		requestSync('write');
		await this.#refresh();
	}

	/** Best rounds across the profile's own id and the guest ids it took over. */
	async #refresh(): Promise<void> {
		const progress = this.#progress;
		if (!progress) return;
		const events = (await Promise.all(this.#subjectIds.map((id) => progress.gameEvents(id, this.#gameId)))).flat();
		this.records = levelRecords(events.filter((event): event is MiniGameRoundEvent => event.type === 'minigame.round'));
	}
}

/** A seed for a round's deal: an unsigned 32-bit integer from the browser's random source. */
export function randomSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
