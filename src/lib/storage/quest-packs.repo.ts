/**
 * Compiled quests kept on the device, so a quest opened once plays offline (quest files are served from /packs/,
 * which the service worker leaves to the pages, like course packs). One row per quest in the `settings` table: a
 * newer version replaces the older one; a play saved on the older version starts over (the engine's `canRestore`).
 */
import type { CompiledQuest } from '$lib/content/quest.types';
import type { TazaLocalDatabase } from './database';

const settingKey = (questId: string) => `questPack:${questId}`;

export function createQuestPacksRepo(db: TazaLocalDatabase, now: () => Date = () => new Date()) {
	return {
		async get(questId: string): Promise<CompiledQuest | undefined> {
			return (await db.settings.get(settingKey(questId)))?.value as CompiledQuest | undefined;
		},
		async save(quest: CompiledQuest): Promise<void> {
			await db.settings.put({ key: settingKey(quest.id), value: quest, updatedAt: now().toISOString() });
		}
	};
}

export type QuestPacksRepo = ReturnType<typeof createQuestPacksRepo>;
