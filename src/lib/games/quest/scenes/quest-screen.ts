/**
 * What the quest scene is given to draw, and the only way it talks back. The host (a Svelte page) turns the engine's
 * snapshot into a `QuestScreen` — the `QuestView`, resolved words in the player's language, the meters' trends,
 * whether the game is paused, where the keyboard's focus ring is — and passes input from the scene to the engine. The
 * page owns the keyboard (games/core's convention); the scene holds no rules and no storage.
 */
import type { MeterTrend } from '../meter-view';
import type { QuestInput, QuestTextKey, QuestView } from '../quest-view';
import type { QuestTokens } from './quest-palette';

/** Words the canvas shows, in the player's language (the host takes them from the quest pack and paraglide). */
export interface QuestScreenWords {
	text(key: QuestTextKey): string;
	castName(id: string): string;
	/** "Tap or press Space to go on". */
	next: string;
	/** The heading of a delayed consequence's card ("Later…"). */
	consequence: string;
	/** The heading of a discussion prompt ("Discuss with the class"). */
	discussion: string;
	/** The heading above the ending's title ("The ending"). */
	ending: string;
	/** The heading of the debrief ("Talk it over"). */
	debrief: string;
	/** The tag beside a reporting choice ("Report"). */
	reporting: string;
	/** A timed decision's time left ("12 s"). */
	secondsLeft(seconds: number): string;
}

export interface QuestScreen {
	view: QuestView;
	words: QuestScreenWords;
	/** Each meter's move since the previous view, by meter id. */
	trends: Record<string, MeterTrend>;
	paused: boolean;
	/** The choice under the keyboard's focus ring (an index into the view's choices), or -1. */
	focus: number;
}

export interface QuestSceneBridge {
	screen(): QuestScreen;
	/** The canvas's CSS width and the height it may fill without scrolling. */
	viewport(): { width: number; height: number };
	/** Called whenever the screen or the viewport changes; returns the function that stops listening. */
	subscribe(listener: () => void): () => void;
	send(input: QuestInput): void;
	/** The canvas needs this CSS height to show everything (taller than the viewport when the text is long). */
	resized(height: number): void;
}

export interface QuestSceneOptions {
	/** The app's colours (games/core/palette, read from the page) under the art's names. */
	tokens: QuestTokens;
	/** The app's font stack (games/core/game-font): system fonts with ң, ө, ү. */
	fontFamily: string;
	/** Type and touch-target scale: 1 on a phone, about 1.5 on a projector. */
	scale: number;
	/** False on the teacher's screen: the class votes, so the options are shown but not taken by a tap. */
	choosable: boolean;
	/** Canvas pixels per CSS pixel (games/core/phaser-mount), so text and shapes stay sharp on a phone's screen. */
	pixelRatio: number;
}
