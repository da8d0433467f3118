import { z } from 'zod';
import { SPOT_SCENE_SIZE } from './minigame.types.ts';

/**
 * Authored structure of a mini-game (content/minigames/<id>/game.yaml). Text lives apart, in text.<locale>.yaml, so a
 * translator can never change which answer is right or where a risk is hidden.
 */

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');

/** The pictures a "Gift or bribe?" card can show (drawn in src/lib/games/gift-or-bribe/scenes/). */
export const SORT_CARD_PLACES = ['school', 'road', 'clinic', 'office', 'home', 'celebration', 'university', 'sport'] as const;

/** Backdrops and props of "Spot the risk" (drawn in src/lib/games/spot-the-risk/scenes/). */
export const SPOT_SCENES = ['village-office', 'school', 'clinic'] as const;
export const SPOT_PROPS = [
	'envelope-folder',
	'fee-sign',
	'side-door-visitor',
	'relative-desk',
	'price-list',
	'cash-window',
	'complaint-box',
	'ticket-machine',
	'board-collection',
	'gradebook-envelope',
	'gift-box',
	'tutoring-note',
	'flowers',
	'class-card',
	'pocket-cash',
	'pharmacy-flyer',
	'free-services-poster',
	'queue-board'
] as const;
/** 48 px across at the scene's natural size: the smallest tap target (WCAG 2.5.5). */
export const SPOT_MIN_RADIUS = 24;

const sortGameSchema = z.strictObject({
	id,
	type: z.literal('sort'),
	sourceLocale: z.enum(['ky', 'ru']),
	categories: z.array(id).min(2).max(3),
	levels: z
		.array(
			z.strictObject({
				cards: z.int().min(3).max(20),
				secondsPerCard: z.int().min(3).max(60),
				passPercent: z.int().min(1).max(100)
			})
		)
		.min(1),
	cards: z.array(z.strictObject({ id, level: z.int().positive(), answer: id, place: z.enum(SORT_CARD_PLACES) })).min(1)
});

const spotGameSchema = z.strictObject({
	id,
	type: z.literal('spot'),
	sourceLocale: z.enum(['ky', 'ru']),
	levels: z
		.array(
			z.strictObject({
				scene: z.enum(SPOT_SCENES),
				passPercent: z.int().min(1).max(100),
				items: z
					.array(
						z.strictObject({
							id,
							risk: z.boolean(),
							prop: z.enum(SPOT_PROPS),
							x: z.number().min(0).max(SPOT_SCENE_SIZE.width),
							y: z.number().min(0).max(SPOT_SCENE_SIZE.height),
							r: z.number().min(SPOT_MIN_RADIUS).max(80).default(30)
						})
					)
					.min(2)
			})
		)
		.min(1)
});

export const miniGameSchema = z.discriminatedUnion('type', [sortGameSchema, spotGameSchema]);

export const miniGameTextFileSchema = z.strictObject({ texts: z.record(z.string(), z.string()) });

export type MiniGameStructure = z.infer<typeof miniGameSchema>;
export type SortGameStructure = z.infer<typeof sortGameSchema>;
export type SpotGameStructure = z.infer<typeof spotGameSchema>;
