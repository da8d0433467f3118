// Every quest in content/quests/, played by the real machine along a set of plays that together visit every node,
// choice, branch route, delayed consequence and ending (found by walking every path of the compiled graph).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileQuest } from '$lib/content/compile-quest';
import { compileEnvironment, questDirectories, readCourseSource } from '$lib/content/content-files';
import { QuestDriver } from '../../../../tests/support/quest-driver';

const root = path.resolve(import.meta.dirname, '../../../..');
const env = compileEnvironment(root);

describe.each(questDirectories(root))('%s', (dir) => {
	const result = compileQuest(readCourseSource(root, dir), env);

	it('compiles without a problem', () => {
		expect(result.ok ? [] : result.problems).toEqual([]);
	});
	if (!result.ok) return;
	const { quest, walk } = result.quest;
	const nodes = Object.values(quest.nodes);

	it('meets the bar of issue #6: 10 decisions, 4 endings, a reporting path, a delayed consequence, a debrief of 3–5', () => {
		expect(quest.stats.decisions).toBeGreaterThanOrEqual(10);
		expect(quest.stats.endings).toBeGreaterThanOrEqual(4);
		expect(nodes.some((node) => node.type === 'choice' && node.choices.some((choice) => choice.reporting))).toBe(true);
		expect(Object.keys(quest.consequences).length).toBeGreaterThanOrEqual(1);
		for (const node of nodes) if (node.type === 'ending') expect(node.debrief, node.id).toBeGreaterThanOrEqual(3);
		for (const node of nodes) if (node.type === 'ending') expect(node.debrief, node.id).toBeLessThanOrEqual(5);
		for (const locale of ['ky', 'ru', 'en'] as const) expect(Object.keys(quest.texts[locale]).length).toBeGreaterThan(0);
	});

	it('the machine visits every node, choice, consequence and ending along the covering plays', () => {
		const seenNodes = new Set<string>();
		const seenChoices = new Set<string>();
		const seenEndings = new Set<string>();
		const seenConsequences = new Set<string>();
		for (const { play, ending } of walk.covering) {
			const driver = QuestDriver.start(quest, { timed: false, seed: play.length }).play(play).expectEnding(ending);
			for (const view of driver.shown) {
				if (view.kind === 'ending') seenEndings.add(view.endingId);
				else if (view.kind === 'line' && view.consequence) seenConsequences.add(view.consequence.replace(/^consequence\./, ''));
				else seenNodes.add(view.nodeId);
			}
			for (const event of driver.ofType('quest.choice')) seenChoices.add(`${event.payload.nodeId}.${event.payload.choiceId}`);
			expect(driver.ofType('quest.ended').map((event) => event.payload.endingId)).toEqual([ending]);
		}
		const shownNodes = nodes.filter((node) => node.type === 'line' || node.type === 'choice').map((node) => node.id);
		expect([...seenNodes].sort()).toEqual(shownNodes.sort());
		expect([...seenEndings].sort()).toEqual(nodes.filter((node) => node.type === 'ending').map((node) => node.id).sort());
		expect([...seenChoices].sort()).toEqual(
			nodes.flatMap((node) => (node.type === 'choice' ? node.choices.map((choice) => `${node.id}.${choice.id}`) : [])).sort()
		);
		expect([...seenConsequences].sort()).toEqual(Object.keys(quest.consequences).sort());
		const routes = nodes.flatMap((node) => (node.type === 'branch' ? node.routes.map((_, index) => `${node.id}#${index}`) : []));
		expect([...walk.routes].sort()).toEqual(routes.sort());
	});

	it('a class plays the first covering play by vote to the same ending', () => {
		const [first] = walk.covering;
		const driver = QuestDriver.start(quest, { mode: 'class' });
		for (const decision of first!.play) {
			driver.skipLines();
			const choiceId = decision.split('.').slice(1).join('.');
			const view = driver.view;
			if (view.kind !== 'choice') throw new Error(`expected a decision at ${decision}`);
			const votes = Object.fromEntries(view.choices.filter((c) => c.available).map((c) => [c.id, c.id === choiceId ? 20 : 1]));
			driver.choose(choiceId, votes);
		}
		driver.skipLines().expectEnding(first!.ending);
	});

	it('stays within the path budget', () => {
		expect(walk.paths).toBeGreaterThan(0);
		expect(quest.stats.paths).toBe(walk.paths);
	});
});
