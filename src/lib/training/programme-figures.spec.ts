import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeByMonth, programmeFigures, type CompletionFact } from './programme-figures';

const fact = (personId: string, completedOn: string, regionCode = 'naryn', seminarId = `seminar-${regionCode}`, ruralSchool: boolean | null = true): CompletionFact => ({
	personId,
	seminarId,
	regionCode,
	completedOn,
	ruralSchool
});

describe('programme figures', () => {
	it('counts each person once, at their first completion, by region and month; seminars once when held', () => {
		const figures = programmeFigures(
			[fact('aigul', '2026-12-04'), fact('aigul', '2027-02-01', 'osh'), fact('bakyt', '2027-01-15', 'osh', 'seminar-osh', false), fact('cholpon', '2027-01-20', 'osh', 'seminar-osh', null)],
			[
				{ seminarId: 'seminar-naryn', regionCode: 'naryn', heldOn: '2026-12-01' },
				{ seminarId: 'seminar-osh', regionCode: 'osh', heldOn: '2027-01-10' },
				{ seminarId: 'seminar-osh', regionCode: 'osh', heldOn: '2027-01-10' },
				{ seminarId: 'seminar-talas', regionCode: 'talas', heldOn: null }
			]
		);
		expect(figures).toEqual({
			teachersTrained: { total: 3, byRegion: { naryn: 1, osh: 2 }, byMonth: { '2026-12': 1, '2027-01': 2 }, ruralSchools: 1, unknownSchools: 1 },
			seminarsHeld: { total: 2, byRegion: { naryn: 1, osh: 1 }, byMonth: { '2026-12': 1, '2027-01': 1 } }
		});
		expect(cumulativeByMonth(figures.teachersTrained.byMonth, '2027-03')).toEqual([
			{ month: '2026-12', total: 1 },
			{ month: '2027-01', total: 3 },
			{ month: '2027-02', total: 3 },
			{ month: '2027-03', total: 3 }
		]);
	});

	const anyFacts = fc.array(
		fc.record({
			person: fc.integer({ min: 1, max: 12 }),
			day: fc.integer({ min: 1, max: 28 }),
			month: fc.constantFrom('2026-12', '2027-01', '2027-02'),
			region: fc.constantFrom('naryn', 'osh', 'talas')
		}),
		{ maxLength: 40 }
	).map((items) => items.map((item) => fact(`p${item.person}`, `${item.month}-${String(item.day).padStart(2, '0')}`, item.region)));

	it('is the number of distinct people, whatever the order or the repeats, and the breakdowns add up to it', () => {
		fc.assert(
			fc.property(anyFacts, (facts) => {
				const figures = programmeFigures(facts, []).teachersTrained;
				expect(figures.total).toBe(new Set(facts.map((item) => item.personId)).size);
				expect(programmeFigures([...facts].reverse().concat(facts), []).teachersTrained).toEqual(figures);
				expect(Object.values(figures.byRegion).reduce((sum, count) => sum + count, 0)).toBe(figures.total);
				expect(Object.values(figures.byMonth).reduce((sum, count) => sum + count, 0)).toBe(figures.total);
			})
		);
	});

	it('goes down by at most one when two ids turn out to be one person (a merge), never up', () => {
		fc.assert(
			fc.property(anyFacts, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (facts, kept, merged) => {
				const before = programmeFigures(facts, []).teachersTrained.total;
				const after = programmeFigures(facts.map((item) => (item.personId === `p${merged}` ? { ...item, personId: `p${kept}` } : item)), []).teachersTrained.total;
				expect(before - after).toBeGreaterThanOrEqual(0);
				expect(before - after).toBeLessThanOrEqual(1);
			})
		);
	});
});
