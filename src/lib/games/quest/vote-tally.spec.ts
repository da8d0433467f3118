import { describe, expect, it } from 'vitest';
import type { QuestChoiceView } from './quest-view';
import { majorityPayload, parseVoteCount, tallyVotes, voteShares, votesPayload, wholePercents } from './vote-tally';

const choices: QuestChoiceView[] = [
	{ id: 'pay', text: 'a', available: true },
	{ id: 'refuse', text: 'b', available: true },
	{ id: 'locked', text: 'c', available: false },
	{ id: 'report', text: 'd', available: true, reporting: true }
];

describe('class votes', () => {
	it('reads typed counts, treating an empty field as no votes and refusing nonsense', () => {
		expect(parseVoteCount('12')).toBe(12);
		expect(parseVoteCount(' 0 ')).toBe(0);
		expect(parseVoteCount('')).toBe(0);
		expect(parseVoteCount('-1')).toBeUndefined();
		expect(parseVoteCount('2.5')).toBeUndefined();
		expect(parseVoteCount('abc')).toBeUndefined();
		expect(parseVoteCount('201')).toBeUndefined();
	});

	it('picks the option with most votes, ignoring a locked option', () => {
		expect(tallyVotes(choices, { pay: 4, refuse: 11, locked: 30, report: 9 })).toEqual({ kind: 'winner', choiceId: 'refuse' });
	});

	it('says when nothing was entered and when options tie', () => {
		expect(tallyVotes(choices, {})).toEqual({ kind: 'none' });
		expect(tallyVotes(choices, { pay: 0, locked: 5 })).toEqual({ kind: 'none' });
		expect(tallyVotes(choices, { pay: 7, refuse: 3, report: 7 })).toEqual({ kind: 'tie', choiceIds: ['pay', 'report'] });
	});

	it('records every available option with its count, zeros included', () => {
		expect(votesPayload(choices, { refuse: 11, locked: 2 })).toEqual({ pay: 0, refuse: 11, report: 0 });
		expect(majorityPayload('report')).toEqual({ report: 1 });
	});

	it('shows shares in whole percents that add up to 100', () => {
		expect(voteShares({ pay: 1, refuse: 1, report: 1 }, ['pay', 'refuse', 'report'])).toEqual({ pay: 34, refuse: 33, report: 33 });
		expect(wholePercents([0, 0], ['a', 'b'])).toEqual({ a: 0, b: 0 });
		const shares = wholePercents([3, 7, 11, 2], ['a', 'b', 'c', 'd']);
		expect(Object.values(shares).reduce((sum, value) => sum + value, 0)).toBe(100);
	});
});
