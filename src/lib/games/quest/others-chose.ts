/**
 * "What others chose": the server's anonymous counts of the options players took at each decision
 * (`GET /api/quests/<questId>/choices`), read defensively and turned into shares. Pure; the page fetches.
 */
import { wholePercents } from './vote-tally';

export interface ChoiceCounts {
	questId: string;
	/** Per decision node, how many plays took each option; a node or an option may be missing (nobody yet). */
	nodes: Record<string, Record<string, number>>;
	players: number;
}

export interface ChoiceShare {
	choiceId: string;
	count: number;
	percent: number;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answer if it has the agreed shape for this quest; anything else (an error page, another quest) is ignored. */
export function parseChoiceCounts(body: unknown, questId: string): ChoiceCounts | undefined {
	if (!isRecord(body) || body.questId !== questId || !isRecord(body.nodes)) return undefined;
	const nodes: ChoiceCounts['nodes'] = {};
	for (const [nodeId, options] of Object.entries(body.nodes)) {
		if (!isRecord(options)) continue;
		nodes[nodeId] = Object.fromEntries(Object.entries(options).filter((entry): entry is [string, number] => isCount(entry[1])).map(([id, count]) => [id, Math.floor(count)]));
	}
	return { questId, nodes, players: isCount(body.players) ? Math.floor(body.players) : 0 };
}

/** Shares of the options shown at a node, in their order; undefined when nobody has decided there yet. */
export function sharesAt(counts: ChoiceCounts | undefined, nodeId: string, choiceIds: readonly string[]): ChoiceShare[] | undefined {
	const options = counts?.nodes[nodeId];
	if (!options) return undefined;
	const numbers = choiceIds.map((id) => options[id] ?? 0);
	if (numbers.every((count) => count === 0)) return undefined;
	const percents = wholePercents(numbers, choiceIds);
	return choiceIds.map((choiceId, index) => ({ choiceId, count: numbers[index]!, percent: percents[choiceId]! }));
}
