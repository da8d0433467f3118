import type { CompiledCourse } from './compile-course.ts';
import type { AnswerKeys, CoursePack } from './pack.types.ts';

/**
 * What the server needs to re-grade a final test (DESIGN §3): per course, its version, quiz settings and question bank
 * with the answer key — the structure only, from any one locale's pack, without texts or media. The build offers it
 * as `virtual:taza/answer-keys`; scripts that run outside Vite (`npm run summaries:rebuild`) call it on their own build.
 */
export function answerKeysOf(courses: readonly Pick<CompiledCourse, 'id' | 'packs'>[]): AnswerKeys {
	const keys: AnswerKeys = {};
	for (const course of courses) {
		const pack = JSON.parse(course.packs[0]!.body) as CoursePack;
		keys[course.id] = { version: pack.version, quiz: pack.quiz ?? null, bank: pack.bank.map(({ lesson: _lesson, ...question }) => question) };
	}
	return keys;
}
