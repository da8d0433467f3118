/**
 * Scoring one answer against its question, and the shuffled order options are shown in. Used by the lesson player,
 * the quiz and the server's re-grade, so it reads only its inputs.
 */
import type { PackQuestion } from '$lib/content/pack.types';
import type { Answer } from '$lib/progress/course-events';
import { seededRandom, shuffle, type Seed } from '$lib/utils/seeded-random';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
	const set = new Set(a);
	return set.size === new Set(b).size && b.every((item) => set.has(item));
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Every left item matched to its right item; the order the pairs were made in does not matter. */
function samePairs(expected: readonly [string, string][], given: readonly [string, string][]): boolean {
	const rightOf = new Map(expected);
	const leftsGiven = new Set(given.map(([left]) => left));
	return (
		given.length === expected.length &&
		leftsGiven.size === given.length &&
		given.every(([left, right]) => rightOf.has(left) && rightOf.get(left) === right)
	);
}

/** Whether an answer is right. An answer of another kind than the question expects is simply wrong. */
export function isAnswerCorrect(question: PackQuestion, answer: Answer): boolean {
	switch (question.type) {
		case 'single-choice':
			return answer.kind === 'choice' && answer.selected.length === 1 && answer.selected[0] === question.correct;
		case 'multiple-choice':
			// Exactly the correct set: choosing every option is not a way to collect the right ones.
			return answer.kind === 'choice' && question.correct.length > 0 && sameSet(answer.selected, question.correct);
		case 'true-false':
			return answer.kind === 'true-false' && answer.value === question.correct;
		case 'matching':
			return answer.kind === 'matching' && samePairs(question.pairs, answer.pairs);
		case 'ordering':
			return answer.kind === 'ordering' && sameSequence(answer.order, question.order);
		case 'dilemma':
			return answer.kind === 'dilemma' && question.choices.some((choice) => choice.id === answer.choice && choice.outcome === 'best');
	}
}

/**
 * The order to show items in, the same every time for a seed (e.g. `${attemptSeed}:${questionId}`), so a reload or
 * a return visit does not reshuffle the screen. Never the authored order when there are two or more items, because
 * for ordering and matching questions the authored order is the answer.
 */
export function displayOrder<T>(items: readonly T[], seed: Seed): T[] {
	const positions = shuffle(
		items.map((_, index) => index),
		seededRandom(seed)
	);
	const unchanged = positions.every((position, index) => position === index);
	// Rotating by one keeps it deterministic and is never the authored order.
	const shown = unchanged && positions.length > 1 ? [...positions.slice(1), ...positions.slice(0, 1)] : positions;
	return shown.map((position) => items[position] as T);
}

/** The answer the key counts as right: for demo data and for tests that must pass a re-graded test honestly. */
export function rightAnswer(question: PackQuestion): Answer {
	switch (question.type) {
		case 'single-choice':
			return { kind: 'choice', selected: [question.correct] };
		case 'multiple-choice':
			return { kind: 'choice', selected: [...question.correct] };
		case 'true-false':
			return { kind: 'true-false', value: question.correct };
		case 'matching':
			return { kind: 'matching', pairs: question.pairs.map(([left, right]) => [left, right] as [string, string]) };
		case 'ordering':
			return { kind: 'ordering', order: [...question.order] };
		case 'dilemma':
			return { kind: 'dilemma', choice: question.choices.find((choice) => choice.outcome === 'best')?.id ?? '' };
	}
}
