import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleQuest, writeQuest, type QuestFixture } from '../../../tests/support/quest-fixture.ts';
import type { CompileEnvironment } from './compile-course.ts';
import { compileQuest, type CompileQuestResult } from './compile-quest.ts';
import { contentHash, readCourseSource } from './content-files.ts';
import { QUEST_PATH_BUDGET } from './quest-paths.ts';
import type { CompiledQuest } from './quest.types.ts';

const env: CompileEnvironment = {
	hash: contentHash,
	legalReviewLabel: { ky: 'юрист текшериши керек', ru: 'требует проверки юристом', en: 'to be checked by a lawyer' },
	appLink: (locale, page) => `/${locale}/${page}`,
	packUrl: (fileName) => `/packs/${fileName}`
};

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function compile(fixture: QuestFixture): CompileQuestResult {
	const { root, dir } = writeQuest(fixture);
	roots.push(root);
	return compileQuest(readCourseSource(root, dir), env);
}

function reasons(result: CompileQuestResult): string[] {
	if (result.ok) throw new Error('expected the quest to fail');
	return result.problems.map((p) => `${p.file.replace(/^.*content\/quests\//, '')}: ${p.field} — ${p.reason}`);
}

function compiled(result: CompileQuestResult): CompiledQuest {
	if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
	return JSON.parse(result.quest.body) as CompiledQuest;
}

const node = (fixture: QuestFixture, id: string) => fixture.quest.nodes.find((n) => n.id === id) as Record<string, unknown> & { choices: Record<string, unknown>[] };

describe('a sound quest', () => {
	it('compiles into one content-hashed file with every locale and a catalogue entry', () => {
		const result = compile(sampleQuest());
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.quest.fileName).toBe(`sample-quest.${contentHash(result.quest.body)}.json`);
		expect(result.quest.catalogueEntry).toMatchObject({
			id: 'sample-quest',
			ages: [12, 17],
			url: `/packs/quests/${result.quest.fileName}`,
			locales: { ru: { title: 'Конверт' }, en: { title: 'EN: Конверт' } },
			stats: { nodes: 5, decisions: 1, endings: 2, paths: 3, longestPlay: 1 }
		});
		const quest = compiled(result);
		expect(quest.version).toMatch(/^[0-9a-f]{8}$/);
		expect(Object.keys(quest.texts)).toEqual(['ky', 'ru', 'en']);
		expect(quest.nodes.collect).toMatchObject({ type: 'choice', discussion: true, shuffle: true, timer: { seconds: 20, choice: 'stay-quiet' } });
	});

	it('reports which plays end where', () => {
		const result = compile(sampleQuest());
		if (!result.ok) throw new Error('expected success');
		expect(Object.fromEntries(result.quest.walk.pathsByEnding)).toEqual({ 'paid-ending': 1, 'honest-ending': 2 });
		expect(result.quest.walk.consequences).toEqual(new Set(['rumour']));
	});

	it('keeps a legal statement as plain text with the review mark and lists it for review', () => {
		const fixture = sampleQuest();
		fixture.texts.ru['paid-ending'] = 'Ты сдал деньги. [[law: Закон запрещает это.]]';
		fixture.texts.ky['paid-ending'] = 'KY [[law: KY law]]';
		fixture.texts.en['paid-ending'] = 'EN [[law: EN law]]';
		const result = compile(fixture);
		expect(compiled(result).texts.ru['paid-ending']).toBe('Ты сдал деньги. Закон запрещает это. (требует проверки юристом)');
		if (result.ok) expect(result.quest.legalClaims).toContainEqual({ courseId: 'sample-quest', kind: 'quest', locale: 'en', key: 'paid-ending', text: 'EN law' });
	});

	it('lets a clamped meter stop at its bound', () => {
		const fixture = sampleQuest();
		node(fixture, 'collect').choices[0]!.effects = { money: -5000 };
		(fixture.quest.meters as Record<string, unknown>[])[1]!.clamp = true;
		expect(compile(fixture).ok).toBe(true);
	});
});

describe('a broken quest fails naming the file and the reason', () => {
	it('a node nothing leads to', () => {
		const fixture = sampleQuest();
		fixture.quest.nodes.push({ id: 'orphan', type: 'line', place: 'home', next: 'honest-ending' });
		fixture.texts.ru.orphan = fixture.texts.ky.orphan = fixture.texts.en.orphan = 'x';
		expect(reasons(compile(fixture))).toContain('sample-quest/quest.yaml: nodes[5] — node "orphan" cannot be reached from start');
	});

	it('a choice whose condition can never hold', () => {
		const fixture = sampleQuest();
		node(fixture, 'collect').choices[2]!.when = { meter: 'trust', min: 90 };
		expect(reasons(compile(fixture))).toContain('sample-quest/quest.yaml: nodes[1].choices[2].when — "tell-director" is never on offer on any play');
	});

	it('a dead end: a next that leads nowhere', () => {
		const fixture = sampleQuest();
		node(fixture, 'intro').next = 'nowhere';
		expect(reasons(compile(fixture))).toContain('sample-quest/quest.yaml: nodes[0].next — unknown node "nowhere"');
	});

	it('a dead end: a decision with nothing on offer', () => {
		const fixture = sampleQuest();
		const collect = node(fixture, 'collect');
		collect.timer = undefined;
		collect.choices = collect.choices.map((choice) => ({ ...choice, when: { meter: 'trust', max: 10 } }));
		for (const locale of ['ky', 'ru', 'en'] as const) {
			fixture.texts[locale]['collect.pay.locked'] = fixture.texts[locale]['collect.stay-quiet.locked'] = 'x';
		}
		expect(reasons(compile(fixture))).toContain('sample-quest/quest.yaml: nodes[1].choices — no choice is on offer after the start: the play is stuck');
	});

	it('a branch where no route holds', () => {
		const fixture = sampleQuest();
		(node(fixture, 'home') as Record<string, unknown>).routes = [{ when: { flag: 'paid' }, next: 'paid-ending' }, { when: { flag: 'rumour-spread' }, next: 'honest-ending' }];
		expect(reasons(compile(fixture))).toContain(
			'sample-quest/quest.yaml: nodes[2].routes — no route holds after collect.stay-quiet; end with a route without when'
		);
	});

	it('a cycle', () => {
		const fixture = sampleQuest();
		node(fixture, 'collect').choices[1]!.next = 'intro';
		expect(reasons(compile(fixture))).toContain(
			'sample-quest/quest.yaml: nodes[0] — the graph has a cycle: intro → collect → intro (every play must move forward)'
		);
	});

	it('a meter pushed out of its bounds, with the play that does it', () => {
		const fixture = sampleQuest();
		node(fixture, 'collect').choices[0]!.effects = { money: -1500 };
		expect(reasons(compile(fixture))).toContain(
			'sample-quest/quest.yaml: nodes[1].choices[0].effects.money — takes money to -500, outside 0…5000, after collect.pay; guard it with a when or set clamp: true on the meter'
		);
	});

	it('a missing locale', () => {
		const fixture = sampleQuest();
		fixture.omit = ['ky'];
		expect(reasons(compile(fixture))).toContain('sample-quest/text.ky.yaml:  — file is missing');
	});

	it('a missing text and an unknown one', () => {
		const fixture = sampleQuest();
		delete fixture.texts.en['collect.discussion'];
		fixture.texts.en['collect.bribe'] = 'x';
		expect(reasons(compile(fixture))).toEqual(
			expect.arrayContaining([
				'sample-quest/text.en.yaml: texts.collect.discussion — missing',
				'sample-quest/text.en.yaml: texts.collect.bribe — unknown id: no such meter, character, place, consequence, node or choice'
			])
		);
	});

	it('a translation made from an older source', () => {
		const fixture = sampleQuest();
		fixture.stamp = ['ky'];
		const result = compile(fixture);
		expect(reasons(result)).toContain('sample-quest/text.en.yaml: texts.intro — not stamped as translated: run npm run content:stamp -- sample-quest en');
		const stale = sampleQuest();
		const { root, dir } = writeQuest(stale);
		roots.push(root);
		stale.texts.ru.intro = 'Начало июня.';
		const changed = writeQuest(stale);
		roots.push(changed.root);
		// ky and en were stamped against "Конец мая." in the first folder; copy them over the changed source.
		const first = readCourseSource(root, dir);
		const second = readCourseSource(changed.root, changed.dir);
		second.documents.set('text.ky.yaml', first.documents.get('text.ky.yaml')!);
		expect(reasons(compileQuest(second, env))).toContain('sample-quest/text.ky.yaml: texts.intro — stale: the ru source changed since this was translated');
	});

	it('an ending without a debrief', () => {
		const fixture = sampleQuest();
		node(fixture, 'paid-ending').debrief = 0;
		expect(reasons(compile(fixture))).toContain('sample-quest/quest.yaml: nodes[3].debrief — Too small: expected number to be >=1');
	});

	it('a timer whose choice may be locked, a consequence never scheduled, a flag never set', () => {
		const fixture = sampleQuest();
		const collect = node(fixture, 'collect');
		collect.timer = { seconds: 20, choice: 'tell-director' };
		collect.choices[0]!.schedule = [];
		collect.choices[2]!.schedule = [];
		(node(fixture, 'home') as Record<string, unknown>).routes = [{ when: { flag: 'payed' }, next: 'paid-ending' }, { next: 'honest-ending' }];
		expect(reasons(compile(fixture))).toEqual(
			expect.arrayContaining([
				'sample-quest/quest.yaml: nodes[1].timer.choice — "tell-director" has a condition: the choice taken when time runs out must always be on offer',
				'sample-quest/quest.yaml: consequences[0] — consequence "rumour" is never scheduled',
				'sample-quest/quest.yaml: nodes[2].routes[0].when — flag "payed" is never set'
			])
		);
	});

	it('a quest over the path budget', () => {
		const fixture = sampleQuest();
		// Eleven decisions of three choices in a row: 3^11 = 177,147 plays.
		const chain = Array.from({ length: 11 }, (_, index) => ({
			id: `d${index}`,
			type: 'choice',
			place: 'home',
			choices: ['a', 'b', 'c'].map((id) => ({ id, next: index === 10 ? 'intro' : `d${index + 1}` }))
		}));
		fixture.quest.start = 'd0';
		fixture.quest.nodes.push(...chain);
		for (const locale of ['ky', 'ru', 'en'] as const) {
			for (const decision of chain) {
				fixture.texts[locale][decision.id] = 'x';
				for (const choice of decision.choices) fixture.texts[locale][`${decision.id}.${choice.id}`] = 'x';
			}
		}
		expect(reasons(compile(fixture))).toContain(
			`sample-quest/quest.yaml: nodes — 531441 paths, over the budget of ${QUEST_PATH_BUDGET}: merge branches back into a shared spine and remember what happened with flags`
		);
	});
});
