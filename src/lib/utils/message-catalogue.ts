/**
 * Checks the translation catalogues (`messages/{locale}.json`, inlang message format) against each other, so that the
 * build fails on a missing translation instead of paraglide silently falling back to another language.
 */

export type Catalogue = Record<string, unknown>;

export interface CatalogueProblem {
	locale: string;
	key: string;
	reason: string;
}

interface PluralVariant {
	declarations?: unknown;
	selectors?: unknown;
	match?: unknown;
}

const SCHEMA_KEY = '$schema';

function messageKeys(catalogue: Catalogue): string[] {
	return Object.keys(catalogue).filter((key) => key !== SCHEMA_KEY);
}

function checkPluralMessage(locale: string, key: string, value: unknown[]): CatalogueProblem[] {
	const problems: CatalogueProblem[] = [];
	for (const variant of value as PluralVariant[]) {
		const match = variant?.match;
		if (!match || typeof match !== 'object') {
			problems.push({ locale, key, reason: 'a variant message needs a "match" object' });
			continue;
		}
		const cases = Object.entries(match as Record<string, unknown>);
		if (!cases.some(([selector]) => selector.endsWith('=*'))) {
			problems.push({ locale, key, reason: 'a variant message needs a catch-all case ("…=*")' });
		}
		for (const [selector, text] of cases) {
			if (typeof text !== 'string' || text.trim() === '') {
				problems.push({ locale, key, reason: `case ${selector} is empty` });
			}
		}
		const declarations = Array.isArray(variant.declarations) ? variant.declarations.map(String) : [];
		const pluralSelectors = declarations
			.map((declaration) => /^local\s+(\w+)\s*=\s*\w+:\s*plural/.exec(declaration)?.[1])
			.filter((name): name is string => Boolean(name));
		for (const selectorName of pluralSelectors) {
			// Each plural category the language has (besides "other", which "*" covers) needs its own form.
			const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
			const covered = new Set(cases.map(([selector]) => selector));
			const hasCatchAllOnly = cases.every(([selector]) => selector === `${selectorName}=*`);
			if (hasCatchAllOnly) continue; // one form for every number (Kyrgyz nouns do not change after numerals)
			for (const category of categories) {
				if (category === 'other') continue;
				if (!covered.has(`${selectorName}=${category}`)) {
					problems.push({ locale, key, reason: `plural form "${category}" is missing` });
				}
			}
		}
	}
	return problems;
}

/** Every key of every catalogue must exist, non-empty, in every locale; plural messages must cover the locale's forms. */
export function findCatalogueProblems(catalogues: Record<string, Catalogue>): CatalogueProblem[] {
	const problems: CatalogueProblem[] = [];
	const allKeys = new Set(Object.values(catalogues).flatMap(messageKeys));
	for (const [locale, catalogue] of Object.entries(catalogues)) {
		for (const key of allKeys) {
			const value = catalogue[key];
			if (value === undefined) {
				problems.push({ locale, key, reason: 'missing' });
			} else if (typeof value === 'string') {
				if (value.trim() === '') problems.push({ locale, key, reason: 'empty' });
			} else if (Array.isArray(value)) {
				problems.push(...checkPluralMessage(locale, key, value));
			} else {
				problems.push({ locale, key, reason: 'must be a string or a list of variants' });
			}
		}
	}
	return problems;
}

export function describeCatalogueProblems(problems: readonly CatalogueProblem[]): string {
	return problems.map(({ locale, key, reason }) => `messages/${locale}.json: "${key}" — ${reason}`).join('\n');
}
