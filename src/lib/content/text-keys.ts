import type {
	AssignmentStructure,
	BankQuestionStructure,
	BlockStructure,
	CourseStructure,
	LessonStructure
} from './course.schema.ts';
import type { FacilitatorGuideStructure } from './facilitator.schema.ts';

/** How a text is rendered: plain (titles, alt text), inline Markdown (prompts, options) or block Markdown (prose). */
export type TextKind = 'plain' | 'inline' | 'block';

export interface TextKey {
	kind: TextKind;
	required: boolean;
	/** The lesson the text belongs to, for the review list; none for course-level and bank texts. */
	lessonId?: string;
}

function blockKeys(block: BlockStructure | BankQuestionStructure): [string, TextKind, boolean][] {
	const own = (suffix: string, kind: TextKind, required = true): [string, TextKind, boolean] => [
		`${block.id}.${suffix}`,
		kind,
		required
	];
	switch (block.type) {
		case 'text':
			return [[block.id, 'block', true]];
		case 'image':
			return [own('alt', 'plain'), own('caption', 'inline', false)];
		case 'audio':
		case 'video':
			return [own('title', 'plain'), own('transcript', 'block')];
		case 'single-choice':
		case 'multiple-choice':
			return [own('prompt', 'inline'), ...block.options.map((option) => own(option, 'inline')), own('explanation', 'inline')];
		case 'true-false':
			return [own('prompt', 'inline'), own('explanation', 'inline')];
		case 'matching':
			return [own('prompt', 'inline'), ...block.pairs.flat().map((side) => own(side, 'inline')), own('explanation', 'inline')];
		case 'ordering':
			return [own('prompt', 'inline'), ...block.order.map((step) => own(step, 'inline')), own('explanation', 'inline')];
		case 'dilemma':
			return [
				own('prompt', 'block'),
				...block.choices.flatMap((choice) => [
					own(choice.id, 'inline'),
					own(`${choice.id}.consequence`, 'inline'),
					own(`${choice.id}.why`, 'inline')
				])
			];
	}
}

/** Every text key the structure calls for, with how it renders. */
export function expectedTextKeys(
	course: CourseStructure,
	lessons: readonly LessonStructure[],
	bank: readonly BankQuestionStructure[],
	assignment?: AssignmentStructure
): Map<string, TextKey> {
	const keys = new Map<string, TextKey>();
	keys.set('title', { kind: 'plain', required: true });
	keys.set('summary', { kind: 'plain', required: true });
	for (const lessonId of course.lessons) {
		keys.set(`lesson.${lessonId}.title`, { kind: 'plain', required: true, lessonId });
		keys.set(`lesson.${lessonId}.summary`, { kind: 'plain', required: true, lessonId });
	}
	for (const lesson of lessons) {
		for (const block of lesson.blocks) {
			for (const [key, kind, required] of blockKeys(block)) keys.set(key, { kind, required, lessonId: lesson.id });
		}
	}
	for (const question of bank) {
		for (const [key, kind, required] of blockKeys(question)) keys.set(key, { kind, required, lessonId: question.lesson });
	}
	if (assignment) for (const [key, kind] of assignmentKeys(assignment)) keys.set(key, { kind, required: true });
	return keys;
}

/** The practical assignment's texts, kept in the course's text files (participants read them in the course pack). */
export function assignmentKeys(assignment: AssignmentStructure): [string, TextKind][] {
	return [
		['assignment.title', 'plain'],
		['assignment.instructions', 'block'],
		...assignment.plan.flatMap((field): [string, TextKind][] => [
			[`assignment.plan.${field.id}`, 'plain'],
			[`assignment.plan.${field.id}.hint`, 'inline']
		]),
		['assignment.reflection.intro', 'block'],
		...assignment.reflection.map((prompt): [string, TextKind] => [`assignment.reflection.${prompt}`, 'inline']),
		['assignment.photos', 'block'],
		['assignment.criteria.intro', 'block'],
		...assignment.criteria.map((criterion): [string, TextKind] => [`assignment.criteria.${criterion.id}`, 'inline'])
	];
}

/** Every text the facilitator guides call for (`facilitator/text.<locale>.yaml`); `lessonId` is the guide's session. */
export function facilitatorTextKeys(guides: readonly FacilitatorGuideStructure[]): Map<string, TextKey> {
	const keys = new Map<string, TextKey>([['intro', { kind: 'block', required: true }]]);
	for (const guide of guides) {
		const set = (suffix: string, kind: TextKind) => keys.set(`${guide.session}.${suffix}`, { kind, required: true, lessonId: guide.session });
		set('goals', 'block');
		set('preparation', 'block');
		for (const material of guide.materials) set(`material.${material}`, 'inline');
		for (const step of guide.steps) {
			set(`step.${step.id}.title`, 'plain');
			set(`step.${step.id}`, 'block');
			for (const question of step.questions) set(`step.${step.id}.question.${question}`, 'inline');
		}
		for (const pitfall of guide.pitfalls) set(`pitfall.${pitfall}`, 'inline');
		for (const adaptation of guide.noProjector) set(`no-projector.${adaptation}`, 'inline');
	}
	return keys;
}
