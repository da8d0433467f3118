// The database bench/sync.ts measures ingest into: learners (about half of them in classes) with their events,
// course summaries folded from those events, change logs and partition counters — written with bulk SQL, not through
// the API, as if the server had ingested them over the past months.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CourseEvent } from '../src/lib/progress/course-events';
import type { CourseSummary } from '../src/lib/progress/course-summary';
import { RULE_VERSION } from '../src/lib/progress/course-summary';
import type { CourseFold } from '../src/lib/server/services/course-fold';
import { learnerEvents, pooledRandomBytes, type BenchContent } from './sync-events';

export interface FixtureLearner {
	personId: string;
	deviceId: string;
	/** Makes this learner's next events, continuing where the fixture stopped. */
	stream: ReturnType<typeof learnerEvents>;
}

const DAY = 86_400_000;

/**
 * `events` events spread evenly over `learners` learners, each starting on some day of the last half year.
 * The database is written with journal_mode=MEMORY and synchronous=OFF, then put back to WAL and synchronous=FULL
 * (as openDatabase sets them) before anything is measured.
 */
export function buildFixture(sqlite: Database.Database, options: { content: BenchContent; fold: CourseFold; learners: number; events: number; now: number }) {
	const randomBytes = pooledRandomBytes();
	const classes = Array.from({ length: Math.max(1, Math.round(options.learners / 25)) }, () => randomUUID());
	const insert = {
		person: sqlite.prepare('insert into people (id, created_at) values (?, ?)'),
		membership: sqlite.prepare("insert into memberships (id, person_id, role, scope_kind, scope_id, valid_from, created_at) values (?, ?, 'learner', 'class', ?, ?, ?)"),
		event: sqlite.prepare(
			`insert into events (id, subject_kind, subject_id, person_id, course_id, type, v, device_id, device_seq, at, received_at, clock_offset_ms, pushed_by, body)
			 values (?, 'learner', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		summary: sqlite.prepare('insert into course_summaries (person_id, course_id, rule_version, summary, completed_at, updated_at) values (?, ?, ?, ?, ?, ?)'),
		change: sqlite.prepare("insert into change_log (partition, seq, entry_kind, entry_key, at) values (?, ?, 'course-summary', ?, ?)"),
		counter: sqlite.prepare('insert into partition_counters (partition, last_seq) values (?, ?) on conflict (partition) do update set last_seq = excluded.last_seq')
	};
	const counters = new Map<string, number>();
	const log = (partition: string, key: string, at: string) => {
		const seq = (counters.get(partition) ?? 0) + 1;
		counters.set(partition, seq);
		insert.change.run(partition, seq, key, at);
	};

	sqlite.pragma('journal_mode = MEMORY');
	sqlite.pragma('synchronous = OFF');
	const learners: FixtureLearner[] = [];
	let written = 0;
	const writeLearner = (index: number) => {
		const personId = randomUUID();
		const deviceId = randomUUID();
		const startMs = options.now - 180 * DAY + Math.floor(Math.random() * 170 * DAY);
		const createdAt = new Date(startMs).toISOString();
		insert.person.run(personId, createdAt);
		const classId = index % 2 === 0 ? classes[index % classes.length] : undefined;
		if (classId) insert.membership.run(randomUUID(), personId, classId, createdAt, createdAt);
		const stream = learnerEvents({ content: options.content, personId, deviceId, startMs, randomBytes });
		learners.push({ personId, deviceId, stream });
		const count = Math.round(((index + 1) * options.events) / options.learners) - written;
		written += count;
		const byCourse = new Map<string, { events: CourseEvent[]; lastReceivedAt: string }>();
		for (const event of stream.take(count) as CourseEvent[]) {
			// Received when the device next synced: minutes to a day later.
			const receivedAt = new Date(Date.parse(event.at) + 60_000 + Math.floor(Math.random() * DAY)).toISOString();
			insert.event.run(event.id, personId, personId, event.payload.courseId, event.type, event.v, deviceId, event.deviceSeq, event.at, receivedAt, 1500, personId, JSON.stringify(event));
			const course = byCourse.get(event.payload.courseId) ?? { events: [], lastReceivedAt: receivedAt };
			course.events.push(event);
			if (receivedAt > course.lastReceivedAt) course.lastReceivedAt = receivedAt;
			byCourse.set(event.payload.courseId, course);
		}
		const summaries = new Map<string, { summary: CourseSummary | undefined; completedAt: string | null; updatedAt: string }>();
		for (const [courseId, course] of byCourse) {
			const summary = options.fold.applyAll(undefined, course.events, personId);
			summaries.set(courseId, { summary, completedAt: options.fold.mastered(courseId, summary) ? course.lastReceivedAt : null, updatedAt: course.lastReceivedAt });
		}
		for (const [courseId, row] of summaries) {
			insert.summary.run(personId, courseId, RULE_VERSION, JSON.stringify(row.summary), row.completedAt, row.updatedAt);
			log(`learner:${personId}`, `${personId} ${courseId}`, row.updatedAt);
			if (classId) log(`class:${classId}`, `${personId} ${courseId}`, row.updatedAt);
		}
	};
	const inTransaction = sqlite.transaction((from: number, to: number) => {
		for (let index = from; index < to; index += 1) writeLearner(index);
	});
	for (let from = 0; from < options.learners; from += 1000) inTransaction(from, Math.min(options.learners, from + 1000));
	sqlite.transaction(() => {
		for (const [partition, seq] of counters) insert.counter.run(partition, seq);
	})();
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	return { learners, classes: classes.length, events: written };
}
