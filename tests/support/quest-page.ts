// Playing a quest in the browser as a person does: Space goes on after a line, a number key takes a choice.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const QUEST = 'exam-envelope';

export type QuestScreenKind = 'line' | 'choice' | 'ending' | undefined;

/** What the quest shows now (the player's data-view): a line, a choice or the ending. */
export async function questView(page: Page): Promise<QuestScreenKind> {
	return ((await page.getByTestId('quest-player').getAttribute('data-view')) ?? undefined) as QuestScreenKind;
}

/** The transcript's key of the view on screen (`line:intro`, `choice:collection`), which changes with every step. */
export function viewKey(page: Page): Promise<string | null> {
	return page.getByTestId('quest-transcript').getAttribute('data-view');
}

/** Waits until the canvas is drawn (Phaser loaded) and the quest waits for the player. */
export async function waitForQuest(page: Page): Promise<void> {
	await page.locator('.quest-stage[data-status="ready"]').waitFor({ timeout: 30_000 });
	await page.getByTestId('quest-transcript').waitFor({ state: 'attached' });
}

/** The numbers of the choices on offer now (1-based, as the keys and the canvas show them). */
export async function availableChoices(page: Page): Promise<number[]> {
	const enabled = await page.$$eval('[data-testid="quest-transcript"] .choices button', (buttons) => buttons.map((button) => !(button as HTMLButtonElement).disabled));
	return enabled.flatMap((on, index) => (on ? [index + 1] : []));
}

/** One step as a player takes it with the keyboard: Space on a line, a number key on a choice. Waits for the next view. */
export async function step(page: Page, pick: (available: number[]) => number = (available) => available[0]!): Promise<void> {
	const before = await viewKey(page);
	if ((await questView(page)) === 'choice') await page.keyboard.press(String(pick(await availableChoices(page))));
	else await page.keyboard.press('Space');
	await expect.poll(() => viewKey(page), { timeout: 10_000 }).not.toBe(before);
}

export interface StoredEvent {
	id: string;
	type: string;
	subject: { kind: string; id: string };
	recordedBy?: string;
	payload: Record<string, unknown>;
}

/** The events and the outbox in the page's IndexedDB. */
export function storedEvents(page: Page): Promise<{ events: StoredEvent[]; outbox: string[] }> {
	return page.evaluate(
		() =>
			new Promise<{ events: StoredEvent[]; outbox: string[] }>((resolve, reject) => {
				const request = indexedDB.open('taza');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const transaction = request.result.transaction(['events', 'outbox']);
					const events = transaction.objectStore('events').getAll();
					const outbox = transaction.objectStore('outbox').getAllKeys();
					transaction.oncomplete = () => resolve({ events: events.result as StoredEvent[], outbox: outbox.result as string[] });
				};
			})
	);
}
