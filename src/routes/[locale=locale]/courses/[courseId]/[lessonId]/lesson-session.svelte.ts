import type { PackBlock, PackLesson } from '$lib/content/pack.types';
import type { Answer } from '$lib/progress/course-events';
import { CourseSession } from '../course-session.svelte';

/** A lesson of an opened course: turns what the player reports into course events. */
export class LessonSession extends CourseSession {
	lessonId = $state('');
	lesson: PackLesson | undefined = $derived(this.pack?.lessons.find((lesson) => lesson.id === this.lessonId));

	async reach(block: PackBlock, index: number): Promise<void> {
		const { pack, lesson } = this;
		if (!pack || !lesson) return;
		await this.record({
			type: 'lesson.progressed',
			payload: { courseId: pack.id, courseVersion: pack.version, lessonId: lesson.id, lessonVersion: lesson.version, blockId: block.id, blockIndex: index }
		});
	}

	async answer(block: PackBlock, answer: Answer, correct: boolean): Promise<void> {
		const { pack, lesson } = this;
		if (!pack || !lesson) return;
		await this.record({
			type: 'question.answered',
			payload: { courseId: pack.id, lessonId: lesson.id, lessonVersion: lesson.version, questionId: block.id, answer, correct }
		});
	}

	async complete(): Promise<void> {
		const { pack, lesson } = this;
		if (!pack || !lesson) return;
		await this.record({ type: 'lesson.completed', payload: { courseId: pack.id, lessonId: lesson.id, lessonVersion: lesson.version } });
	}
}
