/**
 * The quest engine's rules, pure: how a play moves (effects, clamping, flags, conditions, branches, delayed
 * consequences — shared with the build, which walks every path with the same functions), the order choices are shown
 * in, how a class vote picks a choice, and what a renderer is shown (`playView`).
 */
import {
	advanceLine,
	applyEffects,
	choicesNow,
	dismissArrived,
	enterNode,
	evaluateCondition,
	isEnding,
	nodeOf,
	QuestPlayError,
	startPlay,
	takeChoice,
	type PendingConsequence,
	type QuestPlayState
} from '$lib/content/quest-play';
import { questTextKey, type CompiledQuest, type QuestStage } from '$lib/content/quest.types';
import { seededRandom, shuffle } from '$lib/utils/seeded-random';
import type { QuestMode } from '$lib/progress/game-events';
import type { QuestMeterView, QuestStageView, QuestView } from './quest-view';

export {
	advanceLine,
	applyEffects,
	choicesNow,
	dismissArrived,
	enterNode,
	evaluateCondition,
	isEnding,
	QuestPlayError,
	startPlay,
	takeChoice,
	type PendingConsequence,
	type QuestPlayState
};

/**
 * The order a choice node's choices are shown in: drawn from the play's seed and the node's id, so it is the same
 * after a reload and on a replay, differs between plays (no answer is always first), and needs no random state.
 */
export function choiceOrder(quest: CompiledQuest, nodeId: string, seed: number): string[] {
	const node = nodeOf(quest, nodeId);
	if (node.type !== 'choice') return [];
	const ids = node.choices.map((choice) => choice.id);
	return node.shuffle ? shuffle(ids, seededRandom(`${seed}/${nodeId}`)) : ids;
}

/**
 * Which choice a class vote takes: the option with the most votes. On a tie at the top the teacher decides, so
 * `teacherPick` must be one of the tied options. Undefined when the vote is not valid: a vote for an option not on
 * offer, a count that is not a whole number ≥ 0, no votes at all, or a `teacherPick` that contradicts the majority.
 */
export function resolveVote(votes: Readonly<Record<string, number>>, offered: readonly string[], teacherPick?: string): string | undefined {
	const entries = Object.entries(votes);
	if (entries.some(([id, count]) => !offered.includes(id) || !Number.isInteger(count) || count < 0)) return undefined;
	const top = Math.max(0, ...entries.map(([, count]) => count));
	if (top === 0) return undefined;
	const leaders = entries.filter(([, count]) => count === top).map(([id]) => id);
	if (leaders.length === 1) return teacherPick === undefined || teacherPick === leaders[0] ? leaders[0] : undefined;
	return teacherPick !== undefined && leaders.includes(teacherPick) ? teacherPick : undefined;
}

/** The choices on offer now, by id. */
export function offeredChoices(quest: CompiledQuest, play: QuestPlayState): string[] {
	return choicesNow(quest, play)
		.filter((c) => c.available)
		.map((c) => c.choice.id);
}

function stageView(stage: QuestStage, speaker?: string): QuestStageView {
	const who = speaker ?? stage.speaker;
	const characters = who && !stage.characters.includes(who) ? [...stage.characters, who] : [...stage.characters];
	return { place: stage.place, characters, ...(who ? { speaker: who } : {}) };
}

function metersView(quest: CompiledQuest, play: QuestPlayState): QuestMeterView[] {
	return quest.meters.map((meter) => ({
		id: meter.id,
		label: questTextKey.meter(meter.id),
		value: play.meters[meter.id] ?? meter.start,
		min: meter.min,
		max: meter.max,
		goodWhen: meter.goodWhen
	}));
}

export interface PlayViewOptions {
	seed: number;
	mode: QuestMode;
	/** Seconds left on a timed decision; absent when untimed. */
	secondsLeft?: number;
}

/**
 * What the player is shown now. A consequence that arrived on the way comes first, as a line of its own marked
 * `consequence` (drawn on the stage of the node it arrived at); then the node itself.
 */
export function playView(quest: CompiledQuest, play: QuestPlayState, options: PlayViewOptions): QuestView {
	const node = nodeOf(quest, play.node);
	const meters = metersView(quest, play);
	if (node.type === 'branch') throw new QuestPlayError('unknown-node', node.id, 'a branch is never shown');
	const arrived = play.arrived[0];
	if (arrived !== undefined) {
		const key = questTextKey.consequence(arrived);
		return { kind: 'line', nodeId: node.id, stage: stageView({ ...node.stage, speaker: undefined }, quest.consequences[arrived]?.speaker), text: key, meters, consequence: key };
	}
	switch (node.type) {
		case 'line':
			return { kind: 'line', nodeId: node.id, stage: stageView(node.stage), text: questTextKey.line(node.id), meters };
		case 'choice': {
			const offered = new Map(choicesNow(quest, play).map(({ choice, available }) => [choice.id, { choice, available }]));
			return {
				kind: 'choice',
				nodeId: node.id,
				stage: stageView(node.stage),
				prompt: questTextKey.prompt(node.id),
				choices: choiceOrder(quest, node.id, options.seed).map((id) => {
					const { choice, available } = offered.get(id)!;
					return {
						id,
						text: questTextKey.choice(node.id, id),
						available,
						...(!available ? { lockedReason: questTextKey.locked(node.id, id) } : {}),
						...(choice.reporting ? { reporting: true } : {})
					};
				}),
				meters,
				...(options.secondsLeft !== undefined ? { secondsLeft: options.secondsLeft } : {}),
				...(options.mode === 'class' && node.discussion ? { discussion: questTextKey.discussion(node.id) } : {})
			};
		}
		case 'ending':
			return {
				kind: 'ending',
				endingId: node.id,
				stage: stageView(node.stage),
				title: questTextKey.endingTitle(node.id),
				text: questTextKey.ending(node.id),
				tone: node.tone,
				meters,
				debrief: Array.from({ length: node.debrief }, (_, index) => questTextKey.debrief(node.id, index + 1))
			};
	}
}
