import { describe, expect, it } from 'vitest';
import { findCatalogueProblems } from './message-catalogue';

const plural = (match: Record<string, string>) => [
	{ declarations: ['input count', 'local countPlural = count: plural'], selectors: ['countPlural'], match }
];

describe('findCatalogueProblems', () => {
	it('accepts complete catalogues', () => {
		expect(
			findCatalogueProblems({
				ky: { $schema: 'x', hello: 'Салам', teachers: plural({ 'countPlural=*': 'мугалим' }) },
				ru: {
					hello: 'Привет',
					teachers: plural({
						'countPlural=one': 'учитель',
						'countPlural=few': 'учителя',
						'countPlural=many': 'учителей',
						'countPlural=*': 'учителя'
					})
				},
				en: { hello: 'Hello', teachers: plural({ 'countPlural=one': 'teacher', 'countPlural=*': 'teachers' }) }
			})
		).toEqual([]);
	});

	it('names the locale and key of a missing or empty message', () => {
		const problems = findCatalogueProblems({ ky: { hello: 'Салам', bye: 'Кош' }, ru: { hello: 'Привет' }, en: { hello: ' ', bye: 'Bye' } });
		expect(problems).toEqual([
			{ locale: 'ru', key: 'bye', reason: 'missing' },
			{ locale: 'en', key: 'hello', reason: 'empty' }
		]);
	});

	it('requires every Russian plural form once any form is distinguished', () => {
		const problems = findCatalogueProblems({
			ru: { teachers: plural({ 'countPlural=one': 'учитель', 'countPlural=*': 'учителей' }) }
		});
		expect(problems.map((p) => p.reason)).toEqual(['plural form "few" is missing', 'plural form "many" is missing']);
	});

	it('requires a catch-all case', () => {
		const problems = findCatalogueProblems({ en: { teachers: plural({ 'countPlural=one': 'teacher' }) } });
		expect(problems.map((p) => p.reason)).toContain('a variant message needs a catch-all case ("…=*")');
	});
});
