import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { message, newContext, useAppInChromium } from '../support/browser';

/** Answers every drawn question with its first option (a learner in a hurry), saving each answer. */
async function answerAll(page: Page): Promise<number> {
	const questions = await page.locator('li[data-question]').all();
	for (const question of questions) {
		const radios = question.locator('input[type=radio]');
		const boxes = question.locator('input[type=checkbox]');
		if (await radios.count()) await radios.first().check();
		else if (await boxes.count()) await boxes.first().check();
		for (const select of await question.locator('select').all()) await select.selectOption({ index: 1 });
		await question.locator('button.check').click();
		await question.getByText(message('en', 'quiz_answer_saved')).waitFor();
	}
	return questions.length;
}

describe('a course test', () => {
	const app = useAppInChromium();

	it('draws the set number of questions, grades on submit, shows a review and counts the attempt', async () => {
		const context = await newContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.server.url}/en/courses/conflict-of-interest-practice/quiz`);
		await page.getByRole('button', { name: message('en', 'quiz_start') }).click();

		expect(await answerAll(page)).toBe(8);
		await page.getByRole('button', { name: message('en', 'quiz_submit') }).click();

		const result = page.getByTestId('quiz-result');
		await result.waitFor();
		expect(await result.textContent()).toMatch(/\d+%/);
		expect(await page.locator('ol.review > li').count()).toBe(8);
		expect(await page.getByText('2 attempts left').count()).toBe(1);

		// The attempt is on the device: the course page still knows about it after a reload.
		await page.reload();
		await page.getByText('2 attempts left').waitFor();
		await context.close();
	});
});
