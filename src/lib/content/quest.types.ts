/**
 * What the browser downloads for a quest: the compiled graph with every locale's texts, and the quest catalogue.
 * Plain types, no schema library, so the engine stays light. Authored in content/quests/ (see its README).
 */
import type { Locale } from './pack.types.ts';

export type QuestCondition =
	| { meter: string; min?: number; max?: number }
	| { flag: string }
	| { chose: { node: string; choice: string } }
	| { not: QuestCondition }
	| { all: QuestCondition[] }
	| { any: QuestCondition[] };

/** Meter id → integer change. */
export type QuestEffects = Record<string, number>;

/** Arrives right after the `after`-th decision that follows, or when the play reaches node `at`. */
export type QuestSchedule = { consequence: string; after: number } | { consequence: string; at: string };

export interface QuestStage {
	place: string;
	/** Who is on screen besides the speaker. */
	characters: string[];
	speaker?: string;
}

export interface QuestChoice {
	id: string;
	next: string;
	effects: QuestEffects;
	flags: string[];
	when?: QuestCondition;
	schedule: QuestSchedule[];
	reporting: boolean;
}

export type QuestNode =
	| { type: 'line'; id: string; stage: QuestStage; effects: QuestEffects; flags: string[]; next: string }
	| {
			type: 'choice';
			id: string;
			stage: QuestStage;
			choices: QuestChoice[];
			timer?: { seconds: number; choice: string };
			discussion: boolean;
			shuffle: boolean;
	  }
	| { type: 'branch'; id: string; routes: { when?: QuestCondition; next: string }[] }
	| { type: 'ending'; id: string; stage: QuestStage; tone: 'good' | 'mixed' | 'bad'; debrief: number };

export type QuestNodeType = QuestNode['type'];

export interface QuestMeter {
	id: string;
	start: number;
	min: number;
	max: number;
	goodWhen: 'high' | 'low';
	/** A change past a bound stops there; without it the build proved no play leaves the bounds. */
	clamp: boolean;
}

export interface QuestConsequence {
	id: string;
	speaker?: string;
	effects: QuestEffects;
	flags: string[];
}

export interface QuestStats {
	nodes: number;
	/** Choice nodes. */
	decisions: number;
	endings: number;
	/** Distinct plays from start to an ending (sequences of available choices). */
	paths: number;
	/** The longest play, in decisions. */
	longestPlay: number;
}

export interface CompiledQuest {
	format: 1;
	id: string;
	/** Hash of the structure and every locale's texts: the quest's content version, recorded with each play. */
	version: string;
	sourceLocale: Locale;
	ages: [number, number];
	minutes: number;
	meters: QuestMeter[];
	cast: string[];
	places: string[];
	consequences: Record<string, QuestConsequence>;
	start: string;
	nodes: Record<string, QuestNode>;
	stats: QuestStats;
	/** Every text per locale, keyed as in text.<locale>.yaml; plain text (legal statements carry their review mark). */
	texts: Record<Locale, Record<string, string>>;
}

export interface QuestCatalogueEntry {
	id: string;
	version: string;
	ages: [number, number];
	minutes: number;
	/** Where the compiled quest is served (content-hashed, so it can be cached for ever). */
	url: string;
	bytes: number;
	stats: QuestStats;
	locales: Record<Locale, { title: string; summary: string }>;
}

export interface QuestCatalogue {
	format: 1;
	quests: QuestCatalogueEntry[];
}

/** Text keys the structure implies, so the engine, the compiler and renderers name them one way. */
export const questTextKey = {
	meter: (meterId: string) => `meter.${meterId}`,
	cast: (characterId: string) => `cast.${characterId}`,
	place: (placeId: string) => `place.${placeId}`,
	consequence: (consequenceId: string) => `consequence.${consequenceId}`,
	line: (nodeId: string) => nodeId,
	prompt: (nodeId: string) => nodeId,
	choice: (nodeId: string, choiceId: string) => `${nodeId}.${choiceId}`,
	locked: (nodeId: string, choiceId: string) => `${nodeId}.${choiceId}.locked`,
	discussion: (nodeId: string) => `${nodeId}.discussion`,
	endingTitle: (endingId: string) => `${endingId}.title`,
	ending: (endingId: string) => endingId,
	debrief: (endingId: string, index: number) => `${endingId}.debrief.${index}`
} as const;
