import type { PackBlock, PackQuestion } from '$lib/content/pack.types';

/** Blocks the learner answers before moving on. */
export function isQuestionBlock(block: PackBlock): block is PackQuestion {
	return (
		block.type === 'single-choice' ||
		block.type === 'multiple-choice' ||
		block.type === 'true-false' ||
		block.type === 'matching' ||
		block.type === 'ordering' ||
		block.type === 'dilemma'
	);
}

/** Where a returning learner starts: the block they reached, kept in range when a newer lesson version is shorter. */
export function resumeIndex(
	lesson: { id: string; blocks: readonly { id: string }[] },
	resume: { lessonId: string; blockId: string; blockIndex: number } | null | undefined
): number {
	if (!resume || resume.lessonId !== lesson.id) return 0;
	const byId = lesson.blocks.findIndex((block) => block.id === resume.blockId);
	if (byId >= 0) return byId;
	return Math.min(Math.max(0, resume.blockIndex), lesson.blocks.length - 1);
}
