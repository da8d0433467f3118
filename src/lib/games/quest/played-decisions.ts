/**
 * The decisions of a play as the player saw them: which node, what was offered (the choices' text keys) and what
 * was taken. The host keeps them beside the engine's save, to show "what others chose" for each decision at the end.
 * Pure: a `quest.choice` draft from the engine, matched with the decision view that was on screen when it was made.
 */
import type { GameEventDraft } from '$lib/progress/game-events';
import type { QuestTextKey, QuestView } from './quest-view';
import type { VoteCounts } from './vote-tally';

export interface PlayedDecision {
	nodeId: string;
	prompt: QuestTextKey;
	choices: { id: string; text: QuestTextKey }[];
	choiceId: string;
	votes?: VoteCounts;
}

/** The decision a `quest.choice` draft records, if the view it was made on is known (else undefined). */
export function playedDecision(shown: QuestView | undefined, draft: GameEventDraft): PlayedDecision | undefined {
	if (draft.type !== 'quest.choice' || shown?.kind !== 'choice' || shown.nodeId !== draft.payload.nodeId) return undefined;
	return {
		nodeId: shown.nodeId,
		prompt: shown.prompt,
		choices: shown.choices.map((choice) => ({ id: choice.id, text: choice.text })),
		choiceId: draft.payload.choiceId,
		...(draft.payload.votes ? { votes: { ...draft.payload.votes } } : {})
	};
}
