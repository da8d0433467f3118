/**
 * One play of a quest as its host keeps it: who started it with which seed, the decisions taken so far, and the
 * `quest.*` event drafts each step gives (game-events.ts). Pure; the host records the drafts and saves the play
 * beside the engine's snapshot, so a resumed play goes on counting steps where it stopped and never ends twice.
 */
import type { GameEventDraft, QuestMode } from '$lib/progress/game-events';
import type { QuestTextKey, QuestView } from './quest-view';
import type { VoteCounts } from './vote-tally';

/** A decision as it was offered and taken: enough to show "what others chose" for it at the end. */
export interface PlayedDecision {
	nodeId: string;
	prompt: QuestTextKey;
	choices: { id: string; text: QuestTextKey }[];
	choiceId: string;
	votes?: VoteCounts;
}

export interface QuestPlay {
	questId: string;
	questVersion: string;
	playId: string;
	seed: number;
	mode: QuestMode;
	decisions: PlayedDecision[];
	/** Set once `quest.ended` is drafted: a view seen again after a reload must not end the play twice. */
	endingId?: string;
}

type ChoiceView = Extract<QuestView, { kind: 'choice' }>;
type EndingView = Extract<QuestView, { kind: 'ending' }>;

export function startPlay(start: Omit<QuestPlay, 'decisions' | 'endingId'>): { play: QuestPlay; draft: GameEventDraft } {
	const play: QuestPlay = { ...start, decisions: [] };
	return {
		play,
		draft: { type: 'quest.started', payload: { questId: play.questId, questVersion: play.questVersion, playId: play.playId, seed: play.seed, mode: play.mode } }
	};
}

/** A choice taken at `view`; the teacher's votes travel with it in teacher-led mode. */
export function takeChoice(play: QuestPlay, view: ChoiceView, choiceId: string, votes?: VoteCounts): { play: QuestPlay; draft: GameEventDraft } {
	const decision: PlayedDecision = {
		nodeId: view.nodeId,
		prompt: view.prompt,
		choices: view.choices.map((choice) => ({ id: choice.id, text: choice.text })),
		choiceId,
		...(votes ? { votes } : {})
	};
	const next = { ...play, decisions: [...play.decisions, decision] };
	return {
		play: next,
		draft: {
			type: 'quest.choice',
			payload: {
				questId: play.questId,
				questVersion: play.questVersion,
				playId: play.playId,
				nodeId: view.nodeId,
				choiceId,
				step: next.decisions.length,
				...(votes ? { votes } : {})
			}
		}
	};
}

/** The play reached `view`; undefined when it had already ended (the same ending shown again after a reload). */
export function reachEnding(play: QuestPlay, view: EndingView): { play: QuestPlay; draft: GameEventDraft } | undefined {
	if (play.endingId !== undefined) return undefined;
	return {
		play: { ...play, endingId: view.endingId },
		draft: {
			type: 'quest.ended',
			payload: {
				questId: play.questId,
				questVersion: play.questVersion,
				playId: play.playId,
				endingId: view.endingId,
				meters: Object.fromEntries(view.meters.map((meter) => [meter.id, Math.round(meter.value)])),
				steps: play.decisions.length
			}
		}
	};
}
