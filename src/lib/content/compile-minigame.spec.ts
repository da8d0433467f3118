import { describe, expect, it } from 'vitest';
import { compileMiniGame, type MiniGameSource } from './compile-minigame';
import { compileAllMiniGames } from './minigame-files';

const env = {
	hash: (text: string) => text.length.toString(16).padStart(8, '0'),
	legalReviewLabel: { ky: 'юрист текшерет', ru: 'проверит юрист', en: 'to be checked by a lawyer' }
};

function texts(extra: Record<string, string> = {}) {
	return {
		texts: {
			title: 'T',
			summary: 'S',
			'how-to-play': 'H',
			'category.gift': 'Gift',
			'category.bribe': 'Bribe',
			'card.flowers': 'Flowers on a holiday',
			'card.flowers.why': 'Open and modest',
			'card.envelope': 'An envelope before the exam',
			'card.envelope.why': '[[law: The law forbids it.]] Money for a grade.',
			'card.cake': 'A cake for a neighbour',
			'card.cake.why': 'Between friends',
			...extra
		}
	};
}

function sortSource(game: Record<string, unknown> = {}, perLocale: Partial<Record<'ky' | 'ru' | 'en', unknown>> = {}): MiniGameSource {
	const structure = {
		id: 'gift-or-bribe',
		type: 'sort',
		sourceLocale: 'ru',
		categories: ['gift', 'bribe'],
		levels: [{ cards: 3, secondsPerCard: 10, passPercent: 50 }],
		cards: [
			{ id: 'flowers', level: 1, answer: 'gift', place: 'school' },
			{ id: 'envelope', level: 1, answer: 'bribe', place: 'school' },
			{ id: 'cake', level: 1, answer: 'gift', place: 'home' }
		],
		...game
	};
	return {
		dir: 'content/minigames/gift-or-bribe',
		documents: new Map<string, { data: unknown }>([
			['game.yaml', { data: structure }],
			['text.ru.yaml', { data: perLocale.ru ?? texts() }],
			['text.ky.yaml', { data: perLocale.ky ?? texts() }],
			['text.en.yaml', { data: perLocale.en ?? texts() }]
		])
	};
}

function problemsOf(source: MiniGameSource) {
	const result = compileMiniGame(source, env);
	return result.ok ? [] : result.problems;
}

describe('compiling a mini-game', () => {
	it('compiles structure and texts, numbering levels and marking legal statements for review', () => {
		const result = compileMiniGame(sortSource(), env);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const { data, listing, legalClaims } = result.game;
		expect(data).toMatchObject({ id: 'gift-or-bribe', type: 'sort', levels: [{ level: 1, cards: 3 }] });
		expect(data.version).toMatch(/^[0-9a-f]{8}$/);
		expect(data.texts.en['card.envelope.why']).toBe('The law forbids it. (to be checked by a lawyer) Money for a grade.');
		expect(legalClaims).toHaveLength(3);
		expect(listing).toMatchObject({ id: 'gift-or-bribe', levels: 1, title: { ky: 'T', ru: 'T', en: 'T' } });
	});

	it('names the file and field of a schema error, an unknown answer and a level short of cards', () => {
		expect(problemsOf(sortSource({ categories: ['gift'] }))[0]).toMatchObject({ file: 'content/minigames/gift-or-bribe/game.yaml', field: 'categories' });
		const problems = problemsOf(
			sortSource({
				levels: [{ cards: 4, secondsPerCard: 10, passPercent: 50 }],
				cards: [
					{ id: 'flowers', level: 1, answer: 'gift', place: 'school' },
					{ id: 'envelope', level: 1, answer: 'maybe', place: 'school' },
					{ id: 'cake', level: 1, answer: 'gift', place: 'home' }
				]
			})
		);
		expect(problems.map((problem) => problem.field)).toEqual(expect.arrayContaining(['cards[1].answer', 'levels[0].cards']));
	});

	it('refuses a missing, empty or unknown text, and a translation that lost a legal mark', () => {
		const missing = texts();
		delete (missing.texts as Record<string, string>)['card.flowers.why'];
		expect(problemsOf(sortSource({}, { ky: missing }))).toEqual([
			{ file: 'content/minigames/gift-or-bribe/text.ky.yaml', field: 'texts.card.flowers.why', reason: 'missing' }
		]);
		expect(problemsOf(sortSource({}, { en: texts({ title: ' ' }) }))[0]?.reason).toBe('empty');
		expect(problemsOf(sortSource({}, { en: texts({ 'card.old': 'x' }) }))[0]?.field).toBe('texts.card.old');
		expect(problemsOf(sortSource({}, { en: texts({ 'card.envelope.why': 'Money for a grade.' }) }))[0]).toMatchObject({
			file: 'content/minigames/gift-or-bribe/text.en.yaml',
			reason: 'has 0 [[law: …]] marks; the source has 1'
		});
	});

	it('refuses a scene whose items overlap, or that hides fewer than three risks', () => {
		const item = (id: string, x: number, risk = true) => ({ id, risk, prop: 'envelope-folder', x, y: 100, r: 30 });
		const spot = (items: unknown[]): MiniGameSource => ({
			dir: 'content/minigames/spot-the-risk',
			documents: new Map([['game.yaml', { data: { id: 'spot-the-risk', type: 'spot', sourceLocale: 'ru', levels: [{ scene: 'school', passPercent: 70, items }] } }]])
		});
		const reasons = (items: unknown[]) => problemsOf(spot(items)).map((problem) => problem.reason);
		expect(reasons([item('a', 50), item('b', 90), item('c', 200), item('d', 300, false)])).toContain(
			'"a" and "b" overlap: a tap could hit either'
		);
		expect(reasons([item('a', 50), item('b', 150), item('d', 300, false)])).toContain('level 1 hides 2 risks; at least 3');
	});

	it('accepts every mini-game in content/', () => {
		const build = compileAllMiniGames(process.cwd());
		expect(build.problems).toEqual([]);
		expect(build.games.map((game) => game.data.id).sort()).toEqual(['gift-or-bribe', 'spot-the-risk']);
		const gift = build.games.find((game) => game.data.id === 'gift-or-bribe')!.data;
		if (gift.type !== 'sort') throw new Error('gift-or-bribe is a sort game');
		expect(gift.cards.length).toBeGreaterThanOrEqual(24);
		expect(new Set(gift.cards.map((card) => card.level))).toEqual(new Set([1, 2, 3]));
	});
});
