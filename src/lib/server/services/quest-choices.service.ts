import type { QuestChoiceCounts, QuestChoicesRepo } from '../repos/quest-choices.repo';

/**
 * Below this many answers a decision's shares are withheld: with two or three players in a village, "what others
 * chose" would tell a classmate what one person chose.
 */
export const MINIMUM_ANSWERS_SHOWN = 5;

const QUEST_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "What others chose" (issue #6): counts only, never who. */
export function createQuestChoicesService(deps: { questChoices: QuestChoicesRepo }) {
	return {
		async choicesOf(questId: string): Promise<{ ok: true; value: QuestChoiceCounts & { questId: string } } | { ok: false; message: string }> {
			if (questId.length > 100 || !QUEST_ID.test(questId)) return { ok: false, message: 'A quest id is a kebab-case content id.' };
			const counts = await deps.questChoices.countsOf(questId);
			return { ok: true, value: { questId, ...publishableCounts(counts, MINIMUM_ANSWERS_SHOWN) } };
		}
	};
}

/** Drops the decisions answered fewer than `minimum` times. Pure, so the rule is tested without a database. */
export function publishableCounts(counts: QuestChoiceCounts, minimum: number): QuestChoiceCounts {
	const nodes: QuestChoiceCounts['nodes'] = {};
	for (const [nodeId, choices] of Object.entries(counts.nodes)) {
		const answers = Object.values(choices).reduce((total, count) => total + count, 0);
		if (answers >= minimum) nodes[nodeId] = { ...choices };
	}
	return { nodes, players: counts.players };
}
