import { describe, expect, it } from 'vitest';
import type { MiniGameRoundPayload } from '../../progress/game-events';
import { highestOpenLevel, levelRecords } from './round-records';

let counter = 0;
function round(level: number, score: number, maxScore: number, passed = score / maxScore >= 0.7) {
	counter += 1;
	const payload: MiniGameRoundPayload = {
		gameId: 'gift-or-bribe',
		gameVersion: 'abcdef12',
		playId: `play-${counter}`,
		level,
		mode: 'timed',
		score,
		maxScore,
		passed,
		answers: []
	};
	return { id: `event-${counter}`, payload };
}

describe('level records from mini-game rounds', () => {
	it('keeps the best share per level, whether any round passed, and counts rounds', () => {
		const rounds = [round(1, 3, 6), round(1, 5, 6), round(2, 4, 8), round(1, 4, 6)];
		expect(levelRecords(rounds)).toEqual([
			{ level: 1, bestScore: 5, maxScore: 6, passed: true, rounds: 3 },
			{ level: 2, bestScore: 4, maxScore: 8, passed: false, rounds: 1 }
		]);
	});

	it('gives the same answer in any order and ignores a duplicate event', () => {
		const rounds = [round(1, 6, 8), round(1, 3, 4), round(1, 2, 6)];
		const forward = levelRecords(rounds);
		expect(levelRecords([...rounds].reverse())).toEqual(forward);
		expect(levelRecords([...rounds, rounds[0]!])).toEqual(forward);
		// 6/8 and 3/4 tie: the larger round wins.
		expect(forward[0]).toMatchObject({ bestScore: 6, maxScore: 8, rounds: 3 });
	});

	it('opens level 1 first, and each next level once the one before was passed', () => {
		expect(highestOpenLevel([], 3)).toBe(1);
		expect(highestOpenLevel(levelRecords([round(1, 2, 6)]), 3)).toBe(1);
		expect(highestOpenLevel(levelRecords([round(1, 6, 6)]), 3)).toBe(2);
		expect(highestOpenLevel(levelRecords([round(1, 6, 6), round(2, 8, 8), round(3, 9, 10)]), 3)).toBe(3);
		// Passing level 2 without level 1 (an old device, a merge) does not skip a level.
		expect(highestOpenLevel(levelRecords([round(2, 8, 8)]), 3)).toBe(1);
	});
});
