/**
 * Teacher-led mode: the class votes at each choice and the teacher enters the counts (or only which option the
 * majority took). Pure: what the counts decide, and what the `quest.choice` event records of them.
 */
import type { QuestChoiceView } from './quest-view';

export type VoteCounts = Record<string, number>;

export type VoteOutcome =
	/** No votes entered yet. */
	| { kind: 'none' }
	| { kind: 'winner'; choiceId: string }
	/** Two or more options share the most votes: the class (or the teacher) breaks the tie. */
	| { kind: 'tie'; choiceIds: string[] };

/** The largest count a teacher may type for one option: no class is bigger; a typo of 300 is caught. */
export const MAX_VOTES = 200;

/** A count as typed: a whole number from 0 to MAX_VOTES, or undefined (an empty field counts as 0). */
export function parseVoteCount(typed: string): number | undefined {
	const trimmed = typed.trim();
	if (trimmed === '') return 0;
	if (!/^\d{1,4}$/.test(trimmed)) return undefined;
	const count = Number(trimmed);
	return count <= MAX_VOTES ? count : undefined;
}

/** Only options the class may take count; a locked option's votes are ignored. */
function countable(choices: readonly QuestChoiceView[], votes: VoteCounts): { id: string; count: number }[] {
	return choices.filter((choice) => choice.available).map((choice) => ({ id: choice.id, count: Math.max(0, Math.floor(votes[choice.id] ?? 0)) }));
}

/** Which option the votes pick. */
export function tallyVotes(choices: readonly QuestChoiceView[], votes: VoteCounts): VoteOutcome {
	const counted = countable(choices, votes);
	const most = Math.max(0, ...counted.map((entry) => entry.count));
	if (most === 0) return { kind: 'none' };
	const leaders = counted.filter((entry) => entry.count === most).map((entry) => entry.id);
	return leaders.length === 1 ? { kind: 'winner', choiceId: leaders[0]! } : { kind: 'tie', choiceIds: leaders };
}

/** The votes as the event records them: every available option with its count, zeros included. */
export function votesPayload(choices: readonly QuestChoiceView[], votes: VoteCounts): VoteCounts {
	return Object.fromEntries(countable(choices, votes).map((entry) => [entry.id, entry.count]));
}

/**
 * When the teacher only taps the majority's option, the event records that one option (counted 1): the class's
 * decision, not a head count. `game-events.ts` documents this shape ("the majority alone gives one").
 */
export function majorityPayload(choiceId: string): VoteCounts {
	return { [choiceId]: 1 };
}

/** Each option's share of the votes in whole percents that add up to 100 (largest remainders), for the projector. */
export function voteShares(votes: VoteCounts, ids: readonly string[]): Record<string, number> {
	return wholePercents(ids.map((id) => Math.max(0, votes[id] ?? 0)), ids);
}

/** Whole percents of `counts` that add up to exactly 100, by the largest-remainder method; all 0 when nothing was counted. */
export function wholePercents(counts: readonly number[], ids: readonly string[]): Record<string, number> {
	const total = counts.reduce((sum, count) => sum + count, 0);
	if (total === 0) return Object.fromEntries(ids.map((id) => [id, 0]));
	const exact = counts.map((count) => (count * 100) / total);
	const floors = exact.map(Math.floor);
	let left = 100 - floors.reduce((sum, value) => sum + value, 0);
	const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	for (const { index } of byRemainder) {
		if (left <= 0) break;
		floors[index]! += 1;
		left -= 1;
	}
	return Object.fromEntries(ids.map((id, index) => [id, floors[index]!]));
}
