/**
 * The rules of "Spot the risk", pure: what a tap hits, the score (a point per risk found, minus one per item that
 * was not a risk, never below zero), when a round is passed, and the `minigame.round` event it produces.
 */
import type { SpotGameData, SpotItem, SpotLevel } from '../../content/minigame.types';
import type { MiniGameAnswer, MiniGameRoundPayload } from '../../progress/game-events';

export type SpotRules = Pick<SpotGameData, 'id' | 'version' | 'levels'>;

export function levelScene(game: SpotRules, level: number): SpotLevel {
	const scene = game.levels.find((candidate) => candidate.level === level);
	if (!scene) throw new RangeError(`${game.id} has no level ${level}`);
	return scene;
}

export function hasLevel(game: SpotRules, level: number): boolean {
	return game.levels.some((candidate) => candidate.level === level);
}

export function risksOf(scene: SpotLevel): SpotItem[] {
	return scene.items.filter((item) => item.risk);
}

export function itemOf(scene: SpotLevel, itemId: string): SpotItem | undefined {
	return scene.items.find((item) => item.id === itemId);
}

/** The item a tap at (x, y) in scene units hits: the nearest whose circle holds the point (items never overlap). */
export function itemAt(scene: SpotLevel, x: number, y: number): SpotItem | undefined {
	let hit: SpotItem | undefined;
	let nearest = Infinity;
	for (const item of scene.items) {
		const distance = Math.hypot(item.x - x, item.y - y);
		if (distance <= item.r && distance < nearest) {
			hit = item;
			nearest = distance;
		}
	}
	return hit;
}

/** What the player has tapped so far in a round: risks found, and items that were not risks. */
export interface Taps {
	found: readonly string[];
	wrong: readonly string[];
}

/** Adds a tap; tapping the same item again changes nothing (it only shows the explanation again). */
export function addTap(scene: SpotLevel, taps: Taps, itemId: string): Taps {
	const item = itemOf(scene, itemId);
	if (!item || taps.found.includes(itemId) || taps.wrong.includes(itemId)) return taps;
	return item.risk ? { ...taps, found: [...taps.found, itemId] } : { ...taps, wrong: [...taps.wrong, itemId] };
}

export function allFound(scene: SpotLevel, taps: Taps): boolean {
	return risksOf(scene).every((risk) => taps.found.includes(risk.id));
}

export interface SpotResult {
	score: number;
	maxScore: number;
	passed: boolean;
	passMark: number;
}

export function spotResult(scene: SpotLevel, taps: Taps): SpotResult {
	const maxScore = risksOf(scene).length;
	const score = Math.max(0, taps.found.length - taps.wrong.length);
	const passMark = Math.ceil((maxScore * scene.passPercent) / 100);
	return { score, maxScore, passed: score >= passMark, passMark };
}

/** Every risk as found or missed, then every item wrongly tapped as a risk, in the scene's order. */
export function spotAnswers(scene: SpotLevel, taps: Taps): MiniGameAnswer[] {
	const risks = risksOf(scene).map((risk) => {
		const found = taps.found.includes(risk.id);
		return { itemId: risk.id, response: found ? 'found' : 'missed', correct: found };
	});
	const wrong = scene.items.filter((item) => taps.wrong.includes(item.id)).map((item) => ({ itemId: item.id, response: 'found', correct: false }));
	return [...risks, ...wrong];
}

export function spotPayload(
	game: SpotRules,
	round: { playId: string; level: number; mode: 'scene' | 'list'; taps: Taps }
): MiniGameRoundPayload {
	const scene = levelScene(game, round.level);
	const { score, maxScore, passed } = spotResult(scene, round.taps);
	return {
		gameId: game.id,
		gameVersion: game.version,
		playId: round.playId,
		level: round.level,
		mode: round.mode,
		score,
		maxScore,
		passed,
		answers: spotAnswers(scene, round.taps)
	};
}
