// Guards against paraglide "succeeding" with zero messages (it does when its plugin cannot load) and proves the
// plural forms each language needs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as compiledMessages from '$lib/paraglide/messages';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';

const catalogue = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>;

describe('compiled messages', () => {
	const keys = Object.keys(catalogue('ky')).filter((key) => key !== '$schema');

	it('compiles every message of the catalogue', () => {
		const compiled = Object.keys(compiledMessages).filter(
			(name) => typeof (compiledMessages as Record<string, unknown>)[name] === 'function'
		);
		expect(keys.length).toBeGreaterThan(40);
		expect(compiled.sort()).toEqual([...keys].sort());
	});

	it('uses every message somewhere in the app, so translators never work on dead text', () => {
		const sources: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory() && entry.name !== 'paraglide') walk(full);
				else if (/\.(svelte|ts)$/.test(entry.name) && !entry.name.includes('.spec.')) sources.push(readFileSync(full, 'utf8'));
			}
		};
		walk('src');
		const all = sources.join('\n');
		expect(keys.filter((key) => !new RegExp(`\\bm\\.${key}\\b`).test(all))).toEqual([]);
	});

	it('has Kyrgyz, Russian and English, Kyrgyz first', () => {
		expect(locales).toEqual(['ky', 'ru', 'en']);
	});

	it('renders each locale from its own catalogue', () => {
		for (const locale of locales) {
			expect(m.nav_settings({}, { locale })).toBe(catalogue(locale).nav_settings);
		}
	});
});

describe('plural forms', () => {
	it('inflects Russian nouns after numbers (one, few, many)', () => {
		const label = (count: number) => m.target_teachers_label({ count }, { locale: 'ru' });
		expect([1, 2, 4, 5, 11, 21, 22, 25, 500].map(label)).toEqual([
			'учитель',
			'учителя',
			'учителя',
			'учителей',
			'учителей',
			'учитель',
			'учителя',
			'учителей',
			'учителей'
		]);
		expect(m.target_seminars_label({ count: 20 }, { locale: 'ru' })).toBe('выездных семинаров');
		expect(m.target_seminars_label({ count: 3 }, { locale: 'ru' })).toBe('выездных семинара');
	});

	it('keeps the Kyrgyz noun singular after any number', () => {
		expect([1, 2, 5, 500].map((count) => m.target_teachers_label({ count }, { locale: 'ky' }))).toEqual([
			'мугалим',
			'мугалим',
			'мугалим',
			'мугалим'
		]);
	});

	it('uses one and other in English', () => {
		expect(m.target_products_label({ count: 1 }, { locale: 'en' })).toBe('digital product');
		expect(m.target_products_label({ count: 5 }, { locale: 'en' })).toBe('digital products');
	});
});
