import { describe, expect, it } from 'vitest';
import { localeFromPathname, pickPreferredLocale, switchPathLocale, withoutTrailingSlash } from './locale-path';

const locales = ['ky', 'ru', 'en'] as const;

describe('locale paths', () => {
	it('reads the locale from the first segment only', () => {
		expect(localeFromPathname('/ru/settings', locales)).toBe('ru');
		expect(localeFromPathname('/ky', locales)).toBe('ky');
		expect(localeFromPathname('/settings/ru', locales)).toBeUndefined();
		expect(localeFromPathname('/', locales)).toBeUndefined();
		expect(localeFromPathname('/kyz/x', locales)).toBeUndefined();
	});

	it('switches the locale and keeps the rest of the path', () => {
		expect(switchPathLocale('/ru/settings', 'en', locales)).toBe('/en/settings');
		expect(switchPathLocale('/ky', 'ru', locales)).toBe('/ru');
		expect(switchPathLocale('/ky/', 'ru', locales)).toBe('/ru');
		expect(switchPathLocale('/', 'ky', locales)).toBe('/ky');
		expect(switchPathLocale('/settings', 'ky', locales)).toBe('/ky/settings');
	});

	it('takes the first supported browser language, region ignored, Kyrgyz when none fits', () => {
		expect(pickPreferredLocale(['de-DE', 'ru-RU', 'en'], locales, 'ky')).toBe('ru');
		expect(pickPreferredLocale(['EN-gb'], locales, 'ky')).toBe('en');
		expect(pickPreferredLocale(['de', 'fr'], locales, 'ky')).toBe('ky');
		expect(pickPreferredLocale([], locales, 'ky')).toBe('ky');
	});

	it('treats /ru/ and /ru as one page', () => {
		expect(withoutTrailingSlash('/ru/')).toBe('/ru');
		expect(withoutTrailingSlash('/ru/settings//')).toBe('/ru/settings');
		expect(withoutTrailingSlash('/')).toBe('/');
	});
});
