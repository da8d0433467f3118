// Realistic course events for bench/sync.ts: learners walking through the real compiled courses block by block,
// answering questions (right and wrong, every answer kind) and taking final tests drawn from the real banks, with
// UUIDv7 ids from crypto-random bytes. Nothing here is repetitive on purpose, so gzip gets no easy wins.
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import path from 'node:path';
import { answerKeysOf } from '../src/lib/content/answer-keys';
import { compileAllContent } from '../src/lib/content/content-files';
import type { AnswerKeys, Catalogue, CoursePack, PackLesson, PackQuestion } from '../src/lib/content/pack.types';
import { isAnswerCorrect } from '../src/lib/courses/answers';
import { drawQuiz } from '../src/lib/courses/quiz';
import type { Answer, CourseEvent } from '../src/lib/progress/course-events';
import { uuidV7Generator } from '../src/lib/utils/ids';

export interface BenchContent {
	catalogue: Catalogue;
	answerKeys: AnswerKeys;
	packs: CoursePack[];
}

/** The courses in content/, compiled as the build does. */
export function benchContent(root = path.resolve(import.meta.dirname, '..')): BenchContent {
	const build = compileAllContent(root);
	if (build.problems.length > 0) throw new Error(`content has problems: run npm run content:check`);
	return { catalogue: build.catalogue, answerKeys: answerKeysOf(build.courses), packs: build.courses.map((course) => JSON.parse(course.packs[0]!.body) as CoursePack) };
}

/** crypto.randomBytes, drawn 64 KiB at a time: a million ids would otherwise be a million calls into OpenSSL. */
export function pooledRandomBytes(): (length: number) => Uint8Array {
	let pool = cryptoRandomBytes(65536);
	let offset = 0;
	return (length) => {
		if (offset + length > pool.length) {
			pool = cryptoRandomBytes(65536);
			offset = 0;
		}
		offset += length;
		return new Uint8Array(pool.subarray(offset - length, offset));
	};
}

const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
	const result = [...items];
	for (let i = result.length - 1; i > 0; i -= 1) {
		const j = Math.floor(random() * (i + 1));
		[result[i], result[j]] = [result[j] as T, result[i] as T];
	}
	return result;
};

/** What a learner answers: the right answer most of the time, otherwise a plausible wrong one of the same kind. */
function answerTo(question: PackQuestion, knows: boolean, random: () => number): Answer {
	switch (question.type) {
		case 'single-choice':
			return { kind: 'choice', selected: [knows ? question.correct : question.options[Math.floor(random() * question.options.length)]!] };
		case 'multiple-choice':
			return { kind: 'choice', selected: knows ? [...question.correct] : question.options.filter(() => random() < 0.5) };
		case 'true-false':
			return { kind: 'true-false', value: knows ? question.correct : random() < 0.5 };
		case 'matching': {
			const rights = knows ? question.pairs.map(([, right]) => right) : shuffled(question.pairs.map(([, right]) => right), random);
			return { kind: 'matching', pairs: shuffled(question.pairs.map(([left], index): [string, string] => [left, rights[index]!]), random) };
		}
		case 'ordering':
			return { kind: 'ordering', order: knows ? [...question.order] : shuffled(question.order, random) };
		case 'dilemma': {
			const best = question.choices.find((choice) => choice.outcome === 'best') ?? question.choices[0]!;
			return { kind: 'dilemma', choice: knows ? best.id : question.choices[Math.floor(random() * question.choices.length)]!.id };
		}
	}
}

const QUESTION_TYPES = new Set(['single-choice', 'multiple-choice', 'true-false', 'matching', 'ordering', 'dilemma']);

/**
 * One device's stream of events for one learner: open a course, work through lessons from some point (reaching each
 * block, answering questions, completing lessons), sometimes take the final test, then another course. Device time
 * moves on by seconds to minutes per block, with breaks between sessions.
 */
export function learnerEvents(options: { content: BenchContent; personId: string; deviceId: string; startMs: number; random?: () => number; randomBytes?: (length: number) => Uint8Array }) {
	const random = options.random ?? Math.random;
	const randomBytes = options.randomBytes ?? pooledRandomBytes();
	let clock = options.startMs;
	const newId = uuidV7Generator(() => clock, randomBytes);
	let seq = 0;
	const skill = 0.5 + random() * 0.45;
	const envelope = () => ({ id: newId(), subject: { kind: 'learner' as const, id: options.personId }, deviceId: options.deviceId, deviceSeq: ++seq, v: 1 as const, at: new Date(clock).toISOString() });
	const step = (minSeconds: number, maxSeconds: number) => (clock += Math.round((minSeconds + random() * (maxSeconds - minSeconds)) * 1000));

	function* lesson(pack: CoursePack, lesson: PackLesson): Generator<CourseEvent> {
		const from = random() < 0.7 ? 0 : Math.floor(random() * lesson.blocks.length);
		for (let blockIndex = from; blockIndex < lesson.blocks.length; blockIndex += 1) {
			const block = lesson.blocks[blockIndex]!;
			step(4, 90);
			yield { ...envelope(), type: 'lesson.progressed', payload: { courseId: pack.id, courseVersion: pack.version, lessonId: lesson.id, lessonVersion: lesson.version, blockId: block.id, blockIndex } };
			if (QUESTION_TYPES.has(block.type)) {
				const question = block as PackQuestion;
				for (let tries = 0; tries < 3; tries += 1) {
					step(5, 60);
					const answer = answerTo(question, random() < skill, random);
					const correct = isAnswerCorrect(question, answer);
					yield { ...envelope(), type: 'question.answered', payload: { courseId: pack.id, lessonId: lesson.id, lessonVersion: lesson.version, questionId: question.id, answer, correct } };
					if (correct || random() < 0.5) break;
				}
			}
			// Some learners leave in the middle of a lesson and come back later.
			if (random() < 0.02) return;
		}
		step(2, 20);
		yield { ...envelope(), type: 'lesson.completed', payload: { courseId: pack.id, lessonId: lesson.id, lessonVersion: lesson.version } };
	}

	function* test(pack: CoursePack): Generator<CourseEvent> {
		if (!pack.quiz) return;
		const attemptId = newId();
		const seed = Math.floor(random() * 2 ** 32);
		const questionIds = drawQuiz(pack.bank, pack.quiz, seed);
		const answers: Record<string, Answer> = {};
		let correct = 0;
		for (const id of questionIds) {
			step(10, 90);
			const question = pack.bank.find((candidate) => candidate.id === id)!;
			if (random() < 0.05) continue; // left unanswered
			answers[id] = answerTo(question, random() < skill, random);
			if (isAnswerCorrect(question, answers[id])) correct += 1;
		}
		const scorePercent = Math.floor((correct * 100) / questionIds.length);
		yield { ...envelope(), type: 'test.submitted', payload: { courseId: pack.id, courseVersion: pack.version, attemptId, seed, questionIds, answers, scorePercent, passed: scorePercent >= pack.quiz.passPercent } };
	}

	function* forever(): Generator<CourseEvent> {
		for (;;) {
			const pack = options.content.packs[Math.floor(random() * options.content.packs.length)]!;
			const first = random() < 0.6 ? 0 : Math.floor(random() * pack.lessons.length);
			for (const next of pack.lessons.slice(first)) {
				yield* lesson(pack, next);
				if (random() < 0.15) break;
			}
			if (random() < 0.3) yield* test(pack);
			step(600, 3 * 86400);
		}
	}

	const stream = forever();
	return {
		/** The next `count` events this learner makes. */
		take(count: number): CourseEvent[] {
			const events: CourseEvent[] = [];
			while (events.length < count) events.push(stream.next().value as CourseEvent);
			return events;
		},
		/** Where the device clock stands (ms). */
		now: () => clock
	};
}
