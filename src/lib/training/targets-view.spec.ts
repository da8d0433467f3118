import { describe, expect, it } from 'vitest';
import { FIXTURE_PEOPLE, FIXTURE_REPORT, fixturePeople } from './targets-report.fixture';
import {
	filterSeminars,
	monthRows,
	NO_PEOPLE_FILTER,
	parsePeopleFilter,
	parseSeminarFilter,
	peopleApiPath,
	peopleCsvRows,
	peopleQuery,
	progressToward,
	regionCsvRows,
	regionRows,
	seminarCsvRows,
	seminarFilterQuery,
	seminarState,
	selectPeople,
	targetsHeadline
} from './targets-view';

describe('the targets view model', () => {
	it('states progress toward a target in whole percent, without rounding up to a target not reached', () => {
		expect(progressToward(10, 500)).toEqual({ value: 10, target: 500, percent: 2, remaining: 490 });
		expect(progressToward(499, 500).percent).toBe(99);
		expect(progressToward(23, 20)).toEqual({ value: 23, target: 20, percent: 115, remaining: 0 });
		expect(progressToward(3, 0).percent).toBe(0);
	});

	it('heads the page with both targets and the rural and unknown-school counts', () => {
		expect(targetsHeadline(FIXTURE_REPORT)).toEqual({
			teachers: { value: 10, target: 500, percent: 2, remaining: 490 },
			seminars: { value: 4, target: 20, percent: 20, remaining: 16 },
			ruralSchools: 7,
			unknownSchools: 1
		});
	});

	it('lists every region in the report order, in the page language, with nothing hidden', () => {
		const rows = regionRows(FIXTURE_REPORT, 'ky');
		expect(rows.map((row) => row.code)).toEqual(FIXTURE_REPORT.regions.map((region) => region.code));
		expect(rows.find((row) => row.code === 'naryn')).toEqual({ code: 'naryn', name: 'Нарын облусу', teachersTrained: 5, seminarsHeld: 2, seminarsScheduled: 2 });
		expect(rows.find((row) => row.code === 'batken')).toMatchObject({ teachersTrained: 0, seminarsHeld: 0, seminarsScheduled: 1 });
		expect(rows.reduce((sum, row) => sum + row.teachersTrained, 0)).toBe(FIXTURE_REPORT.figures.teachersTrained.total);
		expect(rows.reduce((sum, row) => sum + row.seminarsHeld, 0)).toBe(FIXTURE_REPORT.figures.seminarsHeld.total);

		const withStranger = { ...FIXTURE_REPORT, regions: FIXTURE_REPORT.regions.filter((region) => region.code !== 'talas') };
		expect(regionRows(withStranger, 'en').at(-1)).toEqual({ code: 'talas', name: 'talas', teachersTrained: 2, seminarsHeld: 1, seminarsScheduled: 1 });
	});

	it('puts both running totals side by side month by month', () => {
		expect(monthRows(FIXTURE_REPORT)).toEqual([
			{ month: '2026-03', teachersAdded: 2, teachersTotal: 2, seminarsAdded: 1, seminarsTotal: 1 },
			{ month: '2026-04', teachersAdded: 4, teachersTotal: 6, seminarsAdded: 2, seminarsTotal: 3 },
			{ month: '2026-05', teachersAdded: 4, teachersTotal: 10, seminarsAdded: 1, seminarsTotal: 4 },
			{ month: '2026-06', teachersAdded: 0, teachersTotal: 10, seminarsAdded: 0, seminarsTotal: 4 }
		]);
		const seminarsEarlier = { ...FIXTURE_REPORT, series: { ...FIXTURE_REPORT.series, seminarsHeld: [{ month: '2026-02', total: 1 }, ...FIXTURE_REPORT.series.seminarsHeld] } };
		expect(monthRows(seminarsEarlier)[0]).toEqual({ month: '2026-02', teachersAdded: 0, teachersTotal: 0, seminarsAdded: 1, seminarsTotal: 1 });
	});

	it('says a seminar is held only when attendance is recorded', () => {
		expect(seminarState({ heldOn: '2026-03-16', startsOn: '2026-03-16' }, '2026-06-15')).toBe('held');
		expect(seminarState({ heldOn: null, startsOn: '2026-07-06' }, '2026-06-15')).toBe('scheduled');
		expect(seminarState({ heldOn: null, startsOn: '2026-06-15' }, '2026-06-15')).toBe('not-recorded');
	});

	it('filters the seminar list as the figures link to it, earliest first', () => {
		const filter = parseSeminarFilter(new URLSearchParams('region=naryn&held=1'));
		expect(filter).toEqual({ region: 'naryn', held: true });
		expect(seminarFilterQuery(filter)).toBe('?region=naryn&held=1');
		expect(filterSeminars(FIXTURE_REPORT.seminars, filter).map((row) => row.centre)).toEqual(['Нарын', 'Кочкор']);
		expect(filterSeminars(FIXTURE_REPORT.seminars, { region: null, held: true })).toHaveLength(4);
		expect(filterSeminars(FIXTURE_REPORT.seminars, { region: null, held: false }).map((row) => row.centre)).toEqual(['Баткен', 'Ноокат']);
		expect(parseSeminarFilter(new URLSearchParams('region=<script>&held=yes'))).toEqual({ region: null, held: null });
		expect(seminarFilterQuery({ region: null, held: null })).toBe('');
	});

	it('links a figure to its people and asks the server for the same', () => {
		expect(peopleQuery({ region: 'naryn', month: '2026-04' })).toBe('?region=naryn&month=2026-04');
		expect(peopleQuery({ school: 'rural' })).toBe('?school=rural');
		expect(peopleApiPath({ region: 'naryn', school: 'rural' })).toBe('/api/programme/targets/people?region=naryn');
		expect(peopleApiPath({})).toBe('/api/programme/targets/people');
		expect(parsePeopleFilter(new URLSearchParams('region=osh&month=2026-13&seminar=0195f0a0-0002-7000-8000-000000000002&school=rural'))).toEqual({
			region: 'osh',
			month: null,
			seminar: '0195f0a0-0002-7000-8000-000000000002',
			school: 'rural'
		});
	});

	it('selects the people behind a figure: the counts on the page and the lists agree', () => {
		const { figures } = FIXTURE_REPORT;
		for (const [region, count] of Object.entries(figures.teachersTrained.byRegion)) {
			expect(selectPeople(FIXTURE_PEOPLE, { ...NO_PEOPLE_FILTER, region }, 'ru')).toHaveLength(count);
		}
		for (const [month, count] of Object.entries(figures.teachersTrained.byMonth)) {
			expect(selectPeople(fixturePeople({ month }), { ...NO_PEOPLE_FILTER, month }, 'ru')).toHaveLength(count);
		}
		expect(selectPeople(FIXTURE_PEOPLE, { ...NO_PEOPLE_FILTER, school: 'rural' }, 'ky')).toHaveLength(figures.teachersTrained.ruralSchools);
		expect(selectPeople(FIXTURE_PEOPLE, { ...NO_PEOPLE_FILTER, school: 'unknown' }, 'ky').map((trained) => trained.displayName)).toEqual(['Эрмек Сыдыков']);
		for (const row of FIXTURE_REPORT.seminars) expect(fixturePeople({ seminar: row.id })).toHaveLength(row.completed);
	});

	it('orders people by name in the page language, unnamed (erased) people last', () => {
		const unnamed = { ...FIXTURE_PEOPLE[0]!, personId: 'p-00', displayName: null };
		const names = selectPeople([unnamed, ...FIXTURE_PEOPLE.slice(0, 4)], NO_PEOPLE_FILTER, 'ky').map((trained) => trained.displayName);
		expect(names).toEqual(['Айгүл Осмонова', 'Бакыт Жумабаев', 'Гүлнара Абдыкадырова', 'Эрмек Сыдыков', null]);
	});

	it('writes the region table, the seminar list and a people list as CSV rows', () => {
		const regions = regionCsvRows(regionRows(FIXTURE_REPORT, 'en'), { region: 'Region', teachersTrained: 'Teachers', seminarsHeld: 'Held', seminarsScheduled: 'Scheduled', total: 'Total' });
		expect(regions[0]).toEqual(['Region', 'Teachers', 'Held', 'Scheduled']);
		expect(regions).toContainEqual(['Naryn region', '5', '2', '2']);
		expect(regions.at(-1)).toEqual(['Total', '10', '4', '6']);
		expect(regions).toHaveLength(FIXTURE_REPORT.regions.length + 2);

		const labels = { id: 'Id', region: 'Region', centre: 'Centre', venue: 'Venue', startsOn: 'From', endsOn: 'To', capacity: 'Capacity', participants: 'Participants', attended: 'Attended', completed: 'Completed', heldOn: 'Held on', state: 'State' };
		const seminars = seminarCsvRows(filterSeminars(FIXTURE_REPORT.seminars, { region: 'batken', held: null }), labels, (code) => code.toUpperCase(), () => 'not recorded');
		expect(seminars).toEqual([
			Object.values(labels),
			['0195f0a0-0005-7000-8000-000000000005', 'BATKEN', 'Баткен', 'Гимназия №1', '2026-05-25', '2026-05-27', '30', '6', '0', '0', '', 'not recorded']
		]);

		const people = peopleCsvRows(
			fixturePeople({ seminar: '0195f0a0-0001-7000-8000-000000000001' }).slice(2),
			{ personId: 'Id', name: 'Name', school: 'School', schoolCode: 'Code', rural: 'Rural', region: 'Region', seminar: 'Seminar', completedOn: 'Completed on' },
			(code) => code,
			(rural) => (rural === null ? 'unknown' : rural ? 'yes' : 'no'),
			() => 'Нарын, 2026-03-16'
		);
		expect(people).toEqual([
			['Id', 'Name', 'School', 'Code', 'Rural', 'Region', 'Seminar', 'Completed on'],
			['p-03', 'Гүлнара Абдыкадырова', 'Ак-Талаа орто мектеби', 'NR-052', 'yes', 'naryn', 'Нарын, 2026-03-16', '2026-04-02'],
			['p-04', 'Эрмек Сыдыков', '', '', 'unknown', 'naryn', 'Нарын, 2026-03-16', '2026-04-03']
		]);
	});
});
