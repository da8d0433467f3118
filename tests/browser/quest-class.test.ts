import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/services/demo-data.service';
import { message, newContext, signInOnPage, useAppInChromium } from '../support/browser';
import { QUEST, questView, storedEvents, viewKey, waitForQuest } from '../support/quest-page';

describe('a quest run by a teacher with the class', () => {
	const app = useAppInChromium({ env: { TAZA_DEMO_DATA: '1' } });

	it('shows discussion prompts, takes the class’s votes at each decision, ends with the debrief and records the class’s play', async () => {
		const context = await newContext(app.browser, { viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await signInOnPage(page, app.server.url, 'demo.teacher', DEMO_PASSWORD);

		// From the class's card on "My classes".
		await page.goto(`${app.server.url}/en/classes`, { waitUntil: 'networkidle' });
		const link = page.getByTestId('class-quest-link').first();
		const href = (await link.getAttribute('href'))!;
		expect(href).toContain(`/en/games/quests/${QUEST}/class?class=`);
		const classId = new URL(href, app.server.url).searchParams.get('class')!;
		await link.click();
		await expect.poll(() => page.getByTestId('class-quest').getAttribute('data-access')).toBe('ok');
		await waitForQuest(page);

		let decisions = 0;
		let discussed = false;
		for (let taken = 0; taken < 100 && (await questView(page)) !== 'ending'; taken += 1) {
			const before = await viewKey(page);
			if ((await questView(page)) === 'choice') {
				if ((await page.locator('[data-testid="quest-transcript"] .discussion').count()) > 0) discussed = true;
				const panel = page.getByTestId('vote-panel');
				const inputs = panel.locator('input');
				if (decisions % 2 === 0 && (await inputs.count()) >= 2) {
					// The teacher counts hands: 4 for the first option on offer, 17 for the second.
					await inputs.nth(0).fill('4');
					await inputs.nth(1).fill('17');
					await panel.getByRole('button', { name: /^Go with/ }).click();
				} else {
					// Only the majority's option: its button's name says so ("The majority chose …").
					await panel.getByRole('button', { name: new RegExp(`^${message('en', 'questplay_votes_majority_for').split('“')[0]}`) }).first().click();
				}
				decisions += 1;
			} else {
				await page.getByTestId('class-next').click();
			}
			await expect.poll(() => viewKey(page), { timeout: 10_000 }).not.toBe(before);
		}
		expect(await questView(page)).toBe('ending');
		expect(discussed).toBe(true);
		await page.getByTestId('class-recorded').waitFor();
		await page.getByRole('heading', { name: message('en', 'questplay_debrief') }).waitFor({ state: 'attached' });

		// The class's record, made by the teacher's account on this device, with the votes in each decision.
		const teacherId = await page.evaluate(
			() =>
				new Promise<string>((resolve) => {
					const request = indexedDB.open('taza');
					request.onsuccess = () => {
						const get = request.result.transaction('settings').objectStore('settings').get('profiles.activeId');
						get.onsuccess = () => resolve((get.result as { value: string }).value);
					};
				})
		);
		await expect.poll(async () => (await storedEvents(page)).events.some((event) => event.type === 'quest.ended'), { timeout: 10_000 }).toBe(true);
		const { events } = await storedEvents(page);
		const quest = events.filter((event) => event.type.startsWith('quest.'));
		expect(quest.every((event) => event.subject.kind === 'class' && event.subject.id === classId && event.recordedBy === teacherId)).toBe(true);
		expect(quest.find((event) => event.type === 'quest.started')?.payload.mode).toBe('class');
		const choices = quest.filter((event) => event.type === 'quest.choice');
		expect(choices).toHaveLength(decisions);
		const votes = choices.map((event) => Object.values((event.payload.votes ?? {}) as Record<string, number>));
		expect(votes.every((counts) => counts.length > 0)).toBe(true);
		// Counted hands where the teacher typed them, one option counted 1 where only the majority was marked.
		expect(votes.some((counts) => counts.includes(4) && counts.includes(17))).toBe(true);
		expect(votes.some((counts) => counts.length === 1 && counts[0] === 1)).toBe(true);
		// Queued for the teacher's own token (recordedBy), then sent: the server takes a class's play from its teacher,
		// and "what others chose" counts it.
		await expect.poll(async () => (await storedEvents(page)).outbox.length, { timeout: 20_000 }).toBe(0);
		const counts = (await (await fetch(`${app.server.url}/api/quests/${QUEST}/choices`)).json()) as { players: number };
		expect(counts.players).toBe(1);
		expect(pageErrors).toEqual([]);
		await context.close();
	});
});
