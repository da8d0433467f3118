/**
 * The closed set of events quests and mini-games may emit (DESIGN §3). A game never writes storage: its host hands
 * these drafts to the progress repository, which adds the envelope. A quest played by a whole class on one screen is
 * the class's record (`subject.kind = 'class'`, `recordedBy` the teacher); a pupil's own play is the learner's.
 * The browser loads this file: the schema uses zod/mini to stay small.
 */
import { z } from 'zod/mini';
import { UUID_V7_PATTERN } from '../utils/ids';
import { eventSchema, type EventEnvelope } from './event';

/** A quest played by one learner, or by a class voting on one screen (teacher-led mode). */
export type QuestMode = 'solo' | 'class';

export interface QuestStartedPayload {
	questId: string;
	/** Content hash of the compiled quest the play follows. */
	questVersion: string;
	/** UUIDv7 made when the play began; every event of one play carries it. */
	playId: string;
	/** Unsigned 32-bit seed the engine was started with, so a play can be replayed. */
	seed: number;
	mode: QuestMode;
}

export interface QuestChoiceMadePayload {
	questId: string;
	questVersion: string;
	playId: string;
	/** The decision node and the option taken at it. */
	nodeId: string;
	choiceId: string;
	/** 1 for the play's first decision, 2 for the next … */
	step: number;
	/** Teacher-led mode only: the class's votes per option as the teacher entered them (the majority alone gives one). */
	votes?: Record<string, number>;
}

export interface QuestEndedPayload {
	questId: string;
	questVersion: string;
	playId: string;
	endingId: string;
	/** The meters at the end, by meter id. */
	meters: Record<string, number>;
	/** How many decisions the play took. */
	steps: number;
}

export type MiniGameMode = 'timed' | 'untimed' | 'scene' | 'list';

/** One answer in a round: the item (a card, a hotspot) and what the player said of it. */
export interface MiniGameAnswer {
	itemId: string;
	/** The category chosen (`gift`, `bribe` …) or `found` for a risk tapped in the scene. */
	response: string;
	correct: boolean;
}

export interface MiniGameRoundPayload {
	gameId: string;
	gameVersion: string;
	playId: string;
	level: number;
	mode: MiniGameMode;
	score: number;
	maxScore: number;
	passed: boolean;
	answers: MiniGameAnswer[];
}

export type QuestStartedEvent = EventEnvelope<'quest.started', QuestStartedPayload, 1>;
export type QuestChoiceMadeEvent = EventEnvelope<'quest.choice', QuestChoiceMadePayload, 1>;
export type QuestEndedEvent = EventEnvelope<'quest.ended', QuestEndedPayload, 1>;
export type MiniGameRoundEvent = EventEnvelope<'minigame.round', MiniGameRoundPayload, 1>;

export type GameEvent = QuestStartedEvent | QuestChoiceMadeEvent | QuestEndedEvent | MiniGameRoundEvent;
export type GameEventType = GameEvent['type'];
/** What a game host hands over; the repository adds id, subject, device, counter and time. */
export type GameEventDraft = { [E in GameEvent as E['type']]: Pick<E, 'type' | 'payload'> }[GameEventType];

export const GAME_EVENT_TYPES = ['quest.started', 'quest.choice', 'quest.ended', 'minigame.round'] as const satisfies readonly GameEventType[];

export function isGameEventType(type: string): type is GameEventType {
	return (GAME_EVENT_TYPES as readonly string[]).includes(type);
}

/** The quest or mini-game an event is about: the key "what others chose" and local best scores group by. */
export function gameContentId(event: Pick<GameEvent, 'type' | 'payload'>): string {
	return 'gameId' in event.payload ? event.payload.gameId : event.payload.questId;
}

// Bounds keep a hostile or broken client from storing megabytes in one event; real content is far below them.
const contentId = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case content id'), z.maxLength(100));
const contentVersion = z.string().check(z.regex(/^[0-9a-f]{8,64}$/, 'must be a content version hash'));
const playId = z.string().check(z.regex(UUID_V7_PATTERN, 'must be a lowercase UUIDv7'));
const count = z.int().check(z.nonnegative(), z.lte(1_000_000));
const meterValue = z.int().check(z.gte(-1_000_000), z.lte(1_000_000));

/** Validates any game event: the server rejects what fails it, with zod's issues as the reason. */
export const gameEventSchema = z.discriminatedUnion('type', [
	eventSchema(
		'quest.started',
		1,
		z.strictObject({
			questId: contentId,
			questVersion: contentVersion,
			playId,
			seed: z.int().check(z.nonnegative(), z.lte(2 ** 32 - 1)),
			mode: z.enum(['solo', 'class'])
		})
	),
	eventSchema(
		'quest.choice',
		1,
		z.strictObject({
			questId: contentId,
			questVersion: contentVersion,
			playId,
			nodeId: contentId,
			choiceId: contentId,
			step: z.int().check(z.gte(1), z.lte(10_000)),
			votes: z.optional(z.record(contentId, count).check(z.refine((votes) => Object.keys(votes).length <= 20, 'at most 20 options')))
		})
	),
	eventSchema(
		'quest.ended',
		1,
		z.strictObject({
			questId: contentId,
			questVersion: contentVersion,
			playId,
			endingId: contentId,
			meters: z.record(contentId, meterValue).check(z.refine((meters) => Object.keys(meters).length <= 20, 'at most 20 meters')),
			steps: z.int().check(z.nonnegative(), z.lte(10_000))
		})
	),
	eventSchema(
		'minigame.round',
		1,
		z
			.strictObject({
				gameId: contentId,
				gameVersion: contentVersion,
				playId,
				level: z.int().check(z.gte(1), z.lte(100)),
				mode: z.enum(['timed', 'untimed', 'scene', 'list']),
				score: count,
				maxScore: count,
				passed: z.boolean(),
				answers: z.array(z.strictObject({ itemId: contentId, response: contentId, correct: z.boolean() })).check(z.maxLength(200))
			})
			.check(z.refine((round) => round.score <= round.maxScore, { message: 'score is at most maxScore', path: ['score'] }))
	)
]);
