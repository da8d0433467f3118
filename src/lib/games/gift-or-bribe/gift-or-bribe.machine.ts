/**
 * "Gift or bribe?" as a state machine: the game itself, which the Phaser scene and the page only draw and feed.
 *
 * Two regions run side by side. `flow` is the round: intro → card → feedback → … → summary. `pace` is the clock:
 * `timed` ticks while a card is up and runs its time down, `untimed` (WCAG 2.2.1: the player may switch time limits
 * off) does not.
 * The player switches pace at any moment, mid-card included, and the round goes on where it was. Time comes from
 * the actor's clock (xstate's `clock` option: `SimulatedClock` in tests), never from Date.
 */
import { assign, emit, not, raise, setup, stateIn } from 'xstate';
import type { MiniGameAnswer } from '../../progress/game-events';
import type { GameEventDraft } from '../../progress/game-events';
import { dealRound, hasLevel, judge, levelSettings, roundPayload, TIMEOUT, type SortRules } from './rules';

/** How often a timed card's clock moves: often enough for a smooth bar, rarely enough to cost nothing. */
export const TICK_MS = 100;

export interface GiftOrBribeInput {
	game: SortRules;
	/** A new UUIDv7 for each round (its `playId`). */
	newPlayId: () => string;
	/** A new unsigned 32-bit seed for each round's deal. */
	newSeed: () => number;
	/** Start with the timer off (a player who switched it off before keeps it off). */
	untimed?: boolean;
}

export interface GiftOrBribeContext {
	game: SortRules;
	newPlayId: () => string;
	newSeed: () => number;
	startUntimed: boolean;
	/** Whether `pace` is `timed` now (mirrored so actions can read it). */
	timed: boolean;
	level: number;
	playId: string;
	seed: number;
	deck: string[];
	/** The card being shown or explained. */
	index: number;
	answers: MiniGameAnswer[];
	/** Time left on the current card. */
	remainingMs: number;
	/** The timer was off at some moment of this round. */
	untimedUsed: boolean;
}

export type GiftOrBribeEvent =
	| { type: 'START'; level: number }
	| { type: 'ANSWER'; category: string }
	| { type: 'NEXT' }
	| { type: 'TIMER_OFF' }
	| { type: 'TIMER_ON' }
	| { type: 'RETRY' }
	| { type: 'NEXT_LEVEL' }
	| { type: 'MENU' }
	| { type: 'TICK' };

export type GiftOrBribeEmitted = { type: 'round'; draft: Extract<GameEventDraft, { type: 'minigame.round' }> };

function newRound(context: GiftOrBribeContext, level: number): Partial<GiftOrBribeContext> {
	const seed = context.newSeed();
	return {
		level,
		seed,
		playId: context.newPlayId(),
		deck: dealRound(context.game, level, seed),
		index: 0,
		answers: [],
		remainingMs: levelSettings(context.game, level).secondsPerCard * 1000,
		untimedUsed: !context.timed
	};
}

/** The round's result as it stands (the summary shows it; the event records it). */
export function currentRound(context: GiftOrBribeContext) {
	return roundPayload(context.game, {
		playId: context.playId,
		level: context.level,
		mode: context.untimedUsed ? 'untimed' : 'timed',
		answers: context.answers,
		cardsDealt: context.deck.length
	});
}

export const giftOrBribeMachine = setup({
	types: {
		context: {} as GiftOrBribeContext,
		events: {} as GiftOrBribeEvent,
		input: {} as GiftOrBribeInput,
		emitted: {} as GiftOrBribeEmitted
	},
	delays: { tick: TICK_MS },
	guards: {
		startsUntimed: ({ context }) => context.startUntimed,
		levelExists: ({ context, event }) => event.type === 'START' && hasLevel(context.game, event.level),
		knownCategory: ({ context, event }) => event.type === 'ANSWER' && context.game.categories.includes(event.category),
		timeUp: ({ context }) => context.remainingMs - TICK_MS <= 0,
		roundOver: ({ context }) => context.index + 1 >= context.deck.length,
		canGoUp: ({ context }) => currentRound(context).passed && hasLevel(context.game, context.level + 1)
	},
	actions: {
		startLevel: assign(({ context, event }) => newRound(context, event.type === 'START' ? event.level : context.level)),
		retryLevel: assign(({ context }) => newRound(context, context.level)),
		nextLevel: assign(({ context }) => newRound(context, context.level + 1)),
		answer: assign({
			answers: ({ context, event }) =>
				event.type === 'ANSWER' ? [...context.answers, judge(context.game, context.deck[context.index]!, event.category)] : context.answers
		}),
		timeOut: assign({
			remainingMs: 0,
			answers: ({ context }) => [...context.answers, judge(context.game, context.deck[context.index]!, TIMEOUT)]
		}),
		tick: assign({ remainingMs: ({ context }) => context.remainingMs - TICK_MS }),
		nextCard: assign({
			index: ({ context }) => context.index + 1,
			remainingMs: ({ context }) => levelSettings(context.game, context.level).secondsPerCard * 1000
		}),
		markTimed: assign({ timed: true }),
		markUntimed: assign({ timed: false, untimedUsed: true }),
		emitRound: emit(({ context }) => ({ type: 'round' as const, draft: { type: 'minigame.round' as const, payload: currentRound(context) } }))
	}
}).createMachine({
	id: 'giftOrBribe',
	type: 'parallel',
	context: ({ input }) => ({
		game: input.game,
		newPlayId: input.newPlayId,
		newSeed: input.newSeed,
		startUntimed: input.untimed ?? false,
		timed: !input.untimed,
		level: 1,
		playId: '',
		seed: 0,
		deck: [],
		index: 0,
		answers: [],
		remainingMs: 0,
		untimedUsed: input.untimed ?? false
	}),
	states: {
		pace: {
			initial: 'choosing',
			states: {
				choosing: { always: [{ guard: 'startsUntimed', target: 'untimed' }, { target: 'timed' }] },
				timed: {
					entry: 'markTimed',
					on: { TIMER_OFF: 'untimed' },
					initial: 'waiting',
					states: {
						// Between cards, nothing ticks: an idle page costs nothing.
						waiting: { always: { guard: stateIn({ flow: 'card' }), target: 'running' } },
						running: {
							always: { guard: not(stateIn({ flow: 'card' })), target: 'waiting' },
							// The clock ticks here only; `flow` counts TICKs down while its card is up.
							after: { tick: { target: 'running', reenter: true, actions: raise({ type: 'TICK' }) } }
						}
					}
				},
				untimed: {
					entry: 'markUntimed',
					on: { TIMER_ON: 'timed' }
				}
			}
		},
		flow: {
			initial: 'intro',
			states: {
				intro: {
					on: { START: { guard: 'levelExists', target: 'card', actions: 'startLevel' } }
				},
				card: {
					on: {
						ANSWER: { guard: 'knownCategory', target: 'feedback', actions: 'answer' },
						TICK: [{ guard: 'timeUp', target: 'feedback', actions: 'timeOut' }, { actions: 'tick' }]
					}
				},
				feedback: {
					on: { NEXT: [{ guard: 'roundOver', target: 'summary' }, { target: 'card', actions: 'nextCard' }] }
				},
				summary: {
					entry: 'emitRound',
					on: {
						RETRY: { target: 'card', actions: 'retryLevel' },
						NEXT_LEVEL: { guard: 'canGoUp', target: 'card', actions: 'nextLevel' },
						MENU: 'intro'
					}
				}
			}
		}
	}
});
