import { locales } from '$lib/paraglide/runtime';
import { error } from '@sveltejs/kit';
import { questCatalogue } from 'virtual:taza/quests';
import { findQuest } from '../find-quest';
import type { EntryGenerator, PageLoad } from './$types';

// Every quest page is built ahead of time, so the service worker keeps it and the quest opens offline.
export const entries: EntryGenerator = () => questCatalogue.quests.flatMap((quest) => locales.map((locale) => ({ locale, questId: quest.id })));

export const load: PageLoad = ({ params }) => {
	const quest = findQuest(questCatalogue, params.questId);
	if (!quest) error(404);
	return { quest };
};
