import type { ContentProblem } from './content-problem.ts';
import { CONTENT_LOCALES, type ContentLocale } from './course.schema.ts';
import { miniGameSchema, miniGameTextFileSchema, type MiniGameStructure } from './minigame.schema.ts';
import type { MiniGameData, MiniGameLegalClaim, MiniGameListing, MiniGameTexts } from './minigame.types.ts';
import { legalClaims } from './render-text.ts';

/** A mini-game folder as read from disk: parsed YAML by path, or the parse error. */
export interface MiniGameSource {
	/** e.g. `content/minigames/gift-or-bribe`, used to name files in problems. */
	dir: string;
	documents: Map<string, { data: unknown } | { error: string }>;
}

export interface MiniGameEnvironment {
	hash: (text: string) => string;
	/** Per locale: the review mark's words, appended to each legal statement. */
	legalReviewLabel: Record<ContentLocale, string>;
}

export interface CompiledMiniGame {
	data: MiniGameData;
	listing: MiniGameListing;
	legalClaims: MiniGameLegalClaim[];
}

export type MiniGameCompileResult = { ok: true; game: CompiledMiniGame } | { ok: false; problems: ContentProblem[] };

const LEGAL_CLAIM = /\[\[law:\s*([\s\S]+?)\]\]/g;

function issuesOf(file: string, error: { issues: { path: PropertyKey[]; message: string }[] }): ContentProblem[] {
	return error.issues.map((issue) => ({
		file,
		field: issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, ''),
		reason: issue.message
	}));
}

function readDocument(source: MiniGameSource, path: string, problems: ContentProblem[]): unknown {
	const document = source.documents.get(path);
	const file = `${source.dir}/${path}`;
	if (!document) problems.push({ file, field: '', reason: 'file is missing' });
	else if ('error' in document) problems.push({ file, field: '', reason: `not valid YAML: ${document.error}` });
	else return document.data;
	return undefined;
}

/** The text keys a game's structure calls for; every locale must have exactly these. */
export function expectedMiniGameKeys(game: MiniGameStructure): string[] {
	const keys = ['title', 'summary', 'how-to-play'];
	if (game.type === 'sort') {
		keys.push(...game.categories.map((category) => `category.${category}`));
		for (const card of game.cards) keys.push(`card.${card.id}`, `card.${card.id}.why`);
	} else {
		for (const scene of new Set(game.levels.map((level) => level.scene))) keys.push(`scene.${scene}`, `scene.${scene}.description`);
		for (const item of game.levels.flatMap((level) => level.items)) keys.push(`item.${item.id}`, `item.${item.id}.why`);
	}
	return keys;
}

function duplicates(ids: readonly string[]): string[] {
	return ids.filter((value, index) => ids.indexOf(value) !== index);
}

/** Rules the schema cannot state: answers in range, enough cards per level, risks apart from each other. */
export function checkMiniGameStructure(game: MiniGameStructure, file: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	if (game.type === 'sort') {
		for (const id of duplicates(game.cards.map((card) => card.id))) problems.push({ file, field: 'cards', reason: `card id "${id}" is used twice` });
		game.cards.forEach((card, index) => {
			if (!game.categories.includes(card.answer)) {
				problems.push({ file, field: `cards[${index}].answer`, reason: `"${card.answer}" is not one of the categories` });
			}
			if (card.level > game.levels.length) problems.push({ file, field: `cards[${index}].level`, reason: `there is no level ${card.level}` });
		});
		game.levels.forEach((level, index) => {
			const pool = game.cards.filter((card) => card.level === index + 1);
			if (pool.length < level.cards) {
				problems.push({ file, field: `levels[${index}].cards`, reason: `level ${index + 1} deals ${level.cards} cards but has ${pool.length}` });
			}
			for (const category of game.categories) {
				if (!pool.some((card) => card.answer === category)) {
					problems.push({ file, field: `levels[${index}]`, reason: `level ${index + 1} has no card whose answer is "${category}"` });
				}
			}
		});
		return problems;
	}
	const items = game.levels.flatMap((level) => level.items);
	for (const id of duplicates(items.map((item) => item.id))) problems.push({ file, field: 'levels', reason: `item id "${id}" is used twice` });
	game.levels.forEach((level, index) => {
		const risks = level.items.filter((item) => item.risk).length;
		if (risks < 3) problems.push({ file, field: `levels[${index}].items`, reason: `level ${index + 1} hides ${risks} risks; at least 3` });
		if (risks === level.items.length) {
			problems.push({ file, field: `levels[${index}].items`, reason: `level ${index + 1} needs at least one item that is not a risk` });
		}
		level.items.forEach((item, i) => {
			for (const other of level.items.slice(i + 1)) {
				if (Math.hypot(item.x - other.x, item.y - other.y) < item.r + other.r) {
					problems.push({ file, field: `levels[${index}].items`, reason: `"${item.id}" and "${other.id}" overlap: a tap could hit either` });
				}
			}
		});
	});
	return problems;
}

function renderPlain(text: string, label: string): string {
	return text.trim().replace(LEGAL_CLAIM, (_, claim: string) => `${claim.trim()} (${label})`);
}

export function compileMiniGame(source: MiniGameSource, env: MiniGameEnvironment): MiniGameCompileResult {
	const problems: ContentProblem[] = [];
	const gameFile = `${source.dir}/game.yaml`;
	const raw = readDocument(source, 'game.yaml', problems);
	if (raw === undefined) return { ok: false, problems };
	const parsed = miniGameSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, problems: issuesOf(gameFile, parsed.error) };
	const game = parsed.data;
	const folder = source.dir.split('/').pop();
	if (game.id !== folder) problems.push({ file: gameFile, field: 'id', reason: `must equal the folder name "${folder}"` });
	problems.push(...checkMiniGameStructure(game, gameFile));

	const expected = expectedMiniGameKeys(game);
	const authored = {} as Record<ContentLocale, Record<string, string>>;
	for (const locale of CONTENT_LOCALES) {
		const file = `${source.dir}/text.${locale}.yaml`;
		const document = readDocument(source, `text.${locale}.yaml`, problems);
		if (document === undefined) continue;
		const result = miniGameTextFileSchema.safeParse(document);
		if (!result.success) {
			problems.push(...issuesOf(file, result.error));
			continue;
		}
		const texts = result.data.texts;
		for (const key of expected) {
			if (!(key in texts)) problems.push({ file, field: `texts.${key}`, reason: 'missing' });
			else if (!texts[key]?.trim()) problems.push({ file, field: `texts.${key}`, reason: 'empty' });
		}
		for (const key of Object.keys(texts)) {
			if (!expected.includes(key)) problems.push({ file, field: `texts.${key}`, reason: 'not used by game.yaml (a typo, or a card that was removed?)' });
		}
		authored[locale] = texts;
	}
	// A translation must keep every legal statement the source marks, so none loses its review mark.
	const sourceTexts = authored[game.sourceLocale];
	if (sourceTexts) {
		for (const locale of CONTENT_LOCALES) {
			const texts = authored[locale];
			if (!texts || locale === game.sourceLocale) continue;
			for (const key of expected) {
				const want = legalClaims(sourceTexts[key] ?? '').length;
				const have = legalClaims(texts[key] ?? '').length;
				if (want !== have) {
					problems.push({ file: `${source.dir}/text.${locale}.yaml`, field: `texts.${key}`, reason: `has ${have} [[law: …]] marks; the source has ${want}` });
				}
			}
		}
	}
	if (problems.length > 0) return { ok: false, problems };

	const claims: MiniGameLegalClaim[] = [];
	const texts = Object.fromEntries(
		CONTENT_LOCALES.map((locale) => {
			const rendered: MiniGameTexts = {};
			for (const key of expected) {
				const text = authored[locale]![key]!;
				for (const claim of legalClaims(text)) claims.push({ gameId: game.id, locale, key, text: claim });
				rendered[key] = renderPlain(text, env.legalReviewLabel[locale]);
			}
			return [locale, rendered];
		})
	) as Record<ContentLocale, MiniGameTexts>;

	const structure = structureOf(game);
	const version = env.hash(JSON.stringify({ structure, texts }));
	const data = { ...structure, id: game.id, version, texts } as MiniGameData;
	const pick = (key: string) => Object.fromEntries(CONTENT_LOCALES.map((locale) => [locale, texts[locale][key]!])) as Record<ContentLocale, string>;
	return {
		ok: true,
		game: {
			data,
			listing: { id: game.id, type: game.type, version, levels: game.levels.length, title: pick('title'), summary: pick('summary') },
			legalClaims: claims
		}
	};
}

/** The structure as the browser needs it: levels numbered, defaults filled in, authoring fields dropped. */
function structureOf(game: MiniGameStructure) {
	if (game.type === 'sort') {
		return {
			type: game.type,
			categories: game.categories,
			levels: game.levels.map((level, index) => ({ level: index + 1, ...level })),
			cards: game.cards
		};
	}
	return { type: game.type, levels: game.levels.map((level, index) => ({ level: index + 1, ...level })) };
}
