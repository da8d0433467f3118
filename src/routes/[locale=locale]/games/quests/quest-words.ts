import type { CompiledQuest } from '$lib/content/quest.types';
import type { Locale } from '$lib/content/pack.types';
import type { QuestScreenWords } from '$lib/games/quest/scenes/quest-screen';
import { m } from '$lib/paraglide/messages';

/** A quest text in the player's language, else the quest's source language, else its key (never a blank). */
export function questText(quest: CompiledQuest, locale: Locale): (key: string) => string {
	return (key) => quest.texts[locale]?.[key] ?? quest.texts[quest.sourceLocale]?.[key] ?? key;
}

/** The words the canvas and the transcript show, in the page's language. */
export function screenWords(quest: CompiledQuest, locale: Locale): QuestScreenWords {
	const text = questText(quest, locale);
	return {
		text,
		castName: (id) => text(`cast.${id}`),
		next: m.questplay_next_hint(),
		consequence: m.questplay_consequence(),
		discussion: m.questplay_discussion(),
		ending: m.questplay_ending(),
		debrief: m.questplay_debrief(),
		reporting: m.questplay_reporting(),
		secondsLeft: (seconds) => m.questplay_seconds_left({ seconds })
	};
}

export function transcriptWords() {
	return {
		region: m.questplay_transcript(),
		next: m.questplay_next(),
		choices: m.questplay_choices(),
		meters: m.questplay_meters(),
		better: m.questplay_better(),
		worse: m.questplay_worse(),
		meterValue: (label: string, value: number, max: number) => m.questplay_meter_value({ label, value, max }),
		tone: { good: m.questplay_tone_good(), middle: m.questplay_tone_middle(), bad: m.questplay_tone_bad() }
	};
}
