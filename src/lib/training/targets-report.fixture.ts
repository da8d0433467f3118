/**
 * A realistic programme targets report for unit tests and for developing the targets view without a server: six
 * seminars in four regions from March to June 2026 (one not held yet, one past without recorded attendance), and the
 * people who completed, with the figures computed by the same counting the server uses — so every figure agrees with
 * the rows behind it.
 */
import { cumulativeByMonth, programmeFigures, type CompletionFact } from './programme-figures';
import type { SeminarRow, TargetsReport, TrainedPerson } from './targets-report';

const REGIONS: TargetsReport['regions'] = [
	{ code: 'bishkek', name: { ky: 'Бишкек шаары', ru: 'город Бишкек', en: 'Bishkek city' } },
	{ code: 'osh-city', name: { ky: 'Ош шаары', ru: 'город Ош', en: 'Osh city' } },
	{ code: 'batken', name: { ky: 'Баткен облусу', ru: 'Баткенская область', en: 'Batken region' } },
	{ code: 'chui', name: { ky: 'Чүй облусу', ru: 'Чуйская область', en: 'Chüy region' } },
	{ code: 'jalal-abad', name: { ky: 'Жалал-Абад облусу', ru: 'Джалал-Абадская область', en: 'Jalal-Abad region' } },
	{ code: 'naryn', name: { ky: 'Нарын облусу', ru: 'Нарынская область', en: 'Naryn region' } },
	{ code: 'osh', name: { ky: 'Ош облусу', ru: 'Ошская область', en: 'Osh region' } },
	{ code: 'talas', name: { ky: 'Талас облусу', ru: 'Таласская область', en: 'Talas region' } },
	{ code: 'issyk-kul', name: { ky: 'Ысык-Көл облусу', ru: 'Иссык-Кульская область', en: 'Issyk-Kul region' } }
];

const seminar = (id: string, regionCode: string, centre: string, venue: string, startsOn: string, endsOn: string, heldOn: string | null, counts: [number, number, number]): SeminarRow => ({
	id,
	programmeId: 'teaching-integrity-interactively',
	regionCode,
	centre,
	venue,
	startsOn,
	endsOn,
	capacity: 30,
	heldOn,
	sessions: 6,
	participants: counts[0],
	attended: counts[1],
	completed: counts[2]
});

const SEMINARS: SeminarRow[] = [
	seminar('0195f0a0-0001-7000-8000-000000000001', 'naryn', 'Нарын', 'Областной институт повышения квалификации', '2026-03-16', '2026-03-18', '2026-03-16', [5, 5, 4]),
	seminar('0195f0a0-0002-7000-8000-000000000002', 'osh', 'Кара-Суу', 'Средняя школа им. Токтогула', '2026-04-06', '2026-04-08', '2026-04-06', [4, 4, 3]),
	seminar('0195f0a0-0003-7000-8000-000000000003', 'talas', 'Талас', 'Районный методический центр', '2026-04-20', '2026-04-22', '2026-04-20', [3, 3, 2]),
	seminar('0195f0a0-0004-7000-8000-000000000004', 'naryn', 'Кочкор', 'Дом культуры', '2026-05-11', '2026-05-13', '2026-05-11', [3, 2, 1]),
	seminar('0195f0a0-0005-7000-8000-000000000005', 'batken', 'Баткен', 'Гимназия №1', '2026-05-25', '2026-05-27', null, [6, 0, 0]),
	seminar('0195f0a0-0006-7000-8000-000000000006', 'osh', 'Ноокат', 'Районный отдел образования', '2026-07-06', '2026-07-08', null, [2, 0, 0])
];

const person = (
	personId: string,
	displayName: string,
	school: [string, string, boolean] | null,
	seminarIndex: number,
	completedOn: string
): TrainedPerson => ({
	personId,
	displayName,
	schoolCode: school?.[0] ?? null,
	schoolName: school?.[1] ?? null,
	ruralSchool: school?.[2] ?? null,
	seminarId: SEMINARS[seminarIndex]!.id,
	regionCode: SEMINARS[seminarIndex]!.regionCode,
	completedOn
});

/** The people behind "teachers trained", each at their first completion. */
export const FIXTURE_PEOPLE: TrainedPerson[] = [
	person('p-01', 'Айгүл Осмонова', ['NR-041', 'Ат-Башы орто мектеби', true], 0, '2026-03-27'),
	person('p-02', 'Бакыт Жумабаев', ['NR-017', 'Нарын шаарындагы №2 гимназия', false], 0, '2026-03-30'),
	person('p-03', 'Гүлнара Абдыкадырова', ['NR-052', 'Ак-Талаа орто мектеби', true], 0, '2026-04-02'),
	person('p-04', 'Эрмек Сыдыков', null, 0, '2026-04-03'),
	person('p-05', 'Жылдыз Мамытова', ['OS-112', 'Кара-Суу районундагы Токтогул атындагы мектеп', true], 1, '2026-04-17'),
	person('p-06', 'Нурлан Токтосунов', ['OS-118', 'Сары-Таш орто мектеби', true], 1, '2026-04-21'),
	person('p-07', 'Чолпон Асанова', ['OS-090', 'Ош облусунун №5 мектеп-лицейи', false], 1, '2026-05-04'),
	person('p-08', 'Азамат Бекмуратов', ['TL-023', 'Манас айылындагы орто мектеп', true], 2, '2026-05-06'),
	person('p-09', 'Элнура Кадырова', ['TL-031', 'Кара-Буура орто мектеби', true], 2, '2026-05-12'),
	person('p-10', 'Талант Мураталиев', ['NR-063', 'Кочкор орто мектеби', true], 3, '2026-05-29')
];

const facts: CompletionFact[] = FIXTURE_PEOPLE.map((trained) => ({
	personId: trained.personId,
	seminarId: trained.seminarId,
	regionCode: trained.regionCode,
	completedOn: trained.completedOn,
	ruralSchool: trained.ruralSchool
}));
const figures = programmeFigures(
	facts,
	SEMINARS.map((row) => ({ seminarId: row.id, regionCode: row.regionCode, heldOn: row.heldOn }))
);

export const FIXTURE_REPORT: TargetsReport = {
	generatedAt: '2026-06-15T09:30:00.000Z',
	targets: { teachersTrained: 500, seminarsHeld: 20 },
	figures,
	series: {
		teachersTrained: cumulativeByMonth(figures.teachersTrained.byMonth, '2026-06'),
		seminarsHeld: cumulativeByMonth(figures.seminarsHeld.byMonth, '2026-06')
	},
	regions: REGIONS,
	seminars: SEMINARS
};

/** What `GET /api/programme/targets/people` answers for these filters, from the fixture. */
export function fixturePeople(filter: { region?: string; month?: string; seminar?: string }): TrainedPerson[] {
	return FIXTURE_PEOPLE.filter(
		(trained) =>
			(!filter.region || trained.regionCode === filter.region) &&
			(!filter.month || trained.completedOn.startsWith(filter.month)) &&
			(!filter.seminar || trained.seminarId === filter.seminar)
	);
}
