import { locales } from '$lib/paraglide/runtime';
import { error } from '@sveltejs/kit';
import { questCatalogue } from 'virtual:taza/quests';
import { findQuest } from '../../find-quest';
import type { EntryGenerator, PageLoad } from './$types';

// Built ahead of time like the quest page: a teacher can run a quest with the class offline (the class comes in the query).
export const entries: EntryGenerator = () => questCatalogue.quests.flatMap((quest) => locales.map((locale) => ({ locale, questId: quest.id })));

export const load: PageLoad = ({ params }) => {
	const quest = findQuest(questCatalogue, params.questId);
	if (!quest) error(404);
	return { quest };
};
