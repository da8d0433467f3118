// Small mini-games for unit tests: the shapes of the compiled content, with only what a test needs.
import type { SortRules } from '../../src/lib/games/gift-or-bribe/rules';
import type { SpotRules } from '../../src/lib/games/spot-the-risk/rules';

/** Two levels: three of four cards at level 1, both cards at level 2 (all of them to pass). */
export const sortGame: SortRules = {
	id: 'gift-or-bribe',
	version: 'abcdef12',
	categories: ['gift', 'bribe'],
	levels: [
		{ level: 1, cards: 3, secondsPerCard: 10, passPercent: 70 },
		{ level: 2, cards: 2, secondsPerCard: 5, passPercent: 100 }
	],
	cards: [
		{ id: 'flowers', level: 1, answer: 'gift', place: 'school' },
		{ id: 'envelope', level: 1, answer: 'bribe', place: 'school' },
		{ id: 'cake', level: 1, answer: 'gift', place: 'home' },
		{ id: 'cash-stop', level: 1, answer: 'bribe', place: 'road' },
		{ id: 'wedding-car', level: 2, answer: 'bribe', place: 'celebration' },
		{ id: 'album', level: 2, answer: 'gift', place: 'school' }
	]
};

/** Two scenes: three risks and a safe item at level 1, three risks and one safe at level 2. */
export const spotGame: SpotRules = {
	id: 'spot-the-risk',
	version: 'abcdef12',
	levels: [
		{
			level: 1,
			scene: 'village-office',
			passPercent: 70,
			items: [
				{ id: 'envelope', risk: true, prop: 'envelope-folder', x: 100, y: 100, r: 30 },
				{ id: 'fee-note', risk: true, prop: 'fee-sign', x: 200, y: 100, r: 30 },
				{ id: 'back-door', risk: true, prop: 'side-door-visitor', x: 300, y: 300, r: 36 },
				{ id: 'price-list', risk: false, prop: 'price-list', x: 60, y: 300, r: 30 }
			]
		},
		{
			level: 2,
			scene: 'school',
			passPercent: 100,
			items: [
				{ id: 'board-list', risk: true, prop: 'board-collection', x: 100, y: 100, r: 40 },
				{ id: 'gradebook', risk: true, prop: 'gradebook-envelope', x: 200, y: 250, r: 28 },
				{ id: 'phone-box', risk: true, prop: 'gift-box', x: 300, y: 250, r: 28 },
				{ id: 'flowers', risk: false, prop: 'flowers', x: 250, y: 400, r: 28 }
			]
		}
	]
};
