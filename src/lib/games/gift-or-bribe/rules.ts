/**
 * The rules of "Gift or bribe?", pure: which cards a round deals, whether an answer is right, the score and when a
 * round is passed, and the `minigame.round` event a round produces. The machine (gift-or-bribe.machine.ts) calls these.
 */
import type { SortCard, SortGameData, SortLevel } from '../../content/minigame.types';
import type { MiniGameAnswer, MiniGameMode, MiniGameRoundPayload } from '../../progress/game-events';
import { seededRandom, shuffle } from '../../utils/seeded-random';

/** What the player "said" of a card the clock ran out on. */
export const TIMEOUT = 'timeout';

/** The structure the rules need: a compiled game without its texts will do (tests build one by hand). */
export type SortRules = Pick<SortGameData, 'id' | 'version' | 'categories' | 'levels' | 'cards'>;

export function levelSettings(game: SortRules, level: number): SortLevel {
	const settings = game.levels.find((candidate) => candidate.level === level);
	if (!settings) throw new RangeError(`${game.id} has no level ${level}`);
	return settings;
}

export function hasLevel(game: SortRules, level: number): boolean {
	return game.levels.some((candidate) => candidate.level === level);
}

/** The cards of one round: the level's cards in an order drawn from the seed, as many as the level deals. */
export function dealRound(game: SortRules, level: number, seed: number): string[] {
	const { cards } = levelSettings(game, level);
	const pool = game.cards.filter((card) => card.level === level).map((card) => card.id);
	return shuffle(pool, seededRandom(seed)).slice(0, cards);
}

export function cardById(game: SortRules, cardId: string): SortCard {
	const card = game.cards.find((candidate) => candidate.id === cardId);
	if (!card) throw new RangeError(`${game.id} has no card ${cardId}`);
	return card;
}

/** A category chosen for a card, or `TIMEOUT` when none was chosen in time. */
export function judge(game: SortRules, cardId: string, response: string): MiniGameAnswer {
	return { itemId: cardId, response, correct: cardById(game, cardId).answer === response };
}

/** Correct answers needed to pass: the level's share of the cards dealt, rounded up. */
export function passMark(cardsDealt: number, passPercent: number): number {
	return Math.ceil((cardsDealt * passPercent) / 100);
}

export interface RoundResult {
	score: number;
	maxScore: number;
	passed: boolean;
	passMark: number;
}

/** One point per correct card; passed at the level's pass mark. */
export function roundResult(game: SortRules, level: number, answers: readonly MiniGameAnswer[], cardsDealt: number): RoundResult {
	const score = answers.filter((answer) => answer.correct).length;
	const mark = passMark(cardsDealt, levelSettings(game, level).passPercent);
	return { score, maxScore: cardsDealt, passed: score >= mark, passMark: mark };
}

export interface RoundRecord {
	playId: string;
	level: number;
	/** `untimed` when the timer was off at any moment of the round: only a fully timed round counts as timed. */
	mode: Extract<MiniGameMode, 'timed' | 'untimed'>;
	answers: readonly MiniGameAnswer[];
	cardsDealt: number;
}

/** The payload of the `minigame.round` event a finished round is recorded as. */
export function roundPayload(game: SortRules, round: RoundRecord): MiniGameRoundPayload {
	const { score, maxScore, passed } = roundResult(game, round.level, round.answers, round.cardsDealt);
	return {
		gameId: game.id,
		gameVersion: game.version,
		playId: round.playId,
		level: round.level,
		mode: round.mode,
		score,
		maxScore,
		passed,
		answers: round.answers.map((answer) => ({ ...answer }))
	};
}
