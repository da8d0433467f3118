import { checkTexts } from './check-texts.ts';
import type { CompileEnvironment } from './compile-course.ts';
import { parseDocument, type CourseSource } from './parse-document.ts';
import type { ContentProblem } from './content-problem.ts';
import { CONTENT_LOCALES, textFileSchema, type ContentLocale, type TextFile } from './course.schema.ts';
import type { LegalClaim } from './pack.types.ts';
import { QUEST_PATH_BUDGET, walkQuest, type QuestWalk } from './quest-paths.ts';
import { questSchema, type QuestNodeStructure, type QuestStructure } from './quest.schema.ts';
import { questTextKeys } from './quest-text-keys.ts';
import type { CompiledQuest, QuestCatalogueEntry, QuestCondition, QuestNode } from './quest.types.ts';
import { legalClaims } from './render-text.ts';
import { checkQuestStructure } from './validate-quest.ts';

/** A quest folder as read from disk (same shape as a course's). */
export type QuestSource = CourseSource;

export interface CompiledQuestFile {
	id: string;
	quest: CompiledQuest;
	fileName: string;
	body: string;
	catalogueEntry: QuestCatalogueEntry;
	legalClaims: LegalClaim[];
	walk: QuestWalk;
	/** Texts per locale, for stats. */
	textCounts: Record<ContentLocale, number>;
}

export type CompileQuestResult = { ok: true; quest: CompiledQuestFile } | { ok: false; problems: ContentProblem[] };

const LEGAL_CLAIM = /\[\[law:\s*([\s\S]+?)\]\]/g;

/** Quest texts are drawn on a canvas: plain text, never HTML. A legal statement keeps its words and gets the mark. */
export function renderQuestText(text: string, legalReviewLabel: string): string {
	return text.trim().replace(LEGAL_CLAIM, (_, claim: string) => `${claim.trim()} (${legalReviewLabel})`);
}

function compileNode(node: QuestNodeStructure): QuestNode {
	switch (node.type) {
		case 'line':
			return {
				type: 'line',
				id: node.id,
				stage: { place: node.place, characters: node.characters, ...(node.speaker ? { speaker: node.speaker } : {}) },
				effects: node.effects ?? {},
				flags: node.flags ?? [],
				next: node.next
			};
		case 'choice':
			return {
				type: 'choice',
				id: node.id,
				stage: { place: node.place, characters: node.characters, ...(node.speaker ? { speaker: node.speaker } : {}) },
				choices: node.choices.map((choice) => ({
					id: choice.id,
					next: choice.next,
					effects: choice.effects ?? {},
					flags: choice.flags ?? [],
					...(choice.when ? { when: choice.when as QuestCondition } : {}),
					schedule: choice.schedule ?? [],
					reporting: choice.reporting
				})),
				...(node.timer ? { timer: node.timer } : {}),
				discussion: node.discussion,
				shuffle: node.shuffle
			};
		case 'branch':
			return { type: 'branch', id: node.id, routes: node.routes.map((route) => ({ next: route.next, ...(route.when ? { when: route.when as QuestCondition } : {}) })) };
		case 'ending':
			return { type: 'ending', id: node.id, stage: { place: node.place, characters: node.characters }, tone: node.tone, debrief: node.debrief };
	}
}

/** The graph without texts, stats or version: what the walk needs. */
function compileGraph(quest: QuestStructure): Omit<CompiledQuest, 'version' | 'stats' | 'texts'> {
	return {
		format: 1,
		id: quest.id,
		sourceLocale: quest.sourceLocale,
		ages: quest.ages,
		minutes: quest.minutes,
		meters: quest.meters.map((meter) => ({ ...meter })),
		cast: quest.cast,
		places: quest.places,
		consequences: Object.fromEntries(
			quest.consequences.map((c) => [c.id, { id: c.id, ...(c.speaker ? { speaker: c.speaker } : {}), effects: c.effects ?? {}, flags: c.flags ?? [] }])
		),
		start: quest.start,
		nodes: Object.fromEntries(quest.nodes.map((node) => [node.id, compileNode(node)]))
	};
}

/** Turns what the walk found into problems naming quest.yaml and the field. */
function walkProblems(quest: QuestStructure, walk: QuestWalk, file: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const nodeIndex = new Map(quest.nodes.map((node, index) => [node.id, index]));
	const consequenceIndex = new Map(quest.consequences.map((c, index) => [c.id, index]));
	const describePlay = (play: string[]) => (play.length ? play.join(' → ') : 'the start');
	const choiceField = (nodeId: string, choiceId: string) => {
		const node = quest.nodes[nodeIndex.get(nodeId)!]!;
		const choiceIndex = node.type === 'choice' ? node.choices.findIndex((choice) => choice.id === choiceId) : -1;
		return `nodes[${nodeIndex.get(nodeId)}].choices[${choiceIndex}]`;
	};
	for (const found of walk.issues) {
		if (found.kind === 'out-of-bounds') {
			const meter = quest.meters.find((m) => m.id === found.meter)!;
			const field =
				'consequence' in found.source
					? `consequences[${consequenceIndex.get(found.source.consequence)}].effects.${found.meter}`
					: found.source.choice
						? `${choiceField(found.source.node, found.source.choice)}.effects.${found.meter}`
						: `nodes[${nodeIndex.get(found.source.node)}].effects.${found.meter}`;
			problems.push({
				file,
				field,
				reason: `takes ${found.meter} to ${found.value}, outside ${meter.min}…${meter.max}, after ${describePlay(found.play)}; guard it with a when or set clamp: true on the meter`
			});
		} else if (found.kind === 'no-route' && 'node' in found) {
			problems.push({ file, field: `nodes[${nodeIndex.get(found.node)}].routes`, reason: `no route holds after ${describePlay(found.play)}; end with a route without when` });
		} else if (found.kind === 'no-choice' && 'node' in found) {
			problems.push({ file, field: `nodes[${nodeIndex.get(found.node)}].choices`, reason: `no choice is on offer after ${describePlay(found.play)}: the play is stuck` });
		} else if (found.kind === 'too-many-states') {
			problems.push({ file, field: 'nodes', reason: `more than ${found.limit} situations to explore: the quest is far over the path budget` });
		}
	}
	if (walk.paths > QUEST_PATH_BUDGET) {
		problems.push({
			file,
			field: 'nodes',
			reason: `${walk.paths} paths, over the budget of ${QUEST_PATH_BUDGET}: merge branches back into a shared spine and remember what happened with flags`
		});
	}
	if (problems.length > 0 || !walk.complete) return problems;

	quest.nodes.forEach((node, index) => {
		if (!walk.nodes.has(node.id)) {
			problems.push({ file, field: `nodes[${index}]`, reason: `"${node.id}" is never reached on any play: a condition on the way to it never holds` });
			return;
		}
		if (node.type === 'choice') {
			node.choices.forEach((choice, choiceIndex) => {
				if (!walk.choices.has(`${node.id}.${choice.id}`)) {
					problems.push({ file, field: `nodes[${index}].choices[${choiceIndex}].when`, reason: `"${choice.id}" is never on offer on any play` });
				}
			});
		}
		if (node.type === 'branch') {
			node.routes.forEach((_, routeIndex) => {
				if (!walk.routes.has(`${node.id}#${routeIndex}`)) {
					problems.push({ file, field: `nodes[${index}].routes[${routeIndex}]`, reason: 'this route is never taken on any play' });
				}
			});
		}
	});
	quest.consequences.forEach((consequence, index) => {
		if (!walk.consequences.has(consequence.id)) {
			problems.push({ file, field: `consequences[${index}]`, reason: `"${consequence.id}" never arrives on any play` });
		}
	});
	return problems;
}

/** Validates one quest folder, plays every path through it and, when sound, compiles it with every locale's texts. */
export function compileQuest(source: QuestSource, env: CompileEnvironment): CompileQuestResult {
	const problems: ContentProblem[] = [];
	const file = `${source.dir}/quest.yaml`;
	const quest = parseDocument(source, 'quest.yaml', questSchema, problems);
	if (!quest) return { ok: false, problems };
	for (const path of source.documents.keys()) {
		if (path !== 'quest.yaml' && !/^text\.(ky|ru|en)\.yaml$/.test(path)) {
			problems.push({ file: `${source.dir}/${path}`, field: '', reason: 'unknown file: a quest has quest.yaml and text.<ky|ru|en>.yaml' });
		}
	}
	problems.push(...checkQuestStructure(quest, file, source.dir.split('/').pop() ?? ''));
	if (problems.length > 0) return { ok: false, problems };

	const graph = compileGraph(quest);
	const walk = walkQuest({ ...graph, version: '', stats: { nodes: 0, decisions: 0, endings: 0, paths: 0, longestPlay: 0 }, texts: { ky: {}, ru: {}, en: {} } });
	problems.push(...walkProblems(quest, walk, file));

	const keys = questTextKeys(quest);
	const texts = new Map<ContentLocale, TextFile>();
	for (const locale of CONTENT_LOCALES) {
		const text = parseDocument(source, `text.${locale}.yaml`, textFileSchema, problems);
		if (text) texts.set(locale, text);
	}
	problems.push(
		...checkTexts({
			dir: source.dir,
			id: quest.id,
			sourceLocale: quest.sourceLocale,
			keys,
			texts,
			hash: env.hash,
			unknownReason: 'no such meter, character, place, consequence, node or choice'
		})
	);
	if (problems.length > 0) return { ok: false, problems };

	const claims: LegalClaim[] = [];
	const rendered = {} as CompiledQuest['texts'];
	for (const locale of CONTENT_LOCALES) {
		rendered[locale] = {};
		for (const key of keys.keys()) {
			const text = texts.get(locale)!.texts[key]!;
			for (const claim of legalClaims(text)) claims.push({ courseId: quest.id, kind: 'quest', locale, key, text: claim });
			rendered[locale][key] = renderQuestText(text, env.legalReviewLabel[locale]);
		}
	}
	const stats = {
		nodes: quest.nodes.length,
		decisions: quest.nodes.filter((node) => node.type === 'choice').length,
		endings: quest.nodes.filter((node) => node.type === 'ending').length,
		paths: walk.paths,
		longestPlay: walk.longestPlay
	};
	const compiled: CompiledQuest = { ...graph, version: env.hash(JSON.stringify([graph, rendered])), stats, texts: rendered };
	const body = JSON.stringify(compiled);
	const fileName = `${quest.id}.${env.hash(body)}.json`;
	const bytes = Buffer.byteLength(body);
	return {
		ok: true,
		quest: {
			id: quest.id,
			quest: compiled,
			fileName,
			body,
			legalClaims: claims,
			walk,
			textCounts: Object.fromEntries(CONTENT_LOCALES.map((locale) => [locale, Object.keys(texts.get(locale)!.texts).length])) as Record<ContentLocale, number>,
			catalogueEntry: {
				id: quest.id,
				version: compiled.version,
				ages: quest.ages,
				minutes: quest.minutes,
				url: env.packUrl(`quests/${fileName}`),
				bytes,
				stats,
				locales: Object.fromEntries(
					CONTENT_LOCALES.map((locale) => [locale, { title: rendered[locale].title!, summary: rendered[locale].summary! }])
				) as QuestCatalogueEntry['locales']
			}
		}
	};
}
