import { createActor } from 'xstate';
import type { CompiledQuest, QuestCatalogueEntry } from '$lib/content/quest.types';
import { meterTrends, type MeterTrend } from '$lib/games/quest/meter-view';
import { playedDecision, type PlayedDecision } from '$lib/games/quest/played-decisions';
import { canRestore, createQuestMachine, isPaused, questView, saveQuest, type QuestActor, type QuestSnapshot } from '$lib/games/quest/quest.machine';
import type { QuestInput, QuestView } from '$lib/games/quest/quest-view';
import { questViewKey } from '$lib/games/quest/view-key';
import type { Subject } from '$lib/progress/event';
import type { GameEventDraft, QuestMode } from '$lib/progress/game-events';
import { localDatabase } from '$lib/storage/database';
import { createGameSavesRepo, questSaveId, type GameSavesRepo, type PlayStep } from '$lib/storage/game-saves.repo';
import { ensureLocalIdentity } from '$lib/storage/local-identity';
import { createProgressRepo, type ProgressRepo } from '$lib/storage/progress.repo';
import { createQuestPacksRepo } from '$lib/storage/quest-packs.repo';
import { createSettingsRepo } from '$lib/storage/settings.repo';
import { requestSync } from '$lib/sync/sync-loop.svelte';
import { uuidV7Generator } from '$lib/utils/ids';
import { loadQuest } from './quest-loader';

/** Whose play it is: a learner's own, or a class's on the teacher's screen (recorded by the teacher). */
export interface QuestPlayer {
	subject: Subject;
	recordedBy?: string;
	mode: QuestMode;
	/** False: timed decisions wait for the player (the untimed mode of WCAG 2.2.1). Default true; class plays never time. */
	timed?: boolean;
}

interface SaveMeta {
	decisions: PlayedDecision[];
}

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

/**
 * One quest played on this page: loads the compiled quest (kept on the device for offline play), resumes the saved
 * play or starts a new one with a random seed, and after every step writes the engine's event drafts and the save in
 * one transaction. The engine decides; the page draws `view` and sends input. `close()` stops the actor.
 */
export class QuestSession {
	state = $state<'loading' | 'ready' | 'unavailable'>('loading');
	/** Set when a step could not be stored: the player must not believe it is saved. */
	saveFailed = $state(false);
	quest = $state.raw<CompiledQuest>();
	view = $state.raw<QuestView>();
	trends = $state.raw<Record<string, MeterTrend>>({});
	paused = $state(false);
	/** The play was picked up from a save (it waits, paused, for the player to continue). */
	restored = $state(false);
	ended = $state(false);
	decisions = $state.raw<PlayedDecision[]>([]);

	#newId = uuidV7Generator(() => Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
	#player: QuestPlayer | undefined;
	#actor: QuestActor | undefined;
	#progress: ProgressRepo | undefined;
	#saves: GameSavesRepo | undefined;
	#saveId = '';
	#pending: GameEventDraft[] = [];
	#writes: Promise<void> = Promise.resolve();
	#closed = false;

	async open(entry: QuestCatalogueEntry, player: QuestPlayer): Promise<void> {
		const db = localDatabase();
		const identity = await ensureLocalIdentity(createSettingsRepo(db), this.#newId);
		this.#player = player;
		this.#progress = createProgressRepo(db, { deviceId: identity.deviceId, newId: this.#newId, now: () => new Date() });
		this.#saves = createGameSavesRepo(db);
		this.#saveId = questSaveId(entry.id, player.subject);
		const quest = await loadQuest(entry, createQuestPacksRepo(db));
		if (this.#closed) return;
		if (!quest) {
			this.state = 'unavailable';
			return;
		}
		this.quest = quest;
		const saved = await this.#saves.get<SaveMeta>(this.#saveId);
		if (this.#closed) return;
		if (saved && canRestore(saved.snapshot, quest)) {
			this.decisions = saved.meta?.decisions ?? [];
			this.restored = true;
			this.#start(quest, saved.snapshot);
		} else {
			this.#start(quest);
		}
		this.state = 'ready';
	}

	send(input: QuestInput): void {
		if (input.type === 'RESUME') this.restored = false;
		this.#actor?.send(input);
	}

	/** The pace of the next play (`restart`): timed decisions or none. The play under way keeps its own. */
	setTimed(timed: boolean): void {
		if (this.#player) this.#player = { ...this.#player, timed };
	}

	/** A new play from the start (another seed, another play id); the old save goes. */
	restart(): void {
		if (!this.quest) return;
		this.#actor?.stop();
		this.decisions = [];
		this.restored = false;
		this.trends = {};
		this.view = undefined;
		this.#start(this.quest);
	}

	/** Leaving the page: the actor stops; writes already queued still finish. */
	close(): void {
		this.#closed = true;
		this.#actor?.stop();
		this.#actor = undefined;
	}

	/** Resolves when every step so far is stored (tests and the page's "leave" path may wait for it). */
	settled(): Promise<void> {
		return this.#writes;
	}

	#start(quest: CompiledQuest, snapshot?: unknown): void {
		const machine = createQuestMachine(quest);
		const saved = snapshot as QuestSnapshot | undefined;
		// A restored actor ignores its input (the snapshot's context has the play): it is given the same for the types.
		const input = saved ? { playId: saved.context.playId, seed: saved.context.seed, mode: saved.context.mode } : { playId: this.#newId(), seed: randomSeed(), mode: this.#player!.mode, timed: this.#player!.timed ?? true };
		const actor = createActor(machine, saved ? { snapshot: saved, input } : { input });
		this.#actor = actor;
		this.#pending = [];
		actor.on('*', (draft) => this.#pending.push(draft as GameEventDraft));
		actor.subscribe((next) => {
			if (this.#actor === actor) this.#show(actor, next);
		});
		actor.start();
		this.#show(actor, actor.getSnapshot());
	}

	#show(actor: QuestActor, snapshot: QuestSnapshot): void {
		const quest = this.quest!;
		const previous = this.view;
		const view = questView(snapshot, quest);
		const events = this.#pending.splice(0);
		const decided = events.map((draft) => playedDecision(previous, draft)).filter((decision) => decision !== undefined);
		if (decided.length) this.decisions = [...this.decisions, ...decided];
		const sameView = questViewKey(previous) === questViewKey(view);
		if (!sameView) this.trends = meterTrends(previous?.meters, view.meters);
		this.view = view;
		this.paused = isPaused(snapshot);
		this.ended = snapshot.status === 'done';
		if (sameView && events.length === 0 && previous && !this.#pausedChanged(snapshot)) return;
		this.#write({
			events: events.map((draft) => ({ subject: this.#player!.subject, draft, ...(this.#player!.recordedBy ? { recordedBy: this.#player!.recordedBy } : {}) })),
			save: this.ended ? 'clear' : { snapshot: saveQuest(actor), meta: { decisions: this.decisions } }
		});
	}

	#lastPaused = false;
	/** A pause or resume is saved; a timer's tick alone is not (a reload resumes from the last step's seconds). */
	#pausedChanged(snapshot: QuestSnapshot): boolean {
		const paused = isPaused(snapshot);
		const changed = paused !== this.#lastPaused;
		this.#lastPaused = paused;
		return changed;
	}

	#write(step: PlayStep<SaveMeta>): void {
		const saves = this.#saves!;
		const progress = this.#progress!;
		this.#writes = this.#writes
			.then(() => saves.recordAndSave(progress, this.#saveId, step))
			.then(
				() => {
					if (step.events.length) requestSync('write');
				},
				() => {
					this.saveFailed = true;
				}
			);
	}
}
