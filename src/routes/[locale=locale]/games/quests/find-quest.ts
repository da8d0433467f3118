import type { QuestCatalogue, QuestCatalogueEntry } from '$lib/content/quest.types';

export function findQuest(catalogue: QuestCatalogue, questId: string): QuestCatalogueEntry | undefined {
	return catalogue.quests.find((quest) => quest.id === questId);
}
