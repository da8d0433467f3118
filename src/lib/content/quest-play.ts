/**
 * What a quest's script means, step by step: effects, clamping, flags, conditions, branches and delayed consequences.
 * Pure functions of a compiled quest and a play state. The build walks every path with them (quest-paths.ts) and
 * the engine (games/quest) runs plays with them, so what was proved at build is what is played.
 */
import type { CompiledQuest, QuestChoice, QuestCondition, QuestEffects, QuestNode, QuestSchedule } from './quest.types.ts';

export interface PendingConsequence {
	consequence: string;
	/** Arrives on the first node entered once `step` has reached this. */
	dueStep?: number;
	/** Arrives when the play enters this node. */
	at?: string;
}

/** Where a play stands. Plain JSON, so it is saved inside the engine's snapshot. */
export interface QuestPlayState {
	/** The node on screen: a line, a choice or an ending, never a branch. */
	node: string;
	meters: Record<string, number>;
	/** Flags set so far, sorted. */
	flags: string[];
	/** Choice node id → the choice taken there. */
	chosen: Record<string, string>;
	/** Decisions made so far. */
	step: number;
	pending: PendingConsequence[];
	/** Consequences that arrived on the way to `node`, to be shown before it, in order. */
	arrived: string[];
}

/** What a meter change touched that the script did not allow; the build turns these into problems. */
export type QuestPlayIssue = {
	kind: 'out-of-bounds';
	meter: string;
	value: number;
	/** What made the change: a choice, a line or a consequence. */
	source: { node: string; choice?: string } | { consequence: string };
};

/** A script mistake met during a play (the build rules these out before a quest ships). */
export class QuestPlayError extends Error {
	constructor(
		readonly kind: 'no-route' | 'no-choice' | 'unknown-node' | 'not-available',
		readonly node: string,
		detail = ''
	) {
		super(`${kind} at ${node}${detail ? `: ${detail}` : ''}`);
		this.name = 'QuestPlayError';
	}
}

export interface StepResult {
	state: QuestPlayState;
	issues: QuestPlayIssue[];
	/** Nodes entered on the way, branches included, in order (for coverage). */
	entered: string[];
	/** Branch routes taken on the way, as `<branch>#<index>`. */
	routes: string[];
}

export function nodeOf(quest: CompiledQuest, nodeId: string): QuestNode {
	const node = quest.nodes[nodeId];
	if (!node) throw new QuestPlayError('unknown-node', nodeId);
	return node;
}

export function evaluateCondition(condition: QuestCondition, state: Pick<QuestPlayState, 'meters' | 'flags' | 'chosen'>): boolean {
	if ('meter' in condition) {
		const value = state.meters[condition.meter] ?? 0;
		return (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
	}
	if ('flag' in condition) return state.flags.includes(condition.flag);
	if ('chose' in condition) return state.chosen[condition.chose.node] === condition.chose.choice;
	if ('not' in condition) return !evaluateCondition(condition.not, state);
	if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, state));
	return condition.any.some((part) => evaluateCondition(part, state));
}

/** Applies meter changes. A clamped meter stops at its bound; any other reports the breach (and is kept in bounds). */
export function applyEffects(
	quest: CompiledQuest,
	meters: Readonly<Record<string, number>>,
	effects: QuestEffects,
	source: QuestPlayIssue['source']
): { meters: Record<string, number>; issues: QuestPlayIssue[] } {
	const next = { ...meters };
	const issues: QuestPlayIssue[] = [];
	for (const meter of quest.meters) {
		const change = effects[meter.id];
		if (!change) continue;
		const value = (next[meter.id] ?? meter.start) + change;
		if (!meter.clamp && (value < meter.min || value > meter.max)) issues.push({ kind: 'out-of-bounds', meter: meter.id, value, source });
		next[meter.id] = Math.min(meter.max, Math.max(meter.min, value));
	}
	return { meters: next, issues };
}

function withFlags(flags: readonly string[], added: readonly string[]): string[] {
	return added.length === 0 ? [...flags] : [...new Set([...flags, ...added])].sort();
}

function schedule(pending: readonly PendingConsequence[], entries: readonly QuestSchedule[], step: number): PendingConsequence[] {
	return [
		...pending,
		...entries.map((entry) =>
			'after' in entry ? { consequence: entry.consequence, dueStep: step + entry.after } : { consequence: entry.consequence, at: entry.at }
		)
	];
}

/**
 * Enters a node: first every consequence due there arrives (its effects and flags apply), then a line applies its own
 * effects, a branch takes its first route that holds and the play moves on, until a node that is shown.
 */
export function enterNode(quest: CompiledQuest, from: QuestPlayState, nodeId: string): StepResult {
	let state: QuestPlayState = { ...from, arrived: [...from.arrived] };
	const issues: QuestPlayIssue[] = [];
	const entered: string[] = [];
	const routes: string[] = [];
	let current = nodeId;
	for (;;) {
		const node = nodeOf(quest, current);
		entered.push(current);
		const due = state.pending.filter((p) => p.at === current || (p.dueStep !== undefined && p.dueStep <= state.step));
		if (due.length > 0) {
			state = { ...state, pending: state.pending.filter((p) => !due.includes(p)) };
			for (const { consequence: id } of due) {
				const consequence = quest.consequences[id];
				if (!consequence) continue;
				const applied = applyEffects(quest, state.meters, consequence.effects, { consequence: id });
				issues.push(...applied.issues);
				state = { ...state, meters: applied.meters, flags: withFlags(state.flags, consequence.flags), arrived: [...state.arrived, id] };
			}
		}
		if (node.type === 'branch') {
			const index = node.routes.findIndex((route) => !route.when || evaluateCondition(route.when, state));
			if (index < 0) throw new QuestPlayError('no-route', node.id);
			routes.push(`${node.id}#${index}`);
			current = node.routes[index]!.next;
			continue;
		}
		if (node.type === 'line') {
			const applied = applyEffects(quest, state.meters, node.effects, { node: node.id });
			issues.push(...applied.issues);
			state = { ...state, meters: applied.meters, flags: withFlags(state.flags, node.flags) };
		}
		return { state: { ...state, node: current }, issues, entered, routes };
	}
}

/** The first state of a play: meters at their start, on the start node (after any branch). */
export function startPlay(quest: CompiledQuest): StepResult {
	const initial: QuestPlayState = {
		node: quest.start,
		meters: Object.fromEntries(quest.meters.map((meter) => [meter.id, meter.start])),
		flags: [],
		chosen: {},
		step: 0,
		pending: [],
		arrived: []
	};
	return enterNode(quest, initial, quest.start);
}

/** Every choice of the current choice node in script order, with whether its condition holds now. */
export function choicesNow(quest: CompiledQuest, state: QuestPlayState): { choice: QuestChoice; available: boolean }[] {
	const node = nodeOf(quest, state.node);
	if (node.type !== 'choice') return [];
	return node.choices.map((choice) => ({ choice, available: !choice.when || evaluateCondition(choice.when, state) }));
}

/** Takes a choice: its effects, flags and schedule apply, the decision counts, and the play enters `next`. */
export function takeChoice(quest: CompiledQuest, state: QuestPlayState, choiceId: string): StepResult {
	const offered = choicesNow(quest, state).find(({ choice }) => choice.id === choiceId);
	if (!offered || !offered.available) throw new QuestPlayError('not-available', state.node, choiceId);
	const { choice } = offered;
	const applied = applyEffects(quest, state.meters, choice.effects, { node: state.node, choice: choice.id });
	const step = state.step + 1;
	const after: QuestPlayState = {
		...state,
		meters: applied.meters,
		flags: withFlags(state.flags, choice.flags),
		chosen: { ...state.chosen, [state.node]: choice.id },
		step,
		pending: schedule(state.pending, choice.schedule, step),
		arrived: []
	};
	const result = enterNode(quest, after, choice.next);
	return { ...result, issues: [...applied.issues, ...result.issues] };
}

/** Goes on from a line node. */
export function advanceLine(quest: CompiledQuest, state: QuestPlayState): StepResult {
	const node = nodeOf(quest, state.node);
	if (node.type !== 'line') throw new QuestPlayError('unknown-node', state.node, 'not a line');
	return enterNode(quest, { ...state, arrived: [] }, node.next);
}

/** The arrived consequences have been shown: drop the first of them. */
export function dismissArrived(state: QuestPlayState): QuestPlayState {
	return { ...state, arrived: state.arrived.slice(1) };
}

export function isEnding(quest: CompiledQuest, state: QuestPlayState): boolean {
	return nodeOf(quest, state.node).type === 'ending';
}
