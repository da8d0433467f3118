import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compareStamps,
	compareText,
	earliestBy,
	joinByKey,
	joinRecords,
	latestBy,
	maxOrNull,
	nullable,
	or,
	uniqueById,
	unionSorted,
	type Join,
	type Stamp
} from './fold';

/** The three laws that make a fold independent of order and duplicates. */
function expectJoinLaws<T>(name: string, join: Join<T>, values: fc.Arbitrary<T>) {
	it(`${name} is commutative, associative and idempotent`, () => {
		fc.assert(
			fc.property(values, values, values, (a, b, c) => {
				expect(join(a, b)).toEqual(join(b, a));
				expect(join(join(a, b), c)).toEqual(join(a, join(b, c)));
				expect(join(a, a)).toEqual(a);
			})
		);
	});
}

const sortedSet: fc.Arbitrary<string[]> = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'ä', 'B')).map((items) => items.sort(compareText));
/** Stamps with few distinct times, so equal times are common; an id always comes with the same time, as in real events. */
const stamp: fc.Arbitrary<Stamp> = fc.integer({ min: 0, max: 30 }).map((n) => ({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, n % 4)).toISOString(), id: `id-${n}` }));
const byStamp = (value: Stamp) => value;

describe('join laws', () => {
	expectJoinLaws('unionSorted', unionSorted, sortedSet);
	expectJoinLaws('maxOrNull', maxOrNull, fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }));
	expectJoinLaws('or', or, fc.boolean());
	expectJoinLaws('latestBy', latestBy(byStamp), stamp);
	expectJoinLaws('earliestBy', earliestBy(byStamp), stamp);
	expectJoinLaws('nullable(latestBy)', nullable(latestBy(byStamp)), fc.option(stamp, { nil: null }));
	expectJoinLaws(
		'joinRecords of sets',
		(a, b) => joinRecords(a, b, unionSorted),
		fc.dictionary(fc.constantFrom('lesson-a', 'lesson-b', 'lesson-c'), sortedSet)
	);
	expectJoinLaws(
		'joinByKey of earliest stamps',
		(a, b) => joinByKey(a, b, (value) => value.at, earliestBy(byStamp)),
		fc.uniqueArray(stamp, { selector: (value) => value.at }).map((values) => values.sort((x, y) => compareText(x.at, y.at)))
	);
});

describe('compareStamps', () => {
	it('orders by the instant, not by how the time is written', () => {
		expect(compareStamps({ at: '2026-01-01T00:00:00Z', id: 'b' }, { at: '2026-01-01T00:00:00.500Z', id: 'a' })).toBeLessThan(0);
	});

	it('breaks a tie between equal instants by event id', () => {
		expect(compareStamps({ at: '2026-01-01T00:00:00Z', id: 'b' }, { at: '2026-01-01T00:00:00.000Z', id: 'a' })).toBeGreaterThan(0);
		expect(compareStamps({ at: '2026-01-01T00:00:00Z', id: 'a' }, { at: '2026-01-01T00:00:00Z', id: 'a' })).toBe(0);
	});

	it('puts an unreadable time first, so it never wins "latest"', () => {
		const garbled = { at: 'yesterday', id: 'z' };
		const real = { at: '1970-01-01T00:00:00Z', id: 'a' };
		expect(latestBy(byStamp)(garbled, real)).toBe(real);
	});
});

describe('latestBy and earliestBy', () => {
	const morning = { at: '2026-03-02T08:00:00.000Z', id: 'm' };
	const evening = { at: '2026-03-02T20:00:00.000Z', id: 'e' };

	it('keep the later and the earlier value', () => {
		expect(latestBy(byStamp)(morning, evening)).toBe(evening);
		expect(earliestBy(byStamp)(evening, morning)).toBe(morning);
	});

	it('treat null as "none yet" when lifted with nullable', () => {
		expect(nullable(latestBy(byStamp))(null, morning)).toBe(morning);
		expect(nullable(latestBy(byStamp))(null, null)).toBeNull();
	});
});

describe('uniqueById', () => {
	it('keeps one event per id, in the order first seen', () => {
		const events = [
			{ id: 'b', n: 1 },
			{ id: 'a', n: 2 },
			{ id: 'b', n: 1 }
		];
		expect(uniqueById(events)).toEqual([
			{ id: 'b', n: 1 },
			{ id: 'a', n: 2 }
		]);
	});
});

describe('unionSorted and joinRecords', () => {
	it('sort by code unit, the same in every locale', () => {
		expect(unionSorted(['b', 'a'], ['B', 'ä'])).toEqual(['B', 'a', 'b', 'ä']);
	});

	it('keep record keys sorted, so equal records serialise the same', () => {
		const joined = joinRecords({ z: ['1'] }, { a: ['2'], z: ['0'] }, unionSorted);
		expect(JSON.stringify(joined)).toBe('{"a":["2"],"z":["0","1"]}');
	});

	it('keep a key such as "__proto__" as data', () => {
		const hostile = JSON.parse('{"__proto__": ["x"]}') as Record<string, string[]>;
		const joined = joinRecords({}, hostile, unionSorted);
		expect(Object.keys(joined)).toEqual(['__proto__']);
		expect(Object.getPrototypeOf(joined)).toBe(Object.prototype);
	});
});
