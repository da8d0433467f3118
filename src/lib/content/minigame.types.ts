/**
 * What the browser gets of a mini-game (plain types, no schema library): structure plus every locale's texts, one
 * module per game, loaded when the game opens (`virtual:taza/minigame/<id>`, scripts/minigame-content-plugin.ts).
 */
import type { Locale } from './pack.types.ts';

/** A text key → plain text; a legal statement ends with its review mark, e.g. "… (to be checked by a lawyer)". */
export type MiniGameTexts = Record<string, string>;

interface MiniGameBase {
	id: string;
	/** Content hash of structure and texts: `minigame.round` events carry it as `gameVersion`. */
	version: string;
	texts: Record<Locale, MiniGameTexts>;
}

export interface SortLevel {
	/** 1, 2, 3 … in order. */
	level: number;
	cards: number;
	secondsPerCard: number;
	passPercent: number;
}

export interface SortCard {
	id: string;
	level: number;
	answer: string;
	/** Which picture the card shows: one of SORT_CARD_PLACES. */
	place: string;
}

/** "Gift or bribe?": sort situation cards into categories, card by card, against a clock (or none). */
export interface SortGameData extends MiniGameBase {
	type: 'sort';
	categories: string[];
	levels: SortLevel[];
	cards: SortCard[];
}

/** The logical size every "Spot the risk" scene is drawn in (portrait, like a phone). */
export const SPOT_SCENE_SIZE = { width: 360, height: 480 } as const;

export interface SpotItem {
	id: string;
	risk: boolean;
	/** Which drawing: one of SPOT_PROPS. */
	prop: string;
	/** Centre and tap radius in the scene's logical units (SPOT_SCENE_SIZE). */
	x: number;
	y: number;
	r: number;
}

export interface SpotLevel {
	level: number;
	/** Which backdrop: one of SPOT_SCENES. */
	scene: string;
	passPercent: number;
	items: SpotItem[];
}

/** "Spot the risk": find the corruption risks hidden in a drawn scene (or in a list of what it shows). */
export interface SpotGameData extends MiniGameBase {
	type: 'spot';
	levels: SpotLevel[];
}

export type MiniGameData = SortGameData | SpotGameData;

/** The games hub's view of a game: enough to list it without loading it. */
export interface MiniGameListing {
	id: string;
	type: MiniGameData['type'];
	version: string;
	levels: number;
	title: Record<Locale, string>;
	summary: Record<Locale, string>;
}

export interface MiniGameLegalClaim {
	gameId: string;
	locale: Locale;
	key: string;
	text: string;
}
