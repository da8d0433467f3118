import { describe, expect, it } from 'vitest';
import { EMPTY_TRAINING_RECORD } from './completion';
import { matchingSchools, seminarRoster } from './seminar-roster';
import type { KitParticipant } from './seminar-kit';

const COMPLETION = (attended: string[]) => ({ complete: false, attended: attended.length, required: 5, total: 6, testPassed: false, assignment: EMPTY_TRAINING_RECORD.assignment, missing: ['attendance' as const] });
const participant = (personId: string, displayName: string, attended: string[]): KitParticipant => ({
	personId,
	displayName,
	schoolCode: 'S-1',
	provisional: false,
	attended,
	completion: COMPLETION(attended),
	assignment: 'none'
});

describe('the roster on a trainer device', () => {
	it("joins the kit's participants, people registered here, and ticks made here, without counting a tick twice", () => {
		const rows = seminarRoster(
			[participant('p-2', 'Бакыт', ['legal-basics']), participant('p-1', 'Айгүл', [])],
			[
				{ personId: 'p-3', displayName: 'Чолпон', schoolCode: 'S-9', provisional: true },
				{ personId: 'p-2', displayName: 'Бакыт (scanned)', schoolCode: null, provisional: false }
			],
			[
				{ subjectId: 'p-2', sessionId: 'legal-basics' },
				{ subjectId: 'p-2', sessionId: 'case-method' },
				{ subjectId: 'p-3', sessionId: 'legal-basics' },
				{ subjectId: 'p-3', sessionId: 'legal-basics' },
				{ subjectId: 'someone-else', sessionId: 'legal-basics' }
			]
		);
		expect(rows).toEqual([
			{ personId: 'p-1', displayName: 'Айгүл', schoolCode: 'S-1', provisional: false, attended: [], addedHere: false, completion: COMPLETION([]) },
			{ personId: 'p-2', displayName: 'Бакыт', schoolCode: 'S-1', provisional: false, attended: ['legal-basics', 'case-method'], addedHere: false, completion: COMPLETION(['legal-basics']) },
			{ personId: 'p-3', displayName: 'Чолпон', schoolCode: 'S-9', provisional: true, attended: ['legal-basics'], addedHere: true, completion: null }
		]);
	});

	it('shows the name this device knows when the server holds none', () => {
		const rows = seminarRoster([{ ...participant('p-1', 'x', []), displayName: null }, { ...participant('p-2', 'x', []), displayName: null }], [{ personId: 'p-1', displayName: 'Бакыт', schoolCode: null, provisional: false }], []);
		expect(rows.map((row) => row.displayName)).toEqual(['', 'Бакыт']);
	});

	it('finds a school by any words of its name or district, ignoring case', () => {
		const schools = [
			{ code: 'N-1', name: 'Ат-Башы орто мектеби №1', district: 'Ат-Башы', rural: true },
			{ code: 'N-2', name: 'Нарын шаардык гимназиясы', district: 'Нарын', rural: false }
		];
		expect(matchingSchools(schools, 'ат-башы').map((school) => school.code)).toEqual(['N-1']);
		expect(matchingSchools(schools, 'НАРЫН гимназ').map((school) => school.code)).toEqual(['N-2']);
		expect(matchingSchools(schools, '').map((school) => school.code)).toEqual(['N-1', 'N-2']);
		expect(matchingSchools(schools, '', 1)).toHaveLength(1);
	});
});
