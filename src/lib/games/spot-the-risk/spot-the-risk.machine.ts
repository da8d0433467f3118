/**
 * "Spot the risk" as a state machine. Two regions run side by side: `flow` is the round (intro → looking ⇄
 * explaining → summary) and `view` is how the scene is shown — the drawn `scene` (Phaser, tapped by pointer) or the
 * `list` of what it shows (HTML, for a keyboard and a screen reader). The player switches view at any moment and
 * the round goes on with what was found; a round played in the list at any moment is recorded as `list`.
 */
import { assign, emit, setup } from 'xstate';
import type { GameEventDraft } from '../../progress/game-events';
import { addTap, allFound, hasLevel, itemAt, itemOf, levelScene, spotPayload, spotResult, type SpotRules, type Taps } from './rules';

export interface SpotTheRiskInput {
	game: SpotRules;
	newPlayId: () => string;
	/** Start in the list (the player chose it, or the drawing cannot be shown). */
	list?: boolean;
}

export interface SpotTheRiskContext {
	game: SpotRules;
	newPlayId: () => string;
	startInList: boolean;
	/** Whether `view` is `list` now (mirrored so actions can read it). */
	inList: boolean;
	level: number;
	playId: string;
	taps: Taps;
	/** The item whose explanation is shown. */
	shown: string | undefined;
	listUsed: boolean;
}

export type SpotTheRiskEvent =
	| { type: 'START'; level: number }
	/** An item chosen by id (the list, or a scene that did its own hit test). */
	| { type: 'TAP'; itemId: string }
	/** A tap on the drawing, in scene units; a tap on nothing does nothing. */
	| { type: 'TAP_AT'; x: number; y: number }
	| { type: 'DISMISS' }
	| { type: 'FINISH' }
	| { type: 'SHOW_LIST' }
	| { type: 'SHOW_SCENE' }
	| { type: 'RETRY' }
	| { type: 'NEXT_LEVEL' }
	| { type: 'MENU' };

export type SpotTheRiskEmitted = { type: 'round'; draft: Extract<GameEventDraft, { type: 'minigame.round' }> };

/** The item an event points at in the current scene, if any. */
function tappedItem(context: SpotTheRiskContext, event: SpotTheRiskEvent): string | undefined {
	const scene = levelScene(context.game, context.level);
	if (event.type === 'TAP') return itemOf(scene, event.itemId)?.id;
	if (event.type === 'TAP_AT') return itemAt(scene, event.x, event.y)?.id;
	return undefined;
}

function newRound(context: SpotTheRiskContext, level: number): Partial<SpotTheRiskContext> {
	return { level, playId: context.newPlayId(), taps: { found: [], wrong: [] }, shown: undefined, listUsed: context.inList };
}

export function currentSpotRound(context: SpotTheRiskContext) {
	return spotPayload(context.game, { playId: context.playId, level: context.level, mode: context.listUsed ? 'list' : 'scene', taps: context.taps });
}

const TAPS = {
	TAP: { guard: 'hitsItem', target: 'explaining', reenter: true, actions: 'tap' },
	TAP_AT: { guard: 'hitsItem', target: 'explaining', reenter: true, actions: 'tap' },
	FINISH: 'summary'
} as const;

export const spotTheRiskMachine = setup({
	types: {
		context: {} as SpotTheRiskContext,
		events: {} as SpotTheRiskEvent,
		input: {} as SpotTheRiskInput,
		emitted: {} as SpotTheRiskEmitted
	},
	guards: {
		startsInList: ({ context }) => context.startInList,
		levelExists: ({ context, event }) => event.type === 'START' && hasLevel(context.game, event.level),
		hitsItem: ({ context, event }) => tappedItem(context, event) !== undefined,
		allFound: ({ context }) => allFound(levelScene(context.game, context.level), context.taps),
		canGoUp: ({ context }) =>
			spotResult(levelScene(context.game, context.level), context.taps).passed && hasLevel(context.game, context.level + 1)
	},
	actions: {
		startLevel: assign(({ context, event }) => newRound(context, event.type === 'START' ? event.level : context.level)),
		retryLevel: assign(({ context }) => newRound(context, context.level)),
		nextLevel: assign(({ context }) => newRound(context, context.level + 1)),
		tap: assign(({ context, event }) => {
			const itemId = tappedItem(context, event)!;
			return { shown: itemId, taps: addTap(levelScene(context.game, context.level), context.taps, itemId) };
		}),
		hide: assign({ shown: undefined }),
		markScene: assign({ inList: false }),
		markList: assign({ inList: true, listUsed: true }),
		emitRound: emit(({ context }) => ({ type: 'round' as const, draft: { type: 'minigame.round' as const, payload: currentSpotRound(context) } }))
	}
}).createMachine({
	id: 'spotTheRisk',
	type: 'parallel',
	context: ({ input }) => ({
		game: input.game,
		newPlayId: input.newPlayId,
		startInList: input.list ?? false,
		inList: input.list ?? false,
		level: 1,
		playId: '',
		taps: { found: [], wrong: [] },
		shown: undefined,
		listUsed: input.list ?? false
	}),
	states: {
		view: {
			initial: 'choosing',
			states: {
				choosing: { always: [{ guard: 'startsInList', target: 'list' }, { target: 'scene' }] },
				scene: { entry: 'markScene', on: { SHOW_LIST: 'list' } },
				list: { entry: 'markList', on: { SHOW_SCENE: 'scene' } }
			}
		},
		flow: {
			initial: 'intro',
			states: {
				intro: {
					on: { START: { guard: 'levelExists', target: 'looking', actions: 'startLevel' } }
				},
				looking: { on: TAPS },
				explaining: {
					on: {
						...TAPS,
						DISMISS: [
							{ guard: 'allFound', target: 'summary', actions: 'hide' },
							{ target: 'looking', actions: 'hide' }
						]
					}
				},
				summary: {
					entry: 'emitRound',
					on: {
						RETRY: { target: 'looking', actions: 'retryLevel' },
						NEXT_LEVEL: { guard: 'canGoUp', target: 'looking', actions: 'nextLevel' },
						MENU: 'intro'
					}
				}
			}
		}
	}
});
