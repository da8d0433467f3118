import type { Locale } from '$lib/content/pack.types';

/** A quest as the games hub lists it. */
export interface QuestCard {
	id: string;
	href: string;
	title: string;
	summary: string;
}

/** The quests the hub lists: none yet — the quests work fills this from its compiled quest catalogue. */
export function questCards(locale: Locale): QuestCard[] {
	void locale;
	return [];
}
