/**
 * What the programme targets view shows, derived from the server's `TargetsReport` (issue #7, measure 5): progress
 * toward each target, the region table, the month table, the seminar list and its filters, the people list's filters,
 * and the CSV rows of each. Pure: labels come in from the page, so the same rows serve every language.
 */
import type { SeminarRow, TargetsReport, TrainedPerson } from './targets-report';

export type ReportLocale = 'ky' | 'ru' | 'en';

export interface Progress {
	value: number;
	target: number;
	/** Share of the target reached, whole percent; may pass 100 when the target is exceeded. */
	percent: number;
	/** How many are still needed; 0 once the target is met. */
	remaining: number;
}

export function progressToward(value: number, target: number): Progress {
	return {
		value,
		target,
		percent: target > 0 ? Math.floor((value * 100) / target) : 0,
		remaining: Math.max(0, target - value)
	};
}

export interface TargetsHeadline {
	teachers: Progress;
	seminars: Progress;
	ruralSchools: number;
	unknownSchools: number;
}

export function targetsHeadline(report: TargetsReport): TargetsHeadline {
	const trained = report.figures.teachersTrained;
	return {
		teachers: progressToward(trained.total, report.targets.teachersTrained),
		seminars: progressToward(report.figures.seminarsHeld.total, report.targets.seminarsHeld),
		ruralSchools: trained.ruralSchools,
		unknownSchools: trained.unknownSchools
	};
}

/** A region's name in the page's language; a code the report does not name is shown as it is. */
export function regionName(report: Pick<TargetsReport, 'regions'>, code: string, locale: ReportLocale): string {
	return report.regions.find((region) => region.code === code)?.name[locale] ?? code;
}

export interface RegionRow {
	code: string;
	name: string;
	teachersTrained: number;
	seminarsHeld: number;
	/** Every seminar of the region in the report, held or not. */
	seminarsScheduled: number;
}

/**
 * Every region in the report's order — a region with nothing yet is a fact the programme needs to see — then any
 * region a figure names that the list lacks, so no count is hidden.
 */
export function regionRows(report: TargetsReport, locale: ReportLocale): RegionRow[] {
	const { teachersTrained, seminarsHeld } = report.figures;
	const codes = report.regions.map((region) => region.code);
	const extra = [...Object.keys(teachersTrained.byRegion), ...Object.keys(seminarsHeld.byRegion), ...report.seminars.map((row) => row.regionCode)]
		.filter((code, index, all) => !codes.includes(code) && all.indexOf(code) === index)
		.sort();
	return [...codes, ...extra].map((code) => ({
		code,
		name: regionName(report, code, locale),
		teachersTrained: teachersTrained.byRegion[code] ?? 0,
		seminarsHeld: seminarsHeld.byRegion[code] ?? 0,
		seminarsScheduled: report.seminars.filter((row) => row.regionCode === code).length
	}));
}

export interface MonthRow {
	month: string;
	teachersAdded: number;
	teachersTotal: number;
	seminarsAdded: number;
	seminarsTotal: number;
}

/** Both running totals side by side, one row per month from the earliest month either series has. */
export function monthRows(report: TargetsReport): MonthRow[] {
	const teachers = new Map(report.series.teachersTrained.map((point) => [point.month, point.total]));
	const seminars = new Map(report.series.seminarsHeld.map((point) => [point.month, point.total]));
	const months = [...new Set([...teachers.keys(), ...seminars.keys()])].sort();
	let teachersTotal = 0;
	let seminarsTotal = 0;
	return months.map((month) => {
		const teachersBefore = teachersTotal;
		const seminarsBefore = seminarsTotal;
		teachersTotal = teachers.get(month) ?? teachersTotal;
		seminarsTotal = seminars.get(month) ?? seminarsTotal;
		return { month, teachersAdded: teachersTotal - teachersBefore, teachersTotal, seminarsAdded: seminarsTotal - seminarsBefore, seminarsTotal };
	});
}

/**
 * A seminar counts as held once attendance at one of its sessions is recorded. Before its first day it is
 * scheduled; after that, without attendance, the page says so plainly (the trainer may not have synced yet).
 */
export type SeminarState = 'held' | 'scheduled' | 'not-recorded';

export function seminarState(row: Pick<SeminarRow, 'heldOn' | 'startsOn'>, today: string): SeminarState {
	if (row.heldOn !== null) return 'held';
	return row.startsOn > today ? 'scheduled' : 'not-recorded';
}

const REGION_CODE = /^[a-z][a-z-]{1,39}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const SEMINAR_ID = /^[A-Za-z0-9-]{1,64}$/;

const textParam = (params: URLSearchParams, name: string, pattern: RegExp) => {
	const value = params.get(name);
	return value !== null && pattern.test(value) ? value : null;
};

export interface SeminarFilter {
	region: string | null;
	/** true: held only; false: not held only; null: all. */
	held: boolean | null;
}

export function parseSeminarFilter(params: URLSearchParams): SeminarFilter {
	const held = params.get('held');
	return { region: textParam(params, 'region', REGION_CODE), held: held === '1' ? true : held === '0' ? false : null };
}

/** The query string of the targets page that shows this filter (empty when it shows everything). */
export function seminarFilterQuery(filter: SeminarFilter): string {
	const params = new URLSearchParams();
	if (filter.region) params.set('region', filter.region);
	if (filter.held !== null) params.set('held', filter.held ? '1' : '0');
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** The seminars a filter selects, earliest first (then by id, so the order never wobbles between refreshes). */
export function filterSeminars(rows: readonly SeminarRow[], filter: SeminarFilter): SeminarRow[] {
	return rows
		.filter((row) => (filter.region === null || row.regionCode === filter.region) && (filter.held === null || (row.heldOn !== null) === filter.held))
		.sort((a, b) => (a.startsOn === b.startsOn ? (a.id < b.id ? -1 : 1) : a.startsOn < b.startsOn ? -1 : 1));
}

export interface PeopleFilter {
	region: string | null;
	month: string | null;
	seminar: string | null;
	/** Applied on the page: teachers of rural schools, or those whose school is unknown. */
	school: 'rural' | 'unknown' | null;
}

export const NO_PEOPLE_FILTER: PeopleFilter = { region: null, month: null, seminar: null, school: null };

export function parsePeopleFilter(params: URLSearchParams): PeopleFilter {
	const school = params.get('school');
	return {
		region: textParam(params, 'region', REGION_CODE),
		month: textParam(params, 'month', MONTH),
		seminar: textParam(params, 'seminar', SEMINAR_ID),
		school: school === 'rural' || school === 'unknown' ? school : null
	};
}

function peopleParams(filter: Partial<PeopleFilter>, withSchool: boolean): string {
	const params = new URLSearchParams();
	if (filter.region) params.set('region', filter.region);
	if (filter.month) params.set('month', filter.month);
	if (filter.seminar) params.set('seminar', filter.seminar);
	if (withSchool && filter.school) params.set('school', filter.school);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** The query string of the people page for a figure (`?region=naryn&month=2026-04`). */
export const peopleQuery = (filter: Partial<PeopleFilter>): string => peopleParams(filter, true);

/** The API call behind a people page: the server filters by region, month and seminar. */
export const peopleApiPath = (filter: Partial<PeopleFilter>): string => `/api/programme/targets/people${peopleParams(filter, false)}`;

/** The people a filter selects, by name (people without a name last), then id. */
export function selectPeople(people: readonly TrainedPerson[], filter: PeopleFilter, locale: ReportLocale): TrainedPerson[] {
	const collator = new Intl.Collator(locale === 'ky' ? 'ky' : locale);
	return people
		.filter(
			(trained) =>
				(filter.region === null || trained.regionCode === filter.region) &&
				(filter.month === null || trained.completedOn.startsWith(`${filter.month}-`)) &&
				(filter.seminar === null || trained.seminarId === filter.seminar) &&
				(filter.school === null || (filter.school === 'rural' ? trained.ruralSchool === true : trained.ruralSchool === null))
		)
		.sort((a, b) => {
			if (a.displayName === null || b.displayName === null) return a.displayName === b.displayName ? (a.personId < b.personId ? -1 : 1) : a.displayName === null ? 1 : -1;
			return collator.compare(a.displayName, b.displayName) || (a.personId < b.personId ? -1 : 1);
		});
}

/** CSV: the region table with a total line; figures as plain numbers so a spreadsheet can add them up. */
export function regionCsvRows(rows: readonly RegionRow[], labels: { region: string; teachersTrained: string; seminarsHeld: string; seminarsScheduled: string; total: string }): string[][] {
	const sum = (pick: (row: RegionRow) => number) => String(rows.reduce((total, row) => total + pick(row), 0));
	return [
		[labels.region, labels.teachersTrained, labels.seminarsHeld, labels.seminarsScheduled],
		...rows.map((row) => [row.name, String(row.teachersTrained), String(row.seminarsHeld), String(row.seminarsScheduled)]),
		[labels.total, sum((row) => row.teachersTrained), sum((row) => row.seminarsHeld), sum((row) => row.seminarsScheduled)]
	];
}

/** CSV: the seminar list; days stay YYYY-MM-DD and ids are kept, so every line can be traced back. */
export function seminarCsvRows(
	rows: readonly SeminarRow[],
	labels: { id: string; region: string; centre: string; venue: string; startsOn: string; endsOn: string; capacity: string; participants: string; attended: string; completed: string; heldOn: string; state: string },
	regionNameOf: (code: string) => string,
	stateLabel: (row: SeminarRow) => string
): string[][] {
	return [
		[labels.id, labels.region, labels.centre, labels.venue, labels.startsOn, labels.endsOn, labels.capacity, labels.participants, labels.attended, labels.completed, labels.heldOn, labels.state],
		...rows.map((row) => [
			row.id,
			regionNameOf(row.regionCode),
			row.centre,
			row.venue,
			row.startsOn,
			row.endsOn,
			String(row.capacity),
			String(row.participants),
			String(row.attended),
			String(row.completed),
			row.heldOn ?? '',
			stateLabel(row)
		])
	];
}

/** CSV: the people behind a figure. */
export function peopleCsvRows(
	people: readonly TrainedPerson[],
	labels: { personId: string; name: string; school: string; schoolCode: string; rural: string; region: string; seminar: string; completedOn: string },
	regionNameOf: (code: string) => string,
	ruralLabel: (rural: boolean | null) => string,
	seminarLabel: (seminarId: string) => string
): string[][] {
	return [
		[labels.personId, labels.name, labels.school, labels.schoolCode, labels.rural, labels.region, labels.seminar, labels.completedOn],
		...people.map((trained) => [
			trained.personId,
			trained.displayName ?? '',
			trained.schoolName ?? '',
			trained.schoolCode ?? '',
			ruralLabel(trained.ruralSchool),
			regionNameOf(trained.regionCode),
			seminarLabel(trained.seminarId),
			trained.completedOn
		])
	];
}
