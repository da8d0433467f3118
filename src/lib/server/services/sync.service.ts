import type { AnswerKeys, Catalogue } from '$lib/content/pack.types';
import { activeMemberships, type Membership } from '$lib/identity/memberships';
import type { CourseEvent } from '$lib/progress/course-events';
import type { GameEvent } from '$lib/progress/game-events';
import { isCourseEvent, isTrainingEvent, progressEventSchemaFor, type ProgressEvent } from '$lib/progress/progress-event';
import { RULE_VERSION, type CourseSummary } from '$lib/progress/course-summary';
import {
	MAX_PULL_ENTRIES,
	MAX_PUSH_EVENTS,
	OLDEST_SUPPORTED_PROTOCOL,
	partitionName,
	SYNC_PROTOCOL,
	type PullRequest,
	type PullResponse,
	type PushException,
	type PushRequest,
	type PushResponse
} from '$lib/progress/sync-protocol';
import type { TrainingEvent } from '$lib/progress/training-events';
import { verifySessionToken, webCryptoMac } from '$lib/training/session-token';
import { UUID_V7_PATTERN } from '$lib/utils/ids';
import type { EventToHold, EventToStore, SummaryFold, SyncRepo } from '../repos/sync.repo';
import type { TrainingLookups } from '../repos/training-records.repo';
import type { CurrentSession } from './auth.service';
import { createCourseFold } from './course-fold';

export interface SyncDependencies {
	sync: SyncRepo;
	memberships: { forPerson(personId: string): Promise<Membership[]> };
	training: TrainingLookups;
	catalogue: Catalogue;
	answerKeys: AnswerKeys;
	/** A stable name for an event whose own id is unusable, so that resending it is still recognised. */
	fingerprint: (body: string) => string;
	now: () => Date;
}

export type SyncFailure = { code: 'client-outdated'; oldestSupported: number };

type Result<T> = { ok: true; value: T } | { ok: false; failure: SyncFailure };

/** Push and pull (DESIGN §4, docs/sync.md). The access policy has already checked that the caller is signed in. */
export function createSyncService(deps: SyncDependencies) {
	const courseFold = createCourseFold(deps);
	// Training programmes are the courses with facilitator guides: their final test counts towards completion.
	const programmes = new Set(deps.catalogue.courses.filter((course) => course.facilitator).map((course) => course.id));
	const fold: SummaryFold = ({ stored, fresh, personId, courseId, allBodies }) => {
		const current = stored as CourseSummary | undefined;
		let summary: CourseSummary | undefined;
		if (current && current.ruleVersion === RULE_VERSION) {
			// The events as validated in classify: parsing their bodies again would double the JSON work of a batch.
			summary = courseFold.applyAll(current, fresh.map((event) => (event.parsed ?? JSON.parse(event.body)) as CourseEvent), personId);
		} else {
			// No summary yet, or one made by an older rule: rebuild from every stored event (the new ones included).
			summary = courseFold.applyAll(undefined, allBodies().map((body) => JSON.parse(body) as CourseEvent), personId);
		}
		return { summary, ruleVersion: RULE_VERSION, mastered: courseFold.mastered(courseId, summary) };
	};

	/** What the classification of one push needs to know about its sender, looked up once per batch. */
	interface Sender {
		session: CurrentSession;
		personOf: (learnerId: string) => Promise<string | undefined>;
		teaches: (classId: string) => Promise<boolean>;
		trains: (seminarId: string) => Promise<boolean>;
		trainsProgramme: (programmeId: string) => Promise<boolean>;
	}

	type Sorted = { store: EventToStore } | { hold: EventToHold };

	/**
	 * Attendance, assignments and reviews (issue #7). A self check-in needs the session token signed with the
	 * seminar's key as its proof; a check-in by QR or roster and a review need the sender to train that seminar (or a
	 * seminar of the programme the participant is in). A person the server does not know yet — someone a trainer
	 * created offline whose registration has not arrived — is deferred, and settled when it does.
	 */
	async function classifyTraining(sender: Sender, event: TrainingEvent, stored: Omit<EventToStore, 'personId' | 'courseId'>): Promise<Sorted> {
		const hold = (status: EventToHold['status'], reason: string): Sorted => ({ hold: { id: stored.id, status, reason, body: stored.body } });
		const store = (personId: string, registerIn?: string): Sorted => ({ store: { ...stored, personId, courseId: null, training: registerIn ? { registerIn } : {} } });
		if (event.subject.kind !== 'learner') return hold('rejected', 'a training record belongs to a learner');
		const personId = await sender.personOf(event.subject.id);
		const own = personId !== undefined && personId === sender.session.personId;
		if (event.type === 'seminar.attended') {
			const { seminarId, sessionId, method } = event.payload;
			const seminar = await deps.training.seminar(seminarId);
			if (!seminar) return hold('rejected', 'unknown seminar');
			if (!seminar.sessionIds.includes(sessionId)) return hold('rejected', 'not a session of this seminar');
			if (method === 'session-qr') {
				if (event.recordedBy !== undefined) return hold('rejected', 'a self check-in is recorded by the participant, not in recordedBy');
				if (event.proof === undefined) return hold('rejected', 'a self check-in needs the session token as proof');
				const verdict = await verifySessionToken(event.proof, new Uint8Array(Buffer.from(seminar.checkInKey, 'base64url')), webCryptoMac, { seminarId, sessionId, at: new Date(event.at) });
				if (!verdict.ok) return hold('rejected', `proof: ${verdict.problem}`);
				if (personId === undefined) return hold('deferred', 'unknown learner id: waiting for its registration');
				if (!own) return hold('rejected', "not the sender's own record");
				return store(personId, seminarId);
			}
			if (event.recordedBy === undefined) return hold('rejected', 'a check-in by QR code or roster names the trainer in recordedBy');
			if (!(await sender.trains(seminarId))) return hold('rejected', 'not a trainer of this seminar');
			if (personId === undefined) return hold('deferred', 'unknown person: waiting for their registration');
			return store(personId, seminarId);
		}
		if (event.type === 'assignment.submitted') {
			if (event.recordedBy !== undefined) return hold('rejected', 'a participant submits their own assignment');
			if (personId === undefined) return hold('deferred', 'unknown learner id: waiting for its registration');
			if (!own) return hold('rejected', "not the sender's own record and no proof");
			return store(personId);
		}
		if (event.recordedBy === undefined) return hold('rejected', 'a review names the trainer in recordedBy');
		if (personId === undefined) return hold('deferred', 'unknown person: waiting for their registration');
		const seminarIds = new Set([...(await deps.training.registeredIn(personId)), ...(await deps.training.registeredIn(event.subject.id))]);
		for (const seminarId of seminarIds) {
			if ((await sender.trains(seminarId)) && (await deps.training.seminar(seminarId))?.programmeId === event.payload.programmeId) return store(personId);
		}
		// A trainer of the programme whose participant is not (yet) in their seminar: a registration or a merge may
		// still make them one, so the review waits instead of being lost.
		if (await sender.trainsProgramme(event.payload.programmeId)) return hold('deferred', 'the participant is not in a seminar of yours yet');
		return hold('rejected', 'not a trainer of a seminar of this programme');
	}

	/** Sorts each pushed event: stored (with whose record it is), held as deferred or rejected with a reason. */
	async function classify(sender: Sender, raw: unknown): Promise<Sorted> {
		const { session } = sender;
		const body = JSON.stringify(raw);
		const claimedId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '';
		const id = UUID_V7_PATTERN.test(claimedId) ? claimedId : `invalid-${deps.fingerprint(body)}`;
		const schema = progressEventSchemaFor(raw);
		if (!schema) return { hold: { id, status: 'rejected', reason: 'invalid: type: not an event type this server knows', body } };
		const parsed = schema.safeParse(raw);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return { hold: { id, status: 'rejected', reason: `invalid: ${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'not a valid event'}`, body } };
		}
		const event = parsed.data as ProgressEvent;
		// recordedBy is the recorder's person id: the identity a device knows (accounts are that person's credentials).
		if (event.recordedBy !== undefined && event.recordedBy !== session.personId) {
			return { hold: { id, status: 'rejected', reason: 'recordedBy names someone other than the sender', body } };
		}
		const stored = { id, subjectKind: event.subject.kind, subjectId: event.subject.id, type: event.type, v: event.v, deviceId: event.deviceId, deviceSeq: event.deviceSeq, at: event.at, body, parsed: event };
		if (isTrainingEvent(event)) return classifyTraining(sender, event, stored);
		if (event.subject.kind === 'class' && !isCourseEvent(event)) {
			// A quest played by a class on one screen: the teacher who ran it records it for the class (DESIGN §3).
			if (event.recordedBy === undefined) return { hold: { id, status: 'rejected', reason: 'a class record must name the teacher in recordedBy', body } };
			if (!(await sender.teaches(event.subject.id))) return { hold: { id, status: 'rejected', reason: 'not a teacher of this class', body } };
			return { store: { ...stored, personId: null, courseId: null, questTally: questTally(event) } };
		}
		if (event.subject.kind !== 'learner') {
			return { hold: { id, status: 'deferred', reason: `${event.subject.kind} records of ${event.type} are not accepted by this server version yet`, body } };
		}
		const personId = await sender.personOf(event.subject.id);
		if (personId === undefined) return { hold: { id, status: 'deferred', reason: 'unknown learner id: waiting for its registration', body } };
		if (personId !== session.personId) return { hold: { id, status: 'rejected', reason: "not the sender's own record and no proof", body } };
		if (isCourseEvent(event)) {
			const countsForTraining = event.type === 'test.submitted' && programmes.has(event.payload.courseId);
			return { store: { ...stored, personId, courseId: event.payload.courseId, ...(countsForTraining ? { training: {} } : {}) } };
		}
		return { store: { ...stored, personId, courseId: null, questTally: questTally(event) } };
	}

		/** The partitions a person may read now: their own, the classes they teach, the organisations they run. */
	async function readablePartitions(session: CurrentSession): Promise<string[]> {
		const memberships = activeMemberships(await deps.memberships.forPerson(session.personId), deps.now());
		const partitions = [partitionName('learner', session.personId)];
		for (const membership of memberships) {
			if (membership.role === 'teacher' && membership.scopeKind === 'class') partitions.push(partitionName('class', membership.scopeId));
			if (membership.role === 'org-admin' && membership.scopeKind === 'organisation') partitions.push(partitionName('organisation', membership.scopeId));
		}
		return [...new Set(partitions)];
	}

	/**
	 * Settles the events this sender pushed that were deferred (DESIGN §4): a learner id that has since registered or
	 * become an alias now counts, in its own ingest transaction; one that still waits stays held. Runs on every push
	 * and pull, so a device that has nothing left to send still sees them resolved at its next sync.
	 */
	async function settleDeferred(sender: Sender): Promise<void> {
		const waiting = await deps.sync.deferredPushedBy(sender.session.accountId, MAX_PUSH_EVENTS);
		if (waiting.length === 0) return;
		const stored: EventToStore[] = [];
		const rejected: { id: string; reason: string }[] = [];
		for (const held of waiting) {
			const sorted = await classify(sender, JSON.parse(held.body));
			if ('store' in sorted) stored.push({ ...sorted.store, id: held.id });
			else if (sorted.hold.status === 'rejected') rejected.push({ id: held.id, reason: sorted.hold.reason });
		}
		if (stored.length === 0 && rejected.length === 0) return;
		const now = deps.now().toISOString();
		await deps.sync.ingest({
			stored,
			held: [],
			pushedBy: sender.session.accountId,
			receivedAt: now,
			clockOffsetMs: null,
			fold,
			settled: { resolved: stored.map((event) => event.id), rejected }
		});
	}

	/** A batch names the same learner ids over and over, and one push asks about the sender's classes once. */
	function senderOf(session: CurrentSession, at: Date): Sender {
		const persons = new Map<string, Promise<string | undefined>>();
		let taught: Promise<Set<string>> | undefined;
		let trained: Promise<Set<string>> | undefined;
		const trainedSeminars = () =>
			(trained ??= deps.memberships
				.forPerson(session.personId)
				.then((memberships) => new Set(activeMemberships(memberships, at).filter((membership) => membership.role === 'trainer' && membership.scopeKind === 'seminar').map((membership) => membership.scopeId))));
		return {
			session,
			personOf(learnerId) {
				let person = persons.get(learnerId);
				if (!person) persons.set(learnerId, (person = deps.sync.personOf(learnerId)));
				return person;
			},
			async teaches(classId) {
				taught ??= deps.memberships
					.forPerson(session.personId)
					.then((memberships) => new Set(activeMemberships(memberships, at).filter((membership) => membership.role === 'teacher' && membership.scopeKind === 'class').map((membership) => membership.scopeId)));
				return (await taught).has(classId);
			},
			async trains(seminarId) {
				return (await trainedSeminars()).has(seminarId);
			},
			async trainsProgramme(programmeId) {
				for (const seminarId of await trainedSeminars()) {
					if ((await deps.training.seminar(seminarId))?.programmeId === programmeId) return true;
				}
				return false;
			}
		};
	}

	return {
		async push(session: CurrentSession, request: PushRequest): Promise<Result<PushResponse>> {
			if (request.protocol < OLDEST_SUPPORTED_PROTOCOL) return { ok: false, failure: { code: 'client-outdated', oldestSupported: OLDEST_SUPPORTED_PROTOCOL } };
			const received = deps.now();
			const stored: EventToStore[] = [];
			const held: EventToHold[] = [];
			const sender = senderOf(session, received);
			for (const raw of request.events) {
				const sorted = await classify(sender, raw);
				if ('store' in sorted) stored.push(sorted.store);
				else held.push(sorted.hold);
			}
			const { duplicates } = await deps.sync.ingest({
				stored,
				held,
				pushedBy: session.accountId,
				receivedAt: received.toISOString(),
				clockOffsetMs: received.getTime() - Date.parse(request.sentAt),
				fold
			});
			await settleDeferred(sender);
			const duplicateIds = new Set(duplicates);
			const exceptions: PushException[] = [
				...duplicates.map((id): PushException => ({ id, status: 'duplicate' })),
				...held.filter((event) => !duplicateIds.has(event.id)).map((event): PushException => ({ id: event.id, status: event.status, reason: event.reason }))
			];
			return { ok: true, value: { protocol: SYNC_PROTOCOL, acknowledged: request.events.length, exceptions, serverTime: received.toISOString() } };
		},

		async pull(session: CurrentSession, request: PullRequest): Promise<Result<PullResponse>> {
			if (request.protocol < OLDEST_SUPPORTED_PROTOCOL) return { ok: false, failure: { code: 'client-outdated', oldestSupported: OLDEST_SUPPORTED_PROTOCOL } };
			// Settled first, so what became countable since the last sync is already in the summaries pulled now.
			await settleDeferred(senderOf(session, deps.now()));
			const readable = await readablePartitions(session);
			const limit = request.limit ?? MAX_PULL_ENTRIES;
			const partitions = [];
			for (const partition of readable) {
				const after = Object.hasOwn(request.cursors, partition) ? request.cursors[partition]! : 0;
				const page = await deps.sync.pull(partition, after, limit);
				if (page.cursor === after && page.summaries.length === 0) continue;
				partitions.push({ partition, cursor: page.cursor, more: page.more, summaries: page.summaries.map((row) => row.summary as CourseSummary) });
			}
			return { ok: true, value: { protocol: SYNC_PROTOCOL, partitions, readable, serverTime: deps.now().toISOString() } };
		}
	};
}

export type SyncService = ReturnType<typeof createSyncService>;

/** A quest event's part in "what others chose"; other game events count in nothing shared. */
function questTally(event: GameEvent): EventToStore['questTally'] {
	if (event.type === 'quest.started') return { questId: event.payload.questId, started: true };
	if (event.type === 'quest.choice') return { questId: event.payload.questId, nodeId: event.payload.nodeId, choiceId: event.payload.choiceId };
	return undefined;
}
