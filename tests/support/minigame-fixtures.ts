// Small mini-games for unit tests: the shapes of the compiled content, with only what a test needs.
import type { SortRules } from '../../src/lib/games/gift-or-bribe/rules';

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
