/**
 * Measure 5's figures (issue #7): teachers trained — distinct people who met their programme's completion rule —
 * against 500, and seminars held against 20, each by region and month. Pure: the server hands in completions with the
 * canonical person id (aliases and merges already applied), so a person counts once however many seminars, devices
 * or ids their record came through.
 */

export interface CompletionFact {
	/** The canonical person: an alias or a merged provisional person is already resolved to it. */
	personId: string;
	seminarId: string;
	/** The region of the seminar where the rule was met. */
	regionCode: string;
	/** Kyrgyzstan calendar day (YYYY-MM-DD) the last missing part arrived. */
	completedOn: string;
	/** Whether the person's school is rural (schools reference data); null when their school is unknown. */
	ruralSchool: boolean | null;
}

export interface SeminarFact {
	seminarId: string;
	regionCode: string;
	/** The first day a session of it had attendance recorded; null while none has. */
	heldOn: string | null;
}

export interface Breakdown {
	total: number;
	byRegion: Record<string, number>;
	/** Per month (YYYY-MM), how many were added that month; months with none are left out. */
	byMonth: Record<string, number>;
}

export interface ProgrammeFigures {
	teachersTrained: Breakdown & { ruralSchools: number; unknownSchools: number };
	seminarsHeld: Breakdown;
}

/**
 * A person who completed more than once counts at their first completion (earliest day, then seminar id, so every
 * server agrees), in that seminar's region.
 */
export function firstCompletions(facts: readonly CompletionFact[]): CompletionFact[] {
	const first = new Map<string, CompletionFact>();
	for (const fact of facts) {
		const before = first.get(fact.personId);
		if (!before || fact.completedOn < before.completedOn || (fact.completedOn === before.completedOn && fact.seminarId < before.seminarId)) first.set(fact.personId, fact);
	}
	return [...first.values()].sort((a, b) => (a.completedOn === b.completedOn ? (a.personId < b.personId ? -1 : 1) : a.completedOn < b.completedOn ? -1 : 1));
}

function breakdown(items: readonly { regionCode: string; day: string }[]): Breakdown {
	const byRegion: Record<string, number> = {};
	const byMonth: Record<string, number> = {};
	for (const item of items) {
		byRegion[item.regionCode] = (byRegion[item.regionCode] ?? 0) + 1;
		const month = item.day.slice(0, 7);
		byMonth[month] = (byMonth[month] ?? 0) + 1;
	}
	return { total: items.length, byRegion, byMonth };
}

export function programmeFigures(completions: readonly CompletionFact[], seminars: readonly SeminarFact[]): ProgrammeFigures {
	const people = firstCompletions(completions);
	const held = [...new Map(seminars.filter((seminar) => seminar.heldOn !== null).map((seminar) => [seminar.seminarId, seminar])).values()];
	return {
		teachersTrained: {
			...breakdown(people.map((fact) => ({ regionCode: fact.regionCode, day: fact.completedOn }))),
			ruralSchools: people.filter((fact) => fact.ruralSchool === true).length,
			unknownSchools: people.filter((fact) => fact.ruralSchool === null).length
		},
		seminarsHeld: breakdown(held.map((seminar) => ({ regionCode: seminar.regionCode, day: seminar.heldOn! })))
	};
}

/** Running totals month by month from the first month to `untilMonth`, for the chart (a month with none repeats). */
export function cumulativeByMonth(byMonth: Record<string, number>, untilMonth: string): { month: string; total: number }[] {
	const months = Object.keys(byMonth).sort();
	const [first] = months;
	if (first === undefined) return [];
	const series: { month: string; total: number }[] = [];
	let total = 0;
	for (let month = first; month <= untilMonth; month = nextMonth(month)) {
		total += byMonth[month] ?? 0;
		series.push({ month, total });
	}
	return series;
}

function nextMonth(month: string): string {
	const [year, number] = month.split('-').map(Number) as [number, number];
	return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}
