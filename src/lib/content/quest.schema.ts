import { z } from 'zod';

/**
 * Authored structure of a quest (content/quests/<id>/quest.yaml). Every text lives apart, in text.<locale>.yaml, keyed
 * by the ids below (see text keys in content/quests/README.md), so a translator can never break a branch.
 */

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');

/** Node ids become text keys: they must not collide with the quest-level keys. */
export const RESERVED_NODE_IDS = ['title', 'summary', 'meter', 'cast', 'place', 'consequence'] as const;

export interface ConditionStructure {
	meter?: string;
	min?: number;
	max?: number;
	flag?: string;
	chose?: { node: string; choice: string };
	not?: ConditionStructure;
	all?: ConditionStructure[];
	any?: ConditionStructure[];
}

/** One of: a meter in a range, a flag set, a past choice, or not/all/any of conditions. */
export const conditionSchema: z.ZodType<ConditionStructure> = z.lazy(() =>
	z.union([
		z
			.strictObject({ meter: id, min: z.int().optional(), max: z.int().optional() })
			.refine((c) => c.min !== undefined || c.max !== undefined, 'a meter condition needs min, max or both'),
		z.strictObject({ flag: id }),
		z.strictObject({ chose: z.strictObject({ node: id, choice: id }) }),
		z.strictObject({ not: conditionSchema }),
		z.strictObject({ all: z.array(conditionSchema).min(1) }),
		z.strictObject({ any: z.array(conditionSchema).min(1) })
	])
);

/** Meter id → integer change. */
const effects = z.record(id, z.int());
const flags = z.array(id);

const schedule = z.union([
	z.strictObject({ consequence: id, after: z.int().min(1).max(50) }),
	z.strictObject({ consequence: id, at: id })
]);

const stage = {
	place: id,
	/** Who is on screen besides the speaker. */
	characters: z.array(id).default([])
};

const lineNode = z.strictObject({
	id,
	type: z.literal('line'),
	...stage,
	/** A character of the cast; none for narration. */
	speaker: id.optional(),
	/** Applied when the line is reached. */
	effects: effects.optional(),
	flags: flags.optional(),
	next: id
});

export const choiceSchema = z.strictObject({
	id,
	next: id,
	effects: effects.optional(),
	flags: flags.optional(),
	/** Offered only when this holds; otherwise shown locked with the text `<node>.<choice>.locked`. */
	when: conditionSchema.optional(),
	schedule: z.array(schedule).optional(),
	/** The choice reports the wrong-doing (to the director, a hotline …): drawn so a player can find it. */
	reporting: z.boolean().default(false)
});

const choiceNode = z.strictObject({
	id,
	type: z.literal('choice'),
	...stage,
	speaker: id.optional(),
	choices: z.array(choiceSchema),
	/** A timed decision: when the seconds run out, `choice` is taken. */
	timer: z.strictObject({ seconds: z.int().min(5).max(300), choice: id }).optional(),
	/** Teacher-led mode shows the text `<node>.discussion` before the class votes. */
	discussion: z.boolean().default(false),
	/** Choices are shown in an order drawn from the play's seed (so no answer is always first) unless false. */
	shuffle: z.boolean().default(true)
});

const branchNode = z.strictObject({
	id,
	type: z.literal('branch'),
	/** The first route whose `when` holds is taken; a route without `when` always holds. */
	routes: z.array(z.strictObject({ when: conditionSchema.optional(), next: id })).min(1)
});

const endingNode = z.strictObject({
	id,
	type: z.literal('ending'),
	...stage,
	/** The tone of the ending art, never a grade of the player. */
	tone: z.enum(['good', 'mixed', 'bad']),
	/** How many debrief questions: texts `<ending>.debrief.1` … `<ending>.debrief.<n>`. */
	debrief: z.int().min(1).max(8)
});

export const questNodeSchema = z.discriminatedUnion('type', [lineNode, choiceNode, branchNode, endingNode]);

export const meterSchema = z.strictObject({
	id,
	start: z.int(),
	min: z.int(),
	max: z.int(),
	/** Which way is good, so a fall in trust is drawn as bad and a fall in cost as good. */
	goodWhen: z.enum(['high', 'low']),
	/** true: a change past a bound stops at the bound. false (default): the build proves no play leaves the bounds. */
	clamp: z.boolean().default(false)
});

export const consequenceSchema = z.strictObject({
	id,
	/** Who says it when it arrives; none for narration. */
	speaker: id.optional(),
	effects: effects.optional(),
	flags: flags.optional()
});

export const questSchema = z.strictObject({
	id,
	sourceLocale: z.enum(['ky', 'ru']),
	/** Youngest and oldest age the quest is written for. */
	ages: z.tuple([z.int().min(6).max(99), z.int().min(6).max(99)]),
	/** Honest estimate of one play, in minutes. */
	minutes: z.int().min(1).max(120),
	meters: z.array(meterSchema).min(1).max(6),
	cast: z.array(id).min(1),
	places: z.array(id).min(1),
	consequences: z.array(consequenceSchema).default([]),
	start: id,
	nodes: z.array(questNodeSchema).min(2)
});

export type QuestStructure = z.infer<typeof questSchema>;
export type QuestNodeStructure = z.infer<typeof questNodeSchema>;
export type QuestChoiceStructure = z.infer<typeof choiceSchema>;
export type MeterStructure = z.infer<typeof meterSchema>;
export type ConsequenceStructure = z.infer<typeof consequenceSchema>;
