import { describe, expect, it } from 'vitest';
import { isQuestionBlock, resumeIndex } from './steps';

const lesson = { id: 'l1', blocks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };

describe('resumeIndex', () => {
	it('starts a new lesson at its first block', () => {
		expect(resumeIndex(lesson, null)).toBe(0);
		expect(resumeIndex(lesson, { lessonId: 'other', blockId: 'c', blockIndex: 2 })).toBe(0);
	});

	it('returns to the block reached, found by id even if a newer version moved it', () => {
		expect(resumeIndex(lesson, { lessonId: 'l1', blockId: 'c', blockIndex: 0 })).toBe(2);
	});

	it('falls back to the position, kept in range, when the block is gone', () => {
		expect(resumeIndex(lesson, { lessonId: 'l1', blockId: 'gone', blockIndex: 1 })).toBe(1);
		expect(resumeIndex(lesson, { lessonId: 'l1', blockId: 'gone', blockIndex: 9 })).toBe(2);
	});
});

describe('isQuestionBlock', () => {
	it('tells questions and dilemmas from reading blocks', () => {
		expect(isQuestionBlock({ id: 'x', type: 'dilemma', choices: [] })).toBe(true);
		expect(isQuestionBlock({ id: 'x', type: 'true-false', correct: true })).toBe(true);
		expect(isQuestionBlock({ id: 'x', type: 'text' })).toBe(false);
		expect(isQuestionBlock({ id: 'x', type: 'image', src: 'media/a.svg' })).toBe(false);
	});
});
