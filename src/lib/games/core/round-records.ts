import type { MiniGameRoundEvent, MiniGameRoundPayload } from '../../progress/game-events';

/** The best round a player has had at one level of a mini-game. */
export interface LevelRecord {
	level: number;
	bestScore: number;
	maxScore: number;
	passed: boolean;
	rounds: number;
}

/**
 * Folds a player's `minigame.round` events into a record per level: the best score (as a share of its maximum, so a
 * round of 8 cards and one of 10 compare fairly), whether any round passed, how many were played. Order and
 * duplicates do not change the result (DESIGN §3).
 */
export function levelRecords(rounds: readonly Pick<MiniGameRoundEvent, 'id' | 'payload'>[]): LevelRecord[] {
	const seen = new Set<string>();
	const byLevel = new Map<number, LevelRecord>();
	for (const { id, payload } of rounds) {
		if (seen.has(id)) continue;
		seen.add(id);
		const current = byLevel.get(payload.level);
		byLevel.set(payload.level, {
			level: payload.level,
			...better(current, payload),
			passed: (current?.passed ?? false) || payload.passed,
			rounds: (current?.rounds ?? 0) + 1
		});
	}
	return [...byLevel.values()].sort((a, b) => a.level - b.level);
}

function better(current: LevelRecord | undefined, round: MiniGameRoundPayload): { bestScore: number; maxScore: number } {
	const share = (score: number, max: number) => (max === 0 ? 0 : score / max);
	if (!current) return { bestScore: round.score, maxScore: round.maxScore };
	const a = share(current.bestScore, current.maxScore);
	const b = share(round.score, round.maxScore);
	// Ties go to the larger round, then the higher score, so the result is the same in any order.
	if (b > a || (b === a && (round.maxScore > current.maxScore || (round.maxScore === current.maxScore && round.score > current.bestScore)))) {
		return { bestScore: round.score, maxScore: round.maxScore };
	}
	return { bestScore: current.bestScore, maxScore: current.maxScore };
}

/** The highest level a player may start: level 1, and each level after one that was passed. */
export function highestOpenLevel(records: readonly LevelRecord[], levelCount: number): number {
	let open = 1;
	while (open < levelCount && records.some((record) => record.level === open && record.passed)) open += 1;
	return open;
}
