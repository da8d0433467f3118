/**
 * The quest engine: an xstate 5 machine built from one compiled quest. It holds a play (quest-rules.ts decides every
 * step), shows delayed consequences before the node they arrive at, runs timed decisions on xstate delays (so the
 * actor's clock drives them: `createActor(machine, { clock })`), pauses and resumes, and emits the game event drafts
 * `quest.started`, `quest.choice` and `quest.ended` — subscribe with `actor.on('*', draft => …)` before `start()`.
 *
 * The quest itself is closed over, not kept in context, so a persisted snapshot holds only the play (a few hundred
 * bytes of JSON) and restores with `createActor(createQuestMachine(quest), { snapshot })`. Save with `saveQuest`: it
 * is `getPersistedSnapshot()` set to paused, because xstate keeps a pending delay (the timer's next tick) in memory
 * only, and a player who comes back after a reload should find the game waiting for them. Check `canRestore` first:
 * a quest that changed since the save is a new version, and the play starts over.
 */
import { assign, emit, enqueueActions, setup, type ActorRefFrom, type SnapshotFrom, type StateValue } from 'xstate';
import type { CompiledQuest } from '$lib/content/quest.types';
import type { GameEventDraft, QuestMode } from '$lib/progress/game-events';
import { isUint32 } from '$lib/utils/seeded-random';
import { advanceLine, dismissArrived, offeredChoices, playView, resolveVote, startPlay, takeChoice, type QuestPlayState } from './quest-rules';
import type { QuestInput, QuestView } from './quest-view';

export interface QuestMachineInput {
	/** UUIDv7 made by the host when the play begins; every event of the play carries it. */
	playId: string;
	/** Unsigned 32-bit seed: the order choices are shown in. Recorded in quest.started so a play can be replayed. */
	seed: number;
	/** `class`: a class votes on one screen (discussion prompts shown, no timers). Default `solo`. */
	mode?: QuestMode;
	/** Timed decisions count down (default true in solo mode). False is the untimed mode of WCAG 2.2.1. */
	timed?: boolean;
}

export interface QuestContext {
	questId: string;
	questVersion: string;
	playId: string;
	seed: number;
	mode: QuestMode;
	timed: boolean;
	play: QuestPlayState;
	/** Seconds left on the timed decision on screen; null when none is running. */
	secondsLeft: number | null;
}

const TICK_MS = 1000;

export function createQuestMachine(quest: CompiledQuest) {
	const draftBase = (context: QuestContext) => ({ questId: context.questId, questVersion: context.questVersion, playId: context.playId });

	/** The choice a CHOOSE takes now, or undefined when it is not allowed. */
	const chosenBy = (context: QuestContext, event: Extract<QuestInput, { type: 'CHOOSE' }>): string | undefined => {
		const offered = offeredChoices(quest, context.play);
		if (event.votes) return context.mode === 'class' ? resolveVote(event.votes, offered, event.choiceId) : undefined;
		return offered.includes(event.choiceId) ? event.choiceId : undefined;
	};

	/** Takes a choice: the play after it, and the `quest.choice` draft to emit. */
	const take = (context: QuestContext, choiceId: string, votes?: Record<string, number>) => {
		const play = takeChoice(quest, context.play, choiceId).state;
		const draft: GameEventDraft = {
			type: 'quest.choice',
			payload: { ...draftBase(context), nodeId: context.play.node, choiceId, step: play.step, ...(votes ? { votes: { ...votes } } : {}) }
		};
		return { play, draft };
	};

	return setup({
		types: {
			context: {} as QuestContext,
			input: {} as QuestMachineInput,
			events: {} as QuestInput,
			emitted: {} as GameEventDraft
		},
		guards: {
			consequenceWaiting: ({ context }) => context.play.arrived.length > 0,
			atEnding: ({ context }) => quest.nodes[context.play.node]?.type === 'ending',
			atLine: ({ context }) => quest.nodes[context.play.node]?.type === 'line',
			timerRunning: ({ context }) => context.secondsLeft !== null,
			timeUp: ({ context }) => context.secondsLeft !== null && context.secondsLeft <= 0,
			canChoose: ({ context, event }) => event.type === 'CHOOSE' && chosenBy(context, event) !== undefined
		},
		actions: {
			emitStarted: emit(({ context }) => ({
				type: 'quest.started' as const,
				payload: { ...draftBase(context), seed: context.seed, mode: context.mode }
			})),
			emitEnded: emit(({ context }) => ({
				type: 'quest.ended' as const,
				payload: { ...draftBase(context), endingId: context.play.node, meters: { ...context.play.meters }, steps: context.play.step }
			})),
			dismissConsequence: assign({ play: ({ context }) => dismissArrived(context.play) }),
			advance: assign({ play: ({ context }) => advanceLine(quest, context.play).state }),
			armTimer: assign({
				secondsLeft: ({ context }) => {
					const node = quest.nodes[context.play.node];
					return context.timed && node?.type === 'choice' && node.timer ? node.timer.seconds : null;
				}
			}),
			tick: assign({ secondsLeft: ({ context }) => (context.secondsLeft === null ? null : context.secondsLeft - 1) }),
			choose: enqueueActions(({ context, event, enqueue }) => {
				if (event.type !== 'CHOOSE') return;
				const choiceId = chosenBy(context, event);
				if (choiceId === undefined) return;
				const { play, draft } = take(context, choiceId, event.votes);
				enqueue.assign({ play, secondsLeft: null });
				enqueue.emit(draft);
			}),
			// Time ran out: the script's timer choice, which is always on offer (the build checks it).
			timeout: enqueueActions(({ context, enqueue }) => {
				const node = quest.nodes[context.play.node];
				if (node?.type !== 'choice' || !node.timer) return;
				const { play, draft } = take(context, node.timer.choice);
				enqueue.assign({ play, secondsLeft: null });
				enqueue.emit(draft);
			})
		}
	}).createMachine({
		id: 'quest',
		context: ({ input }) => {
			if (!isUint32(input.seed)) throw new RangeError(`seed must be an unsigned 32-bit integer: ${input.seed}`);
			const mode = input.mode ?? 'solo';
			return {
				questId: quest.id,
				questVersion: quest.version,
				playId: input.playId,
				seed: input.seed,
				mode,
				timed: mode === 'solo' && (input.timed ?? true),
				play: startPlay(quest).state,
				secondsLeft: null
			};
		},
		entry: 'emitStarted',
		initial: 'playing',
		states: {
			playing: {
				initial: 'route',
				on: { PAUSE: 'paused' },
				states: {
					/** Decides what to show next; never rests here. */
					route: {
						always: [
							{ guard: 'consequenceWaiting', target: 'consequence' },
							{ guard: 'atEnding', target: '#quest.ended' },
							{ guard: 'atLine', target: 'line' },
							{ target: 'choice', actions: 'armTimer' }
						]
					},
					consequence: { on: { NEXT: { target: 'route', actions: 'dismissConsequence' } } },
					line: { on: { NEXT: { target: 'route', actions: 'advance' } } },
					choice: {
						initial: 'deciding',
						on: { CHOOSE: { guard: 'canChoose', target: 'route', actions: 'choose' } },
						states: {
							deciding: { always: { guard: 'timerRunning', target: 'timed' } },
							// Re-entered every second; a pause leaves it, so the count stops, and resuming re-enters it.
							timed: {
								always: { guard: 'timeUp', target: '#quest.playing.route', actions: 'timeout' },
								// A snapshot restored as it was (not through saveQuest) has no tick scheduled: RESUME restarts it.
								on: { RESUME: { target: 'timed', reenter: true } },
								after: { [TICK_MS]: { target: 'timed', reenter: true, actions: 'tick' } }
							}
						}
					},
					resume: { type: 'history', history: 'deep' }
				}
			},
			paused: { on: { RESUME: 'playing.resume' } },
			ended: { type: 'final', entry: 'emitEnded' }
		}
	});
}

export type QuestMachine = ReturnType<typeof createQuestMachine>;
export type QuestActor = ActorRefFrom<QuestMachine>;
export type QuestSnapshot = SnapshotFrom<QuestMachine>;

/** What the renderer draws for this snapshot. While paused it is the view under the pause, its timer held. */
export function questView(snapshot: QuestSnapshot, quest: CompiledQuest): QuestView {
	const { play, seed, mode, secondsLeft } = snapshot.context;
	return playView(quest, play, { seed, mode, ...(secondsLeft !== null ? { secondsLeft } : {}) });
}

export function isPaused(snapshot: QuestSnapshot): boolean {
	return snapshot.matches('paused');
}

/** A saved play can continue only on the quest version it was played on, and only while it has not ended. */
export function canRestore(persisted: unknown, quest: CompiledQuest): boolean {
	const saved = persisted as { status?: string; context?: Partial<QuestContext> } | null;
	return (
		typeof saved === 'object' &&
		saved !== null &&
		saved.status === 'active' &&
		saved.context?.questId === quest.id &&
		saved.context?.questVersion === quest.version &&
		typeof saved.context?.play?.node === 'string' &&
		quest.nodes[saved.context.play.node] !== undefined
	);
}

/** The id of the one leaf state a state value names, e.g. `{ playing: { choice: 'timed' } }` → `quest.playing.choice.timed`. */
function leafId(value: StateValue, prefix = 'quest'): string {
	if (typeof value === 'string') return `${prefix}.${value}`;
	const [key, inner] = Object.entries(value)[0] ?? [];
	return key === undefined ? prefix : inner === undefined ? `${prefix}.${key}` : leafId(inner as StateValue, `${prefix}.${key}`);
}

/**
 * A play to save (JSON-safe): the persisted snapshot, paused, so that restoring it waits for RESUME and the timer
 * of a timed decision resumes with the seconds it had. An ended play is saved as it is.
 */
export function saveQuest(actor: QuestActor): unknown {
	const persisted = actor.getPersistedSnapshot() as unknown as { status: string; value: StateValue; historyValue?: Record<string, unknown> };
	if (persisted.status !== 'active' || persisted.value === 'paused') return persisted;
	return { ...persisted, value: 'paused', historyValue: { ...persisted.historyValue, 'quest.playing.resume': [{ id: leafId(persisted.value) }] } };
}
