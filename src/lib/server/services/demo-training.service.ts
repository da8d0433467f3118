import type { AnswerKeys } from '$lib/content/pack.types';
import { rightAnswer } from '$lib/courses/answers';
import { drawQuiz } from '$lib/courses/quiz';
import type { CourseEvent } from '$lib/progress/course-events';
import type { TrainingEvent } from '$lib/progress/training-events';
import { SYNC_PROTOCOL } from '$lib/progress/sync-protocol';
import type { CompletionRule } from '$lib/training/completion';
import type { AppMetaRepo } from '../repos/app-meta.repo';
import type { SchoolRecord } from '../repos/schools.repo';
import type { SeminarParticipantsRepo } from '../repos/seminar-participants.repo';
import type { SeminarsRepo } from '../repos/seminars.repo';
import type { AuditEntry } from '../repos/accounts.repo';
import type { CurrentSession } from './auth.service';
import type { SyncService } from './sync.service';

/**
 * Teacher-training demo data (issue #7), so a newcomer's targets view has real numbers: schools in four regions,
 * three seminars held (Naryn, Osh, Batken) and one scheduled (Talas), with participants whose attendance, final
 * tests, assignments and reviews go through the real sync service — the figures are folded exactly as live ones.
 * Participants are people a trainer registered on the spot: names and schools are invented for the demo, and no
 * phone numbers are made up.
 */
export const DEMO_TRAINING_PROGRAMME = 'teaching-integrity-interactively';

export const DEMO_SCHOOLS: SchoolRecord[] = [
	{ code: 'DEMO-NR-01', name: 'Ат-Башы орто мектеби (демо)', regionCode: 'naryn', district: 'Ат-Башы', rural: true },
	{ code: 'DEMO-NR-02', name: 'Кочкор гимназиясы (демо)', regionCode: 'naryn', district: 'Кочкор', rural: true },
	{ code: 'DEMO-NR-03', name: 'Нарын шаардык № 2 мектеп (демо)', regionCode: 'naryn', district: 'Нарын шаары', rural: false },
	{ code: 'DEMO-OS-01', name: 'Кара-Суу орто мектеби (демо)', regionCode: 'osh', district: 'Кара-Суу', rural: true },
	{ code: 'DEMO-OS-02', name: 'Өзгөн № 5 мектеп (демо)', regionCode: 'osh', district: 'Өзгөн', rural: false },
	{ code: 'DEMO-OS-03', name: 'Ноокат айылдык мектеби (демо)', regionCode: 'osh', district: 'Ноокат', rural: true },
	{ code: 'DEMO-BT-01', name: 'Кадамжай орто мектеби (демо)', regionCode: 'batken', district: 'Кадамжай', rural: true },
	{ code: 'DEMO-BT-02', name: 'Лейлек орто мектеби (демо)', regionCode: 'batken', district: 'Лейлек', rural: true },
	{ code: 'DEMO-TL-01', name: 'Бакай-Ата орто мектеби (демо)', regionCode: 'talas', district: 'Бакай-Ата', rural: true }
];

const FIRST_NAMES = ['Айгүл', 'Бакыт', 'Гүлнара', 'Жылдыз', 'Нурлан', 'Чынара', 'Эрмек', 'Асель', 'Темир', 'Мээрим', 'Санжар', 'Динара', 'Азамат', 'Бурул'];
const LAST_NAMES = ['Асанова', 'Токтогулов', 'Жумабаева', 'Осмонова', 'Абдыкадыров', 'Сыдыкова', 'Мамытов', 'Кадырова', 'Эсенов', 'Турдубаева', 'Исаков', 'Бекова', 'Орозов', 'Алиева'];

interface DemoSeminar {
	id: string;
	regionCode: string;
	centre: string;
	venue: string;
	/** The three days, the sessions two a day. */
	days: [string, string, string];
	capacity: number;
	participants: number;
	/** How many meet the whole rule; the rest miss one part each, in turn. */
	completing: number;
	held: boolean;
}

export const DEMO_SEMINARS: DemoSeminar[] = [
	{ id: 'demo-seminar-naryn', regionCode: 'naryn', centre: 'Нарын', venue: 'Нарын облустук билим берүү институту (демо)', days: ['2026-09-15', '2026-09-16', '2026-09-17'], capacity: 20, participants: 12, completing: 9, held: true },
	{ id: 'demo-seminar-osh', regionCode: 'osh', centre: 'Ош', venue: 'Ош мамлекеттик университетинин окуу борбору (демо)', days: ['2026-10-20', '2026-10-21', '2026-10-22'], capacity: 25, participants: 14, completing: 11, held: true },
	{ id: 'demo-seminar-batken', regionCode: 'batken', centre: 'Баткен', venue: 'Баткен облустук китепканасы (демо)', days: ['2026-11-10', '2026-11-11', '2026-11-12'], capacity: 20, participants: 10, completing: 5, held: true },
	{ id: 'demo-seminar-talas', regionCode: 'talas', centre: 'Талас', venue: 'Талас облустук мугалимдер үйү (демо)', days: ['2026-12-15', '2026-12-16', '2026-12-17'], capacity: 20, participants: 0, completing: 0, held: false }
];

/** The seminar the demo teacher took part in. */
export const DEMO_TEACHER_SEMINAR = 'demo-seminar-osh';

export interface DemoTrainingDependencies {
	meta: AppMetaRepo;
	schools: { upsertAll(rows: readonly SchoolRecord[], at: string, audit: AuditEntry): Promise<void> };
	seminars: Pick<SeminarsRepo, 'schedule'>;
	participants: Pick<SeminarParticipantsRepo, 'register'>;
	/** A sync service whose clock is `clock`, so each seminar's records are received on its own days. */
	sync: Pick<SyncService, 'push'>;
	clock: { now: Date };
	trainer: { accountId: string; personId: string };
	/** The demo teacher, who took part in the Osh seminar and completed it, so their own pages show it. */
	teacher?: { accountId: string; personId: string; displayName: string };
	answerKeys: AnswerKeys;
	/** The programme's sessions: its course's lesson ids. */
	sessionIds: readonly string[];
	completionRule: CompletionRule;
	newId: () => string;
	/** UUIDv7 ids on the demo clock, as devices make them. */
	newEventId: () => string;
	randomBytes: (length: number) => Uint8Array;
}

const SEED_MARKER = 'demo_training_seeded_at';

export async function seedDemoTrainingOnce(deps: DemoTrainingDependencies): Promise<{ created: boolean }> {
	if (await deps.meta.get(SEED_MARKER)) return { created: false };
	const key = deps.answerKeys[DEMO_TRAINING_PROGRAMME];
	if (!key?.quiz || deps.sessionIds.length === 0) return { created: false };
	const quiz = key.quiz;
	const startedAt = deps.clock.now;
	const at = startedAt.toISOString();
	await deps.schools.upsertAll(DEMO_SCHOOLS, at, { id: deps.newId(), at, actorAccountId: null, action: 'schools.imported', subjectPersonId: null, details: { demo: true, count: DEMO_SCHOOLS.length } });
	const trainerSession: CurrentSession = { sessionId: 'demo-data', accountId: deps.trainer.accountId, personId: deps.trainer.personId, kind: 'profile' };
	let serial = 0;
	let personIndex = 0;

	for (const seminar of DEMO_SEMINARS) {
		const days = seminar.days;
		deps.clock.now = new Date(`${days[0]}T02:00:00Z`);
		const scheduledAt = new Date(Date.parse(`${days[0]}T00:00:00Z`) - 30 * 86_400_000).toISOString();
		await deps.seminars.schedule({
			seminar: {
				id: seminar.id,
				programmeId: DEMO_TRAINING_PROGRAMME,
				regionCode: seminar.regionCode,
				centre: seminar.centre,
				venue: seminar.venue,
				startsOn: days[0],
				endsOn: days[2],
				capacity: seminar.capacity,
				completionRule: deps.completionRule,
				checkInKey: Buffer.from(deps.randomBytes(32)).toString('base64url'),
				createdBy: deps.trainer.accountId,
				createdAt: scheduledAt,
				cancelledAt: null
			},
			sessions: deps.sessionIds.map((sessionId, ordinal) => ({ sessionId, heldOn: days[Math.min(2, Math.floor(ordinal / 2))]!, ordinal })),
			trainers: [{ membershipId: deps.newId(), personId: deps.trainer.personId }],
			audit: { id: deps.newId(), at: scheduledAt, actorAccountId: deps.trainer.accountId, action: 'seminar.scheduled', subjectPersonId: null, scopeKind: 'seminar', scopeId: seminar.id, details: { demo: true } }
		});
		if (!seminar.held) continue;
		const schools = DEMO_SCHOOLS.filter((school) => school.regionCode === seminar.regionCode);
		const withDemoTeacher = seminar.id === DEMO_TEACHER_SEMINAR && deps.teacher !== undefined;
		const people = Array.from({ length: seminar.participants }, (_, index) => {
			const n = personIndex++;
			const demoTeacher = withDemoTeacher && index === 0 ? deps.teacher : undefined;
			return {
				personId: demoTeacher?.personId ?? deps.newEventId(),
				accountId: demoTeacher?.accountId ?? 'demo-data',
				existing: demoTeacher !== undefined,
				displayName: demoTeacher?.displayName ?? `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[(n * 5) % LAST_NAMES.length]}`,
				schoolCode: schools[index % schools.length]!.code,
				// Who misses what: the first `completing` meet the rule; then no test, a returned assignment, two sessions missed.
				misses: index < seminar.completing ? null : (['test', 'assignment', 'attendance'] as const)[(index - seminar.completing) % 3]!
			};
		});
		await deps.participants.register({
			seminarId: seminar.id,
			registrations: people.map((person) =>
				person.existing ? { personId: person.personId } : { personId: person.personId, provisional: { displayName: person.displayName, phone: null, schoolCode: person.schoolCode } }
			),
			byAccount: deps.trainer.accountId,
			at: deps.clock.now.toISOString()
		});
		const envelope = (subjectId: string, at: Date) => ({ id: deps.newEventId(), subject: { kind: 'learner' as const, id: subjectId }, deviceId: 'demo-device', deviceSeq: ++serial, v: 1 as const, at: at.toISOString() });
		const push = async (session: CurrentSession, events: unknown[]) => {
			const result = await deps.sync.push(session, { protocol: SYNC_PROTOCOL, deviceId: 'demo-device', sentAt: deps.clock.now.toISOString(), events });
			const refused = result.ok ? result.value.exceptions.filter((exception) => exception.status !== 'duplicate') : [{ status: 'outdated' }];
			if (refused.length > 0) throw new Error(`demo training data refused: ${JSON.stringify(refused[0])}`);
		};
		// The roster, session by session, pushed at the end of each day as a trainer's phone would when it finds signal.
		for (const [dayIndex, day] of days.entries()) {
			deps.clock.now = new Date(`${day}T12:00:00Z`);
			const sessions = deps.sessionIds.filter((_, ordinal) => Math.min(2, Math.floor(ordinal / 2)) === dayIndex);
			const ticks: TrainingEvent[] = [];
			for (const [index, person] of people.entries()) {
				for (const sessionId of sessions) {
					// Missing attendance: absent on the last day.
					if (person.misses === 'attendance' && dayIndex === 2) continue;
					ticks.push({ ...envelope(person.personId, new Date(`${day}T0${4 + (index % 5)}:00:00Z`)), recordedBy: deps.trainer.personId, type: 'seminar.attended', payload: { seminarId: seminar.id, sessionId, method: 'roster' } });
				}
			}
			await push(trainerSession, ticks);
		}
		// The final test and the assignment over the following week, each from the participant's own session.
		for (const [index, person] of people.entries()) {
			deps.clock.now = new Date(Date.parse(`${days[2]}T10:00:00Z`) + (1 + (index % 6)) * 86_400_000);
			const own: CurrentSession = { sessionId: 'demo-data', accountId: person.accountId, personId: person.personId, kind: 'profile' };
			const seed = (index * 2654435761) >>> 0;
			const questionIds = drawQuiz(key.bank, quiz, seed);
			const passes = person.misses !== 'test';
			const answers = Object.fromEntries(
				questionIds.map((id, position) => {
					const question = key.bank.find((candidate) => candidate.id === id)!;
					// A failed attempt gets half its answers wrong (an empty choice is never right).
					return [id, passes || position % 2 === 0 ? rightAnswer(question) : { kind: 'choice' as const, selected: [] }];
				})
			);
			const test: CourseEvent = {
				...envelope(person.personId, deps.clock.now),
				type: 'test.submitted',
				payload: { courseId: DEMO_TRAINING_PROGRAMME, courseVersion: key.version, attemptId: deps.newEventId(), seed, questionIds, answers, scorePercent: passes ? 100 : 50, passed: passes }
			};
			const submissionId = deps.newEventId();
			const submitted: TrainingEvent = {
				...envelope(person.personId, deps.clock.now),
				type: 'assignment.submitted',
				payload: {
					programmeId: DEMO_TRAINING_PROGRAMME,
					submissionId,
					lessonPlan: 'Демо: 7-класс, «Белек же пара?» — кейс-метод, 45 мүнөт. / Демо: 7 класс, «Подарок или взятка?» — кейс-метод, 45 минут.',
					reflection: 'Демо: окуучулар талкууга активдүү катышты. / Демо: ученики активно участвовали в обсуждении.',
					attachments: []
				}
			};
			await push(own, [test, submitted]);
			deps.clock.now = new Date(deps.clock.now.getTime() + 2 * 86_400_000);
			const verdict = person.misses === 'assignment' ? 'returned' : 'accepted';
			const comment = verdict === 'returned' ? 'Демо: рефлексияга сабактан кийинки суроолорду кошуңуз. / Демо: добавьте в рефлексию вопросы после урока.' : '';
			await push(trainerSession, [{ ...envelope(person.personId, deps.clock.now), recordedBy: deps.trainer.personId, type: 'assignment.reviewed', payload: { programmeId: DEMO_TRAINING_PROGRAMME, submissionId, verdict, comment } } satisfies TrainingEvent]);
		}
	}
	deps.clock.now = startedAt;
	await deps.meta.set(SEED_MARKER, at);
	return { created: true };
}
