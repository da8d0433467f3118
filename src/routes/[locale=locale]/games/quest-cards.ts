import type { Locale } from '$lib/content/pack.types';
import type { QuestCatalogue } from '$lib/content/quest.types';
import { m } from '$lib/paraglide/messages';
import { questCatalogue } from 'virtual:taza/quests';

/** A quest as the games hub lists it. */
export interface QuestCard {
	id: string;
	href: string;
	title: string;
	summary: string;
	facts: string[];
}

/** The quests the hub lists, from the compiled quest catalogue, in the page's language. */
export function questCards(locale: Locale, catalogue: QuestCatalogue = questCatalogue): QuestCard[] {
	return catalogue.quests.map((quest) => ({
		id: quest.id,
		href: `/${locale}/games/quests/${quest.id}`,
		title: quest.locales[locale].title,
		summary: quest.locales[locale].summary,
		facts: [m.questplay_hub_meta({ minutes: quest.minutes, from: quest.ages[0], to: quest.ages[1] })]
	}));
}
