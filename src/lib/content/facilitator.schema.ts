import { z } from 'zod';

/**
 * A facilitator guide: how a trainer runs one session of a course in the room
 * (`content/courses/<id>/facilitator/<session-id>.yaml`). Structure only — timing, order, ids; every word a trainer
 * reads is in `facilitator/text.<locale>.yaml`, checked for every locale and for staleness like a course's texts.
 */

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');

/** How the room works during a step. */
export const STEP_FORMATS = ['plenary', 'groups', 'pairs', 'individual'] as const;
export type StepFormat = (typeof STEP_FORMATS)[number];

export const facilitatorGuideSchema = z.strictObject({
	/** The session this guide runs: a lesson id of the course, and the file's name. */
	session: id,
	/** The session's length; the steps' minutes must add up to it. */
	minutes: z.int().min(30).max(120),
	materials: z.array(id).min(1),
	steps: z
		.array(
			z.strictObject({
				id,
				minutes: z.int().min(1).max(60),
				format: z.enum(STEP_FORMATS),
				/** Blocks of the session's lesson (the participant part) this step works with, shown as screen numbers. */
				lessonBlocks: z.array(id).default([]),
				/** Questions the trainer asks in this step, in order. */
				questions: z.array(id).default([])
			})
		)
		.min(2),
	pitfalls: z.array(id).min(1),
	/** Adaptations for a rural school with no projector (and often no printer or signal). */
	noProjector: z.array(id).min(1)
});

export type FacilitatorGuideStructure = z.infer<typeof facilitatorGuideSchema>;
