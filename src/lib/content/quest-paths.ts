/**
 * Plays every path through a compiled quest graph: counts them, proves meters stay in bounds and no play gets stuck,
 * records what is ever reached, and picks a small set of plays that together visit every node, choice, route,
 * consequence and ending (the engine's tests drive the real machine along them).
 *
 * Plays that reach the same situation (node, consequences still waiting, and the meters, flags and past choices that
 * can shape what follows) continue identically, so each situation is explored once and its path count reused: a
 * quest with a million paths is counted quickly, and only refused for being over the budget.
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
	/** Distinct situations explored (what the walk cost). */
	situations: number;
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

/** What conditions ask about: past choices (by node), flags and meters. */
interface Asked {
	nodes: Set<string>;
	flags: Set<string>;
	meters: Set<string>;
}

function collectAsked(condition: QuestCondition | undefined, into: Asked): void {
	if (!condition) return;
	if ('chose' in condition) into.nodes.add(condition.chose.node);
	else if ('flag' in condition) into.flags.add(condition.flag);
	else if ('meter' in condition) into.meters.add(condition.meter);
	else if ('not' in condition) collectAsked(condition.not, into);
	else if ('all' in condition) condition.all.forEach((part) => collectAsked(part, into));
	else condition.any.forEach((part) => collectAsked(part, into));
}

/**
 * The parts of a play state that can change what happens next: the past choices, flags and meters some condition
 * asks about, plus every meter the build must keep in bounds (not clamped). The rest (a flag nobody tests, a clamped
 * meter nobody tests) only colours the ending, so two plays differing only there continue identically.
 */
function shapingState(quest: CompiledQuest): Asked {
	const asked: Asked = { nodes: new Set(), flags: new Set(), meters: new Set(quest.meters.filter((m) => !m.clamp).map((m) => m.id)) };
	for (const node of Object.values(quest.nodes)) {
		if (node.type === 'choice') node.choices.forEach((choice) => collectAsked(choice.when, asked));
		if (node.type === 'branch') node.routes.forEach((route) => collectAsked(route.when, asked));
	}
	return asked;
}

function situationKey(state: QuestPlayState, shaping: Asked): string {
	const chosen = Object.keys(state.chosen)
		.filter((node) => shaping.nodes.has(node))
		.sort()
		.map((node) => `${node}=${state.chosen[node]}`);
	const meters = [...shaping.meters].map((meter) => state.meters[meter]);
	const flags = state.flags.filter((flag) => shaping.flags.has(flag));
	const pending = state.pending.map((p) => (p.at ? `${p.consequence}@${p.at}` : `${p.consequence}+${(p.dueStep ?? 0) - state.step}`)).sort();
	return `${state.node}|${meters.join(',')}|${flags.join(',')}|${chosen.join(',')}|${pending.join(',')}`;
}

interface Totals {
	paths: number;
	longest: number;
}

export function walkQuest(quest: CompiledQuest): QuestWalk {
	const walk: QuestWalk = {
		paths: 0,
		complete: true,
		situations: 0,
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
	const shaping = shapingState(quest);
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

	type Found = Totals & { byEnding: Map<string, number> };
	const nothing = (): Found => ({ paths: 0, longest: 0, byEnding: new Map() });

	// Lines lead to one place: they are walked through, and only decisions and endings are remembered as situations.
	const explore = (from: QuestPlayState): Found => {
		let state = from;
		while (quest.nodes[state.node]!.type === 'line') {
			const next = step(() => advanceLine(quest, state));
			if (!next) return nothing();
			state = next.state;
		}
		const key = situationKey(state, shaping);
		const known = memo.get(key);
		if (known) return known;
		if (memo.size >= QUEST_WALK_STATE_LIMIT) {
			walk.complete = false;
			return nothing();
		}
		const node = quest.nodes[state.node]!;
		let totals = nothing();
		if (node.type === 'ending') {
			reach(walk.endings, node.id);
			totals = { paths: 1, longest: 0, byEnding: new Map([[node.id, 1]]) };
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
	walk.situations = memo.size;
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
