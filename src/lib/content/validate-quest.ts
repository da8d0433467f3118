import type { ContentProblem } from './content-problem.ts';
import { RESERVED_NODE_IDS, type ConditionStructure, type QuestNodeStructure, type QuestStructure } from './quest.schema.ts';

function duplicates(values: readonly string[]): string[] {
	const seen = new Set<string>();
	return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

/** Where each node goes next, in the script's order. */
export function successors(node: QuestNodeStructure): string[] {
	switch (node.type) {
		case 'line':
			return [node.next];
		case 'choice':
			return node.choices.map((choice) => choice.next);
		case 'branch':
			return node.routes.map((route) => route.next);
		case 'ending':
			return [];
	}
}

/** Flags any line, choice or consequence sets. */
function flagsSet(quest: QuestStructure): Set<string> {
	const flags = new Set<string>();
	for (const consequence of quest.consequences) consequence.flags?.forEach((flag) => flags.add(flag));
	for (const node of quest.nodes) {
		if (node.type === 'line') node.flags?.forEach((flag) => flags.add(flag));
		if (node.type === 'choice') node.choices.forEach((choice) => choice.flags?.forEach((flag) => flags.add(flag)));
	}
	return flags;
}

/**
 * The rules a quest's structure must keep before any play is walked: every reference resolves, ids are unique, the
 * graph has no cycle and every node can be reached from `start`. `file` names quest.yaml in the problems.
 */
export function checkQuestStructure(quest: QuestStructure, file: string, folderName: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const problem = (field: string, reason: string) => problems.push({ file, field, reason });
	if (quest.id !== folderName) problem('id', 'must equal the quest folder name');
	if (quest.ages[0] > quest.ages[1]) problem('ages', 'the youngest age comes first');

	const meters = new Set(quest.meters.map((meter) => meter.id));
	const cast = new Set(quest.cast);
	const places = new Set(quest.places);
	const consequences = new Set(quest.consequences.map((consequence) => consequence.id));
	const nodes = new Map(quest.nodes.map((node) => [node.id, node]));
	const flags = flagsSet(quest);

	for (const duplicate of duplicates(quest.meters.map((meter) => meter.id))) problem('meters', `meter "${duplicate}" appears twice`);
	for (const duplicate of duplicates(quest.cast)) problem('cast', `"${duplicate}" appears twice`);
	for (const duplicate of duplicates(quest.places)) problem('places', `"${duplicate}" appears twice`);
	for (const duplicate of duplicates(quest.consequences.map((consequence) => consequence.id))) {
		problem('consequences', `consequence "${duplicate}" appears twice`);
	}
	for (const duplicate of duplicates(quest.nodes.map((node) => node.id))) problem('nodes', `node "${duplicate}" appears twice`);

	quest.meters.forEach((meter, index) => {
		if (meter.min >= meter.max) problem(`meters[${index}]`, `min (${meter.min}) must be below max (${meter.max})`);
		if (meter.start < meter.min || meter.start > meter.max) problem(`meters[${index}].start`, `${meter.start} is outside ${meter.min}…${meter.max}`);
	});

	const checkEffects = (effects: Record<string, number> | undefined, field: string) => {
		for (const meter of Object.keys(effects ?? {})) if (!meters.has(meter)) problem(`${field}.effects.${meter}`, `unknown meter "${meter}"`);
	};
	const checkCondition = (condition: ConditionStructure | undefined, field: string) => {
		if (!condition) return;
		if (condition.meter !== undefined && !meters.has(condition.meter)) problem(field, `unknown meter "${condition.meter}"`);
		if (condition.flag !== undefined && !flags.has(condition.flag)) problem(field, `flag "${condition.flag}" is never set`);
		if (condition.chose) {
			const target = nodes.get(condition.chose.node);
			if (!target || target.type !== 'choice') problem(`${field}.chose.node`, `"${condition.chose.node}" is not a choice node`);
			else if (!target.choices.some((choice) => choice.id === condition.chose!.choice)) {
				problem(`${field}.chose.choice`, `node "${target.id}" has no choice "${condition.chose.choice}"`);
			}
		}
		if (condition.not) checkCondition(condition.not, `${field}.not`);
		condition.all?.forEach((part, index) => checkCondition(part, `${field}.all[${index}]`));
		condition.any?.forEach((part, index) => checkCondition(part, `${field}.any[${index}]`));
	};
	const checkNext = (next: string, field: string) => {
		if (!nodes.has(next)) problem(field, `unknown node "${next}"`);
	};
	const checkStage = (node: { place: string; characters: string[]; speaker?: string }, field: string) => {
		if (!places.has(node.place)) problem(`${field}.place`, `"${node.place}" is not in places`);
		if (node.speaker !== undefined && !cast.has(node.speaker)) problem(`${field}.speaker`, `"${node.speaker}" is not in the cast`);
		node.characters.forEach((character, index) => {
			if (!cast.has(character)) problem(`${field}.characters[${index}]`, `"${character}" is not in the cast`);
		});
	};

	quest.consequences.forEach((consequence, index) => {
		const field = `consequences[${index}]`;
		if (consequence.speaker !== undefined && !cast.has(consequence.speaker)) problem(`${field}.speaker`, `"${consequence.speaker}" is not in the cast`);
		checkEffects(consequence.effects, field);
	});
	const scheduled = new Set<string>();

	if (!nodes.has(quest.start)) problem('start', `unknown node "${quest.start}"`);
	quest.nodes.forEach((node, index) => {
		const field = `nodes[${index}]`;
		if ((RESERVED_NODE_IDS as readonly string[]).includes(node.id)) problem(`${field}.id`, `"${node.id}" is a reserved text key; pick another id`);
		switch (node.type) {
			case 'line':
				checkStage(node, field);
				checkEffects(node.effects, field);
				checkNext(node.next, `${field}.next`);
				break;
			case 'choice': {
				checkStage(node, field);
				if (node.choices.length < 2) problem(`${field}.choices`, `a decision needs at least 2 choices, has ${node.choices.length}`);
				for (const duplicate of duplicates(node.choices.map((choice) => choice.id))) problem(`${field}.choices`, `choice "${duplicate}" appears twice`);
				node.choices.forEach((choice, choiceIndex) => {
					const choiceField = `${field}.choices[${choiceIndex}]`;
					checkNext(choice.next, `${choiceField}.next`);
					checkEffects(choice.effects, choiceField);
					checkCondition(choice.when, `${choiceField}.when`);
					choice.schedule?.forEach((entry, entryIndex) => {
						const entryField = `${choiceField}.schedule[${entryIndex}]`;
						scheduled.add(entry.consequence);
						if (!consequences.has(entry.consequence)) problem(`${entryField}.consequence`, `unknown consequence "${entry.consequence}"`);
						if ('at' in entry && !nodes.has(entry.at)) problem(`${entryField}.at`, `unknown node "${entry.at}"`);
					});
				});
				if (node.timer) {
					const timed = node.choices.find((choice) => choice.id === node.timer!.choice);
					if (!timed) problem(`${field}.timer.choice`, `node "${node.id}" has no choice "${node.timer.choice}"`);
					else if (timed.when) problem(`${field}.timer.choice`, `"${timed.id}" has a condition: the choice taken when time runs out must always be on offer`);
				}
				break;
			}
			case 'branch':
				node.routes.forEach((route, routeIndex) => {
					checkNext(route.next, `${field}.routes[${routeIndex}].next`);
					checkCondition(route.when, `${field}.routes[${routeIndex}].when`);
				});
				break;
			case 'ending':
				checkStage(node, field);
				break;
		}
	});
	quest.consequences.forEach((consequence, index) => {
		if (!scheduled.has(consequence.id)) problem(`consequences[${index}]`, `consequence "${consequence.id}" is never scheduled`);
	});
	if (problems.length > 0) return problems;

	problems.push(...checkGraphShape(quest, file));
	return problems;
}

/** No cycle, and every node reachable from `start` along the script's arrows (conditions aside). */
function checkGraphShape(quest: QuestStructure, file: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const index = new Map(quest.nodes.map((node, position) => [node.id, position]));
	const nodes = new Map(quest.nodes.map((node) => [node.id, node]));
	const colour = new Map<string, 'open' | 'done'>();
	const trail: string[] = [];
	let cycleFound = false;
	const visit = (id: string) => {
		if (cycleFound) return;
		const state = colour.get(id);
		if (state === 'done') return;
		if (state === 'open') {
			const loop = [...trail.slice(trail.indexOf(id)), id];
			problems.push({ file, field: `nodes[${index.get(id)}]`, reason: `the graph has a cycle: ${loop.join(' → ')} (every play must move forward)` });
			cycleFound = true;
			return;
		}
		colour.set(id, 'open');
		trail.push(id);
		for (const next of successors(nodes.get(id)!)) visit(next);
		trail.pop();
		colour.set(id, 'done');
	};
	visit(quest.start);
	if (cycleFound) return problems;
	quest.nodes.forEach((node, position) => {
		if (!colour.has(node.id)) problems.push({ file, field: `nodes[${position}]`, reason: `node "${node.id}" cannot be reached from start` });
	});
	return problems;
}
