/**
 * Plays every path through a compiled quest graph: counts them, proves meters stay in bounds and no play gets stuck,
 * records what is ever reached, and picks a small set of plays that together visit every node, choice, route,
 * consequence and ending (the engine's tests drive the real machine along them).
 *
 * Plays that reach the same situation (node, meters, flags, the past choices some condition asks about, consequences
 * still waiting) continue identically, so each situation is explored once and its path count reused: a quest with a
 * million paths is counted in a blink, and only refused for being over the budget.
 */
import {
	advanceLine,
	choicesNow,
	QuestPlayError,
	startPlay,
	takeChoice,
	type QuestPlayIssue,
	type QuestPlayState,
	type StepResult
} from './quest-play.ts';
import type { CompiledQuest, QuestCondition } from './quest.types.ts';

/** A quest with more distinct plays than this is refused: nobody could test or discuss them all. */
export const QUEST_PATH_BUDGET = 100_000;
/** Distinct situations the walk explores before it gives up (the quest is then far over the budget anyway). */
export const QUEST_WALK_STATE_LIMIT = 500_000;

/** A play as the decisions taken, in order (`<choice-node>.<choice>`); lines are simply advanced. */
export type QuestPlay = string[];

export type WalkIssue =
	| (QuestPlayIssue & { play: QuestPlay })
	| { kind: 'no-route' | 'no-choice'; node: string; play: QuestPlay }
	| { kind: 'too-many-states'; limit: number };

export interface QuestWalk {
	/** Distinct plays from start to an ending; exact unless `complete` is false. */
	paths: number;
	complete: boolean;
	longestPlay: number;
	nodes: Set<string>;
	/** `<node>.<choice>` ever taken. */
	choices: Set<string>;
	/** `<branch>#<route index>` ever taken. */
	routes: Set<string>;
	consequences: Set<string>;
	endings: Set<string>;
	/** Paths ending in each ending. */
	pathsByEnding: Map<string, number>;
	issues: WalkIssue[];
	/** Plays that together reach everything reached (each ends in an ending). */
	covering: { play: QuestPlay; ending: string }[];
}

function conditionNodes(condition: QuestCondition | undefined, into: Set<string>): void {
	if (!condition) return;
	if ('chose' in condition) into.add(condition.chose.node);
	else if ('not' in condition) conditionNodes(condition.not, into);
	else if ('all' in condition) condition.all.forEach((part) => conditionNodes(part, into));
	else if ('any' in condition) condition.any.forEach((part) => conditionNodes(part, into));
}

/** Choice nodes whose past choice some condition asks about: the only past choices that shape the future. */
function rememberedChoices(quest: CompiledQuest): Set<string> {
	const nodes = new Set<string>();
	for (const node of Object.values(quest.nodes)) {
		if (node.type === 'choice') node.choices.forEach((choice) => conditionNodes(choice.when, nodes));
		if (node.type === 'branch') node.routes.forEach((route) => conditionNodes(route.when, nodes));
	}
	return nodes;
}

function situationKey(state: QuestPlayState, remembered: Set<string>): string {
	const chosen = Object.keys(state.chosen)
		.filter((node) => remembered.has(node))
		.sort()
		.map((node) => `${node}=${state.chosen[node]}`);
	const pending = state.pending.map((p) => (p.at ? `${p.consequence}@${p.at}` : `${p.consequence}+${(p.dueStep ?? 0) - state.step}`)).sort();
	return JSON.stringify([state.node, state.meters, state.flags, chosen, pending]);
}

interface Totals {
	paths: number;
	longest: number;
}

export function walkQuest(quest: CompiledQuest): QuestWalk {
	const walk: QuestWalk = {
		paths: 0,
		complete: true,
		longestPlay: 0,
		nodes: new Set(),
		choices: new Set(),
		routes: new Set(),
		consequences: new Set(),
		endings: new Set(),
		pathsByEnding: new Map(),
		issues: [],
		covering: []
	};
	const remembered = rememberedChoices(quest);
	const memo = new Map<string, Totals & { byEnding: Map<string, number> }>();
	const firstReach: QuestPlay[] = [];
	const seenIssues = new Set<string>();
	const play: QuestPlay = [];

	const issue = (found: WalkIssue) => {
		const key = JSON.stringify({ ...found, play: undefined, value: undefined });
		if (seenIssues.has(key)) return;
		seenIssues.add(key);
		walk.issues.push(found);
	};
	const reach = (set: Set<string>, item: string) => {
		if (set.has(item)) return;
		set.add(item);
		firstReach.push([...play]);
	};
	const record = (result: StepResult) => {
		result.entered.forEach((node) => reach(walk.nodes, node));
		result.routes.forEach((route) => reach(walk.routes, route));
		result.state.arrived.forEach((id) => reach(walk.consequences, id));
		result.issues.forEach((found) => issue({ ...found, play: [...play] }));
	};
	const step = (make: () => StepResult): StepResult | undefined => {
		try {
			const result = make();
			record(result);
			return result;
		} catch (error) {
			if (error instanceof QuestPlayError && error.kind === 'no-route') issue({ kind: 'no-route', node: error.node, play: [...play] });
			else throw error;
			return undefined;
		}
	};

	const explore = (state: QuestPlayState): Totals & { byEnding: Map<string, number> } => {
		const key = situationKey(state, remembered);
		const known = memo.get(key);
		if (known) return known;
		if (memo.size >= QUEST_WALK_STATE_LIMIT) {
			walk.complete = false;
			return { paths: 0, longest: 0, byEnding: new Map() };
		}
		const node = quest.nodes[state.node]!;
		let totals: Totals & { byEnding: Map<string, number> } = { paths: 0, longest: 0, byEnding: new Map() };
		if (node.type === 'ending') {
			reach(walk.endings, node.id);
			totals = { paths: 1, longest: 0, byEnding: new Map([[node.id, 1]]) };
		} else if (node.type === 'line') {
			const next = step(() => advanceLine(quest, state));
			if (next) totals = explore(next.state);
		} else if (node.type === 'choice') {
			const offered = choicesNow(quest, state).filter((c) => c.available);
			if (offered.length === 0) issue({ kind: 'no-choice', node: node.id, play: [...play] });
			for (const { choice } of offered) {
				play.push(`${node.id}.${choice.id}`);
				reach(walk.choices, `${node.id}.${choice.id}`);
				const next = step(() => takeChoice(quest, state, choice.id));
				if (next) {
					const sub = explore(next.state);
					totals.paths += sub.paths;
					totals.longest = Math.max(totals.longest, sub.longest + 1);
					for (const [ending, count] of sub.byEnding) totals.byEnding.set(ending, (totals.byEnding.get(ending) ?? 0) + count);
				}
				play.pop();
			}
		}
		memo.set(key, totals);
		return totals;
	};

	const start = step(() => startPlay(quest));
	if (start) {
		const totals = explore(start.state);
		walk.paths = totals.paths;
		walk.longestPlay = totals.longest;
		walk.pathsByEnding = totals.byEnding;
	}
	if (!walk.complete) issue({ kind: 'too-many-states', limit: QUEST_WALK_STATE_LIMIT });
	walk.covering = coveringPlays(quest, firstReach);
	return walk;
}

/** Completes a play prefix by always taking the first available choice; undefined when the play gets stuck. */
export function completePlay(quest: CompiledQuest, prefix: QuestPlay): { play: QuestPlay; ending: string } | undefined {
	try {
		let state = startPlay(quest).state;
		const play: QuestPlay = [];
		const queue = [...prefix];
		for (let guard = 0; guard < 10_000; guard += 1) {
			const node = quest.nodes[state.node]!;
			if (node.type === 'ending') return { play, ending: node.id };
			if (node.type === 'line') {
				state = advanceLine(quest, state).state;
				continue;
			}
			const wanted = queue.shift();
			const choiceId = wanted ? wanted.slice(node.id.length + 1) : choicesNow(quest, state).find((c) => c.available)?.choice.id;
			if (!choiceId || (wanted && !wanted.startsWith(`${node.id}.`))) return undefined;
			play.push(`${node.id}.${choiceId}`);
			state = takeChoice(quest, state, choiceId).state;
		}
	} catch (error) {
		if (error instanceof QuestPlayError) return undefined;
		throw error;
	}
	return undefined;
}

function coveringPlays(quest: CompiledQuest, prefixes: QuestPlay[]): { play: QuestPlay; ending: string }[] {
	const plays = new Map<string, { play: QuestPlay; ending: string }>();
	// A prefix that is the start of a longer one is covered by it.
	const sorted = [...prefixes].sort((a, b) => b.length - a.length);
	const kept: QuestPlay[] = [];
	for (const prefix of sorted) {
		if (kept.some((longer) => prefix.every((decision, index) => longer[index] === decision))) continue;
		kept.push(prefix);
	}
	for (const prefix of kept) {
		const completed = completePlay(quest, prefix);
		if (completed) plays.set(completed.play.join(' '), completed);
	}
	return [...plays.values()];
}
