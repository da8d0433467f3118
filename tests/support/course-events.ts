// Valid course events for tests of sync: real UUIDv7 ids in order, content versions shaped like the compiler's.
import type { CourseEvent } from '../../src/lib/progress/course-events';
import type { GameEvent } from '../../src/lib/progress/game-events';
import type { Subject } from '../../src/lib/progress/event';
import { uuidV7Generator } from '../../src/lib/utils/ids';

export const VERSION = 'abcdef12';

export function eventFactory(deviceId = 'device-1', start = Date.parse('2026-11-26T09:00:00Z')) {
	let clock = start;
	let seq = 0;
	let byte = 0;
	const newId = uuidV7Generator(() => clock, (length) => Uint8Array.from({ length }, () => (byte = (byte + 29) % 256)));
	const envelope = (learnerId: string) => {
		clock += 1000;
		return { id: newId(), subject: { kind: 'learner' as const, id: learnerId }, deviceId, deviceSeq: ++seq, v: 1 as const, at: new Date(clock).toISOString() };
	};
	// A quest's events belong to a learner, or to a class whose teacher recorded them.
	const gameEnvelope = (subject: Subject, recordedBy?: string) => ({ ...envelope(subject.id), subject, ...(recordedBy ? { recordedBy } : {}) });
	return {
		lessonCompleted: (learnerId: string, courseId: string, lessonId: string): CourseEvent => ({
			...envelope(learnerId),
			type: 'lesson.completed',
			payload: { courseId, lessonId, lessonVersion: VERSION }
		}),
		lessonProgressed: (learnerId: string, courseId: string, lessonId: string, blockIndex = 0): CourseEvent => ({
			...envelope(learnerId),
			type: 'lesson.progressed',
			payload: { courseId, courseVersion: VERSION, lessonId, lessonVersion: VERSION, blockId: `block-${blockIndex}`, blockIndex }
		}),
		questionAnswered: (learnerId: string, courseId: string, lessonId: string, questionId: string, correct: boolean): CourseEvent => ({
			...envelope(learnerId),
			type: 'question.answered',
			payload: { courseId, lessonId, lessonVersion: VERSION, questionId, answer: { kind: 'true-false', value: correct }, correct }
		}),
		testSubmitted: (learnerId: string, courseId: string, payload: Partial<Extract<CourseEvent, { type: 'test.submitted' }>['payload']>): CourseEvent => {
			const base = envelope(learnerId);
			return {
				...base,
				type: 'test.submitted',
				payload: { courseId, courseVersion: VERSION, attemptId: base.id, seed: 1, questionIds: ['q1'], answers: {}, scorePercent: 100, passed: true, ...payload }
			};
		},
		questStarted: (subject: Subject, questId: string, playId: string, recordedBy?: string): GameEvent => ({
			...gameEnvelope(subject, recordedBy),
			type: 'quest.started',
			payload: { questId, questVersion: VERSION, playId, seed: 7, mode: subject.kind === 'class' ? 'class' : 'solo' }
		}),
		questChoice: (subject: Subject, questId: string, playId: string, nodeId: string, choiceId: string, step: number, recordedBy?: string): GameEvent => ({
			...gameEnvelope(subject, recordedBy),
			type: 'quest.choice',
			payload: { questId, questVersion: VERSION, playId, nodeId, choiceId, step, ...(subject.kind === 'class' ? { votes: { [choiceId]: 14 } } : {}) }
		}),
		miniGameRound: (learnerId: string, gameId: string, playId: string, score: number): GameEvent => ({
			...envelope(learnerId),
			type: 'minigame.round',
			payload: { gameId, gameVersion: VERSION, playId, level: 1, mode: 'untimed', score, maxScore: 10, passed: score >= 7, answers: [{ itemId: 'card-1', response: 'gift', correct: true }] }
		})
	};
}
