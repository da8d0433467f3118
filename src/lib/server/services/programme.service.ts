import { cumulativeByMonth, firstCompletions, programmeFigures, type CompletionFact } from '$lib/training/programme-figures';
import type { SeminarRow, TargetsReport, TrainedPerson } from '$lib/training/targets-report';
import { kyrgyzstanDate } from '$lib/utils/calendar-date';
import type { ProgrammeRepo } from '../repos/programme.repo';
import type { SeminarListItem } from './seminars.service';

export interface ProgrammeDependencies {
	programme: ProgrammeRepo;
	/** Every seminar with its counts (seminars.service `list` as a programme administrator sees it). */
	seminars: () => Promise<SeminarListItem[]>;
	regions: readonly { code: string; nameKy: string; nameRu: string; nameEn: string }[];
	now: () => Date;
}

/** Who to list behind a figure: a region, a month (YYYY-MM) of first completion, a seminar — any together. */
export interface PeopleFilter {
	regionCode?: string;
	month?: string;
	seminarId?: string;
}

/**
 * Measure 5 live (issue #7): teachers trained against 500 and seminars held against 20, by region and month, with the
 * seminar list and the people behind each figure. Counting is programme-figures.ts; this only gathers its facts.
 */
export function createProgrammeService(deps: ProgrammeDependencies) {
	async function facts(): Promise<{ facts: CompletionFact[]; byPerson: Map<string, Awaited<ReturnType<ProgrammeRepo['completions']>>[number]> }> {
		const rows = await deps.programme.completions();
		const byPerson = new Map(rows.map((row) => [`${row.personId} ${row.seminarId}`, row]));
		return {
			facts: rows.map((row) => ({
				personId: row.personId,
				seminarId: row.seminarId,
				regionCode: row.regionCode,
				completedOn: kyrgyzstanDate(new Date(row.completedAt)),
				ruralSchool: row.rural === null ? null : row.rural === 1
			})),
			byPerson
		};
	}

	return {
		async targets(): Promise<TargetsReport> {
			const now = deps.now();
			const [{ facts: completions }, seminars, targets] = await Promise.all([facts(), deps.seminars(), deps.programme.targets()]);
			const live = seminars.filter((seminar) => seminar.cancelledAt === null);
			const figures = programmeFigures(
				completions,
				live.map((seminar) => ({ seminarId: seminar.id, regionCode: seminar.regionCode, heldOn: seminar.heldOn }))
			);
			const month = kyrgyzstanDate(now).slice(0, 7);
			const rows: SeminarRow[] = live.map((seminar) => ({
				id: seminar.id,
				programmeId: seminar.programmeId,
				regionCode: seminar.regionCode,
				centre: seminar.centre,
				venue: seminar.venue,
				startsOn: seminar.startsOn,
				endsOn: seminar.endsOn,
				capacity: seminar.capacity,
				heldOn: seminar.heldOn,
				sessions: seminar.sessions.length,
				participants: seminar.participants,
				attended: seminar.attended,
				completed: seminar.completed
			}));
			return {
				generatedAt: now.toISOString(),
				targets: { teachersTrained: targets['teachers-trained'] ?? 500, seminarsHeld: targets['traveling-seminars'] ?? 20 },
				figures,
				series: { teachersTrained: cumulativeByMonth(figures.teachersTrained.byMonth, month), seminarsHeld: cumulativeByMonth(figures.seminarsHeld.byMonth, month) },
				regions: deps.regions.map((region) => ({ code: region.code, name: { ky: region.nameKy, ru: region.nameRu, en: region.nameEn } })),
				seminars: rows
			};
		},

		/** The people counted in "teachers trained", each once at their first completion, narrowed by the filter. */
		async people(filter: PeopleFilter): Promise<TrainedPerson[]> {
			const { facts: completions, byPerson } = await facts();
			return firstCompletions(completions)
				.filter((fact) => (filter.regionCode === undefined || fact.regionCode === filter.regionCode) && (filter.month === undefined || fact.completedOn.startsWith(filter.month)) && (filter.seminarId === undefined || fact.seminarId === filter.seminarId))
				.map((fact) => {
					const row = byPerson.get(`${fact.personId} ${fact.seminarId}`)!;
					return {
						personId: fact.personId,
						displayName: row.displayName,
						schoolCode: row.schoolCode,
						schoolName: row.schoolName,
						ruralSchool: fact.ruralSchool,
						seminarId: fact.seminarId,
						regionCode: fact.regionCode,
						completedOn: fact.completedOn
					};
				});
		}
	};
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
