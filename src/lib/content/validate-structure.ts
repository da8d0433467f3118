import type { ContentProblem } from './content-problem.ts';
import type { AssignmentStructure, BankQuestionStructure, BlockStructure, CourseStructure, LessonStructure } from './course.schema.ts';

type Located<T> = { file: string; field: string; item: T };

export function duplicates(values: readonly string[]): string[] {
	const seen = new Set<string>();
	return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

/** Answer keys and local ids of one block or bank question. */
export function checkAnswerKeys(block: BlockStructure | BankQuestionStructure, file: string, field: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const problem = (where: string, reason: string) => problems.push({ file, field: `${field}.${where}`, reason });
	switch (block.type) {
		case 'single-choice':
		case 'multiple-choice': {
			if (block.options.length < 2) problem('options', `a choice question needs at least 2 options, has ${block.options.length}`);
			for (const duplicate of duplicates(block.options)) problem('options', `option "${duplicate}" appears twice`);
			const correct = block.type === 'single-choice' ? (block.correct ? [block.correct] : []) : (block.correct ?? []);
			if (correct.length === 0) problem('correct', 'the question has no correct answer');
			for (const answer of correct) {
				if (!block.options.includes(answer)) problem('correct', `"${answer}" is not one of the options`);
			}
			break;
		}
		case 'true-false':
			if (block.correct === undefined) problem('correct', 'the question has no correct answer');
			break;
		case 'matching': {
			if (block.pairs.length < 2) problem('pairs', `matching needs at least 2 pairs, has ${block.pairs.length}`);
			for (const duplicate of duplicates(block.pairs.flat())) problem('pairs', `"${duplicate}" appears twice`);
			break;
		}
		case 'ordering':
			if (block.order.length < 2) problem('order', `ordering needs at least 2 steps, has ${block.order.length}`);
			for (const duplicate of duplicates(block.order)) problem('order', `step "${duplicate}" appears twice`);
			break;
		case 'dilemma':
			if (block.choices.length < 2) problem('choices', `a dilemma needs at least 2 choices, has ${block.choices.length}`);
			for (const duplicate of duplicates(block.choices.map((choice) => choice.id))) problem('choices', `choice "${duplicate}" appears twice`);
			if (!block.choices.some((choice) => choice.outcome === 'best')) problem('choices', 'the dilemma has no choice with outcome "best"');
			break;
		default:
			break;
	}
	return problems;
}

export const SCORED_TYPES = new Set(['single-choice', 'multiple-choice', 'true-false', 'matching', 'ordering', 'dilemma']);

/** Cross-file rules: ids unique across the course, lessons listed and present, quiz and mastery satisfiable. */
export function checkCourseStructure(input: {
	course: Located<CourseStructure>;
	lessons: Located<LessonStructure>[];
	bank?: Located<BankQuestionStructure[]>;
	mediaFiles: ReadonlySet<string>;
}): ContentProblem[] {
	const { course, lessons, bank, mediaFiles } = input;
	const problems: ContentProblem[] = [];

	for (const duplicate of duplicates(course.item.lessons)) {
		problems.push({ file: course.file, field: 'lessons', reason: `lesson "${duplicate}" is listed twice` });
	}

	const blockIds = new Map<string, string>();
	const claim = (blockId: string, file: string, field: string) => {
		const first = blockIds.get(blockId);
		if (first) problems.push({ file, field, reason: `id "${blockId}" is already used in ${first}` });
		else blockIds.set(blockId, file);
	};

	let scoredLessonQuestions = 0;
	for (const lesson of lessons) {
		lesson.item.blocks.forEach((block, index) => {
			const field = `blocks[${index}]`;
			claim(block.id, lesson.file, `${field}.id`);
			problems.push(...checkAnswerKeys(block, lesson.file, field));
			if (SCORED_TYPES.has(block.type)) scoredLessonQuestions += 1;
			const sources = 'src' in block ? [block.src, ...('poster' in block ? [block.poster] : [])] : [];
			for (const source of sources) {
				if (!mediaFiles.has(source)) problems.push({ file: lesson.file, field: `${field}.src`, reason: `${source} does not exist` });
			}
		});
	}

	const lessonIds = new Set(course.item.lessons);
	bank?.item.forEach((question, index) => {
		const field = `questions[${index}]`;
		claim(question.id, bank.file, `${field}.id`);
		problems.push(...checkAnswerKeys(question, bank.file, field));
		if (question.lesson && !lessonIds.has(question.lesson)) {
			problems.push({ file: bank.file, field: `${field}.lesson`, reason: `unknown lesson "${question.lesson}"` });
		}
	});

	const quiz = course.item.quiz;
	if (quiz && !bank) problems.push({ file: course.file, field: 'quiz', reason: 'a quiz needs bank.yaml' });
	if (quiz && bank && quiz.draw > bank.item.length) {
		problems.push({ file: course.file, field: 'quiz.draw', reason: `draws ${quiz.draw} questions but the bank has ${bank.item.length}` });
	}
	const mastery = course.item.mastery;
	if (mastery.rule === 'quiz-passed' && !quiz) {
		problems.push({ file: course.file, field: 'mastery.rule', reason: '"quiz-passed" needs a quiz' });
	}
	if (mastery.rule === 'm-of-n' && mastery.required > scoredLessonQuestions) {
		problems.push({
			file: course.file,
			field: 'mastery.required',
			reason: `requires ${mastery.required} correct answers but the lessons have ${scoredLessonQuestions} questions`
		});
	}
	return problems;
}

/** The practical assignment: ids unique in each list, and a photo range that can be met. */
export function checkAssignment(assignment: AssignmentStructure, file: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const lists: [string, string[]][] = [
		['plan', assignment.plan.map((field) => field.id)],
		['reflection', assignment.reflection],
		['criteria', assignment.criteria.map((criterion) => criterion.id)]
	];
	for (const [field, ids] of lists) {
		for (const duplicate of duplicates(ids)) problems.push({ file, field, reason: `"${duplicate}" appears twice` });
	}
	if (assignment.photos.min > assignment.photos.max) {
		problems.push({ file, field: 'photos', reason: `asks for at least ${assignment.photos.min} photos but allows at most ${assignment.photos.max}` });
	}
	if (!assignment.criteria.some((criterion) => criterion.required)) {
		problems.push({ file, field: 'criteria', reason: 'no criterion is required: a trainer would have nothing to return the work for' });
	}
	return problems;
}
