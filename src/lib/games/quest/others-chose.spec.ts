import { describe, expect, it } from 'vitest';
import { parseChoiceCounts, sharesAt } from './others-chose';

describe('what others chose', () => {
	const body = { questId: 'exam-envelope', nodes: { envelope: { pay: 30, refuse: 50, report: 20 }, later: {} }, players: 100 };

	it('reads the agreed answer and ignores another quest’s or a broken one', () => {
		expect(parseChoiceCounts(body, 'exam-envelope')?.players).toBe(100);
		expect(parseChoiceCounts(body, 'land-plot')).toBeUndefined();
		expect(parseChoiceCounts('<html>', 'exam-envelope')).toBeUndefined();
		expect(parseChoiceCounts({ questId: 'exam-envelope', nodes: [] }, 'exam-envelope')).toBeUndefined();
	});

	it('drops counts that are not counts, and reads a missing player total as 0', () => {
		const parsed = parseChoiceCounts({ questId: 'q', nodes: { n: { a: 2, b: -1, c: 'x', d: 1.5 }, m: 'no' } }, 'q');
		expect(parsed).toEqual({ questId: 'q', nodes: { n: { a: 2, d: 1 } }, players: 0 });
	});

	it('gives each shown option its share, missing options counting 0', () => {
		const counts = parseChoiceCounts(body, 'exam-envelope');
		expect(sharesAt(counts, 'envelope', ['pay', 'refuse', 'report', 'wait'])).toEqual([
			{ choiceId: 'pay', count: 30, percent: 30 },
			{ choiceId: 'refuse', count: 50, percent: 50 },
			{ choiceId: 'report', count: 20, percent: 20 },
			{ choiceId: 'wait', count: 0, percent: 0 }
		]);
	});

	it('shows nothing where nobody has decided yet', () => {
		const counts = parseChoiceCounts(body, 'exam-envelope');
		expect(sharesAt(counts, 'later', ['a'])).toBeUndefined();
		expect(sharesAt(counts, 'unknown', ['a'])).toBeUndefined();
		expect(sharesAt(undefined, 'envelope', ['pay'])).toBeUndefined();
	});
});
