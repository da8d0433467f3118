import type { CourseEvent } from '$lib/progress/course-events';
import { gameContentId, type GameEvent, type GameEventDraft } from '$lib/progress/game-events';
import { applyToSummary, foldCourseSummaries, mergeCourseSummaries, RULE_VERSION, type CourseSummary } from '$lib/progress/course-summary';
import type { Subject } from '$lib/progress/event';
import type { TrainingEvent, TrainingEventDraft } from '$lib/progress/training-events';
import { outboxRow, type TazaLocalDatabase } from './database';

/** An event as a player asks for it; the repository adds identity, device counter and time. */
export type CourseEventDraft = Pick<CourseEvent, 'type' | 'payload'> & { v?: 1 };

export interface ProgressRepoDependencies {
	deviceId: string;
	newId: () => string;
	now: () => Date;
}

/**
 * One learner's summary of a course across the ids their events were recorded under (a profile's own id, then the
 * guest ids it took over), joined as the first id's. The join ignores order, like every fold.
 */
export async function summaryOf(db: TazaLocalDatabase, subjectIds: readonly string[], courseId: string): Promise<CourseSummary | undefined> {
	const [subjectId] = subjectIds;
	if (subjectId === undefined) return undefined;
	const found = await db.transaction('rw', [db.events, db.summaries], () => Promise.all(subjectIds.map((id) => currentLocalSummary(db, id, courseId))));
	return found
		.filter((summary) => summary !== undefined)
		.map((summary) => ({ ...summary, subjectId }))
		.reduce<CourseSummary | undefined>((joined, summary) => (joined ? mergeCourseSummaries(joined, summary) : summary), undefined);
}

/**
 * The stored summary of a subject's course, made by the current rule: one an older version of the app left behind is
 * folded again from this device's events (the server's rebuild reaches the pull after a rule change, so what came from
 * other devices returns too). Call inside a transaction over `events` and `summaries`.
 */
export async function currentLocalSummary(db: TazaLocalDatabase, subjectId: string, courseId: string): Promise<CourseSummary | undefined> {
	const stored = await db.summaries.get([subjectId, courseId]);
	if (stored === undefined || stored.ruleVersion === RULE_VERSION) return stored;
	const events = (await db.events.where('[subject.id+payload.courseId]').equals([subjectId, courseId]).toArray()) as CourseEvent[];
	const [rebuilt] = foldCourseSummaries(events);
	if (rebuilt) await db.summaries.put(rebuilt);
	else await db.summaries.delete([subjectId, courseId]);
	return rebuilt;
}

/**
 * Records course events. The event and the summary it changes are written in one transaction, so what the learner
 * sees as done is exactly what is stored and will be sent (DESIGN §4, G1).
 */
export function createProgressRepo(db: TazaLocalDatabase, deps: ProgressRepoDependencies) {
	/** Adds identity, the device's counter for the subject and time; call inside a transaction over events and settings. */
	async function envelope(subject: Subject, draft: { type: string; payload: unknown }, recordedBy?: string) {
		const counterKey = `deviceSeq:${deps.deviceId}:${subject.id}`;
		const deviceSeq = (((await db.settings.get(counterKey))?.value as number | undefined) ?? 0) + 1;
		await db.settings.put({ key: counterKey, value: deviceSeq, updatedAt: deps.now().toISOString() });
		return {
			id: deps.newId(),
			subject,
			...(recordedBy === undefined ? {} : { recordedBy }),
			deviceId: deps.deviceId,
			deviceSeq,
			type: draft.type,
			v: 1,
			at: deps.now().toISOString(),
			// A plain JSON copy: UI state may hand over reactive proxies, which IndexedDB cannot store.
			payload: JSON.parse(JSON.stringify(draft.payload))
		};
	}

	return {
		async record(subject: Subject, draft: CourseEventDraft): Promise<CourseEvent> {
			return db.transaction('rw', [db.events, db.summaries, db.settings, db.outbox], async () => {
				const event = (await envelope(subject, draft)) as CourseEvent;
				await db.events.add(event);
				// Queued in the same transaction: what the learner sees as done is also what will be sent (G1, G2).
				await db.outbox.add(outboxRow(event, event.at));
				const courseId = event.payload.courseId;
				const summary = applyToSummary(await currentLocalSummary(db, subject.id, courseId), event);
				await db.summaries.put(summary);
				return event;
			});
		},
		/** A quest or mini-game event: stored and queued in one transaction, like a course event (G1). */
		async recordGameEvent(subject: Subject, draft: GameEventDraft, recordedBy?: string): Promise<GameEvent> {
			return db.transaction('rw', [db.events, db.settings, db.outbox], async () => {
				const event = (await envelope(subject, draft, recordedBy)) as GameEvent;
				await db.events.add(event);
				await db.outbox.add(outboxRow(event, event.at));
				return event;
			});
		},
		/**
		 * A teacher-training event (attendance, an assignment or its review), stored and queued in one transaction (G1).
		 * `recordedBy` is the trainer's person id when they record it for a participant; `proof` the signed session
		 * token of a self check-in.
		 */
		async recordTrainingEvent(subject: Subject, draft: TrainingEventDraft, options: { recordedBy?: string; proof?: string } = {}): Promise<TrainingEvent> {
			return db.transaction('rw', [db.events, db.settings, db.outbox], async () => {
				const base = await envelope(subject, draft, options.recordedBy);
				const event = (options.proof === undefined ? base : { ...base, proof: options.proof }) as TrainingEvent;
				await db.events.add(event);
				await db.outbox.add(outboxRow(event, event.at));
				return event;
			});
		},
		...createProgressReader(db)
	};
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>;

/** Reading progress needs no device identity: pages that only show progress use this. */
export function createProgressReader(db: TazaLocalDatabase) {
	return {
		summary(subjectId: string, courseId: string): Promise<CourseSummary | undefined> {
			return db.summaries.get([subjectId, courseId]);
		},
		summaryOf(subjectIds: readonly string[], courseId: string): Promise<CourseSummary | undefined> {
			return summaryOf(db, subjectIds, courseId);
		},
		summaries(subjectId: string): Promise<CourseSummary[]> {
			return db.summaries.where('subjectId').equals(subjectId).toArray();
		},
		/** A subject's quest and mini-game events about one quest or game, oldest first (local best scores, resume). */
		async gameEvents(subjectId: string, contentId: string): Promise<GameEvent[]> {
			const found = (await db.events
				.where('type')
				.anyOf(['quest.started', 'quest.choice', 'quest.ended', 'minigame.round'])
				.filter((event) => event.subject.id === subjectId && gameContentId(event as GameEvent) === contentId)
				.toArray()) as GameEvent[];
			return found.sort((a, b) => a.at.localeCompare(b.at) || a.deviceSeq - b.deviceSeq);
		},
		events(subjectId: string, courseId: string): Promise<CourseEvent[]> {
			// The index holds course events only: game payloads have no courseId.
			return db.events.where('[subject.id+payload.courseId]').equals([subjectId, courseId]).toArray() as Promise<CourseEvent[]>;
		}
	};
}
