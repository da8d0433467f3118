import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { spotGame } from '../../../../tests/support/minigame-fixtures';
import { gameEventSchema } from '../../progress/game-events';
import { spotTheRiskMachine, type SpotTheRiskEmitted, type SpotTheRiskEvent } from './spot-the-risk.machine';

const PLAY_ID = '0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';

function player(options: { list?: boolean } = {}) {
	const actor = createActor(spotTheRiskMachine, { input: { game: spotGame, newPlayId: () => PLAY_ID, list: options.list } });
	const rounds: SpotTheRiskEmitted['draft'][] = [];
	actor.on('round', (event) => rounds.push(event.draft));
	actor.start();
	const value = () => actor.getSnapshot().value as { flow: string; view: string };
	const driver = {
		rounds,
		context: () => actor.getSnapshot().context,
		flow: () => value().flow,
		view: () => value().view,
		send: (event: SpotTheRiskEvent) => (actor.send(event), driver),
		start: (level = 1) => driver.send({ type: 'START', level }),
		tap: (itemId: string) => driver.send({ type: 'TAP', itemId }),
		tapAt: (x: number, y: number) => driver.send({ type: 'TAP_AT', x, y }),
		dismiss: () => driver.send({ type: 'DISMISS' })
	};
	return driver;
}

describe('the "Spot the risk" machine', () => {
	it('starts at the intro showing the scene, and opens a level on START', () => {
		const game = player();
		expect([game.flow(), game.view()]).toEqual(['intro', 'scene']);
		game.start(7);
		expect(game.flow()).toBe('intro');
		game.start(1);
		expect(game.flow()).toBe('looking');
		expect(game.context()).toMatchObject({ level: 1, playId: PLAY_ID, taps: { found: [], wrong: [] } });
	});

	it('explains a tapped item, ignores a tap on nothing, and goes back to looking', () => {
		const game = player().start(1).tapAt(5, 5);
		expect(game.flow()).toBe('looking');
		game.tapAt(102, 98);
		expect(game.flow()).toBe('explaining');
		expect(game.context().shown).toBe('envelope');
		// Another item can be tapped straight away, without closing the explanation.
		game.tap('price-list');
		expect(game.context()).toMatchObject({ shown: 'price-list', taps: { found: ['envelope'], wrong: ['price-list'] } });
		game.dismiss();
		expect(game.flow()).toBe('looking');
		expect(game.context().shown).toBeUndefined();
	});

	it('ends the round once the last risk is explained, with one valid event', () => {
		const game = player().start(1).tap('envelope').dismiss().tap('fee-note').dismiss().tap('back-door');
		expect(game.flow()).toBe('explaining');
		game.dismiss();
		expect(game.flow()).toBe('summary');
		expect(game.rounds).toHaveLength(1);
		const draft = game.rounds[0]!;
		expect(draft.payload).toMatchObject({ level: 1, mode: 'scene', score: 3, maxScore: 3, passed: true });
		const envelope = {
			id: '0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1c',
			subject: { kind: 'learner', id: '0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1d' },
			deviceId: '0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1e',
			deviceSeq: 1,
			v: 1,
			at: '2026-03-01T10:00:00.000Z',
			...draft
		};
		expect(gameEventSchema.safeParse(envelope).success).toBe(true);
	});

	it('lets the player finish early; what was missed is recorded as missed', () => {
		const game = player().start(1).tap('envelope').send({ type: 'FINISH' });
		expect(game.flow()).toBe('summary');
		expect(game.rounds[0]?.payload.answers.filter((answer) => answer.response === 'missed')).toHaveLength(2);
		expect(game.rounds[0]?.payload.passed).toBe(false);
	});

	it('switches between the scene and the list mid-round, keeping what was found, and records the round as list', () => {
		const game = player().start(1).tap('envelope').dismiss().send({ type: 'SHOW_LIST' });
		expect([game.flow(), game.view()]).toEqual(['looking', 'list']);
		expect(game.context().taps.found).toEqual(['envelope']);
		game.tap('fee-note').send({ type: 'SHOW_SCENE' });
		expect([game.flow(), game.view()]).toEqual(['explaining', 'scene']);
		game.dismiss().tap('back-door').dismiss();
		expect(game.rounds[0]?.payload).toMatchObject({ mode: 'list', score: 3 });
	});

	it('starts in the list when asked, and a round played wholly in the scene after a list round is a scene round', () => {
		const game = player({ list: true });
		expect(game.view()).toBe('list');
		game.start(1).send({ type: 'FINISH' });
		expect(game.rounds[0]?.payload.mode).toBe('list');
		game.send({ type: 'SHOW_SCENE' }).send({ type: 'RETRY' }).send({ type: 'FINISH' });
		expect(game.rounds[1]?.payload.mode).toBe('scene');
	});

	it('retries, goes up a level only after a pass, and returns to the menu', () => {
		const game = player().start(1).send({ type: 'FINISH' }).send({ type: 'NEXT_LEVEL' });
		expect(game.flow()).toBe('summary');
		game.send({ type: 'RETRY' });
		expect(game.context()).toMatchObject({ level: 1, taps: { found: [], wrong: [] } });
		game.tap('envelope').tap('fee-note').tap('back-door').dismiss();
		game.send({ type: 'NEXT_LEVEL' });
		expect(game.flow()).toBe('looking');
		expect(game.context().level).toBe(2);
		game.tap('board-list').tap('gradebook').tap('phone-box').dismiss();
		game.send({ type: 'NEXT_LEVEL' });
		expect(game.flow()).toBe('summary');
		game.send({ type: 'MENU' });
		expect(game.flow()).toBe('intro');
		expect(game.rounds.map((round) => [round.payload.level, round.payload.passed])).toEqual([
			[1, false],
			[1, true],
			[2, true]
		]);
	});
});
