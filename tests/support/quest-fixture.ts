// A small but complete quest as data (the example of content/quests/README.md), written to a temporary folder;
// tests break one thing at a time.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { contentHash } from '../../src/lib/content/content-files';

export interface QuestFixture {
	quest: Record<string, unknown> & { nodes: Record<string, unknown>[] };
	texts: Record<'ky' | 'ru' | 'en', Record<string, string>>;
	/** Locales whose translatedFrom is computed from the source when written (the default: ky and en). */
	stamp?: ('ky' | 'en' | 'ru')[];
	/** Locales left out (to test a missing file). */
	omit?: ('ky' | 'en' | 'ru')[];
}

const ru: Record<string, string> = {
	title: 'Конверт',
	summary: 'Маленький квест для проверки.',
	'meter.trust': 'Доверие',
	'meter.money': 'Деньги',
	'cast.aigul': 'Айгуль',
	'cast.mother': 'Мама',
	'cast.teacher': 'Учитель',
	'place.classroom': 'Класс',
	'place.home': 'Дом',
	'consequence.rumour': 'Через неделю все знают.',
	intro: 'Конец мая.',
	collect: 'Что ты сделаешь?',
	'collect.pay': 'Сдать 500 сомов',
	'collect.stay-quiet': 'Промолчать',
	'collect.tell-director': 'Рассказать директору',
	'collect.tell-director.locked': 'Нужно доверие',
	'collect.discussion': 'Чем подарок отличается от оплаты?',
	'paid-ending.title': 'Тихий выпуск',
	'paid-ending': 'Ты сдал деньги.',
	'paid-ending.debrief.1': 'Кто проиграл?',
	'paid-ending.debrief.2': 'Что бы ты сделал иначе?',
	'paid-ending.debrief.3': 'Кому можно сказать?',
	'honest-ending.title': 'Честный выпуск',
	'honest-ending': 'Ты не сдал деньги.',
	'honest-ending.debrief.1': 'Чего это стоило?',
	'honest-ending.debrief.2': 'Кто помог?',
	'honest-ending.debrief.3': 'Что дальше?'
};

const translated = (prefix: string) => Object.fromEntries(Object.entries(ru).map(([key, text]) => [key, `${prefix}: ${text}`]));

export function sampleQuest(): QuestFixture {
	return {
		quest: {
			id: 'sample-quest',
			sourceLocale: 'ru',
			ages: [12, 17],
			minutes: 5,
			meters: [
				{ id: 'trust', start: 50, min: 0, max: 100, goodWhen: 'high' },
				{ id: 'money', start: 1000, min: 0, max: 5000, goodWhen: 'high' }
			],
			cast: ['aigul', 'mother', 'teacher'],
			places: ['classroom', 'home'],
			consequences: [{ id: 'rumour', speaker: 'mother', effects: { trust: -10 }, flags: ['rumour-spread'] }],
			start: 'intro',
			nodes: [
				{ id: 'intro', type: 'line', place: 'classroom', characters: ['aigul'], speaker: 'teacher', next: 'collect' },
				{
					id: 'collect',
					type: 'choice',
					place: 'classroom',
					characters: ['aigul'],
					speaker: 'teacher',
					discussion: true,
					timer: { seconds: 20, choice: 'stay-quiet' },
					choices: [
						{ id: 'pay', effects: { money: -500, trust: 5 }, flags: ['paid'], schedule: [{ consequence: 'rumour', after: 1 }], next: 'home' },
						{ id: 'stay-quiet', next: 'home' },
						{
							id: 'tell-director',
							reporting: true,
							when: { meter: 'trust', min: 40 },
							schedule: [{ consequence: 'rumour', at: 'home' }],
							next: 'home'
						}
					]
				},
				{ id: 'home', type: 'branch', routes: [{ when: { flag: 'paid' }, next: 'paid-ending' }, { next: 'honest-ending' }] },
				{ id: 'paid-ending', type: 'ending', place: 'home', characters: ['mother'], tone: 'mixed', debrief: 3 },
				{ id: 'honest-ending', type: 'ending', place: 'home', tone: 'good', debrief: 3 }
			]
		},
		texts: { ru: { ...ru }, ky: translated('KY'), en: translated('EN') }
	};
}

export function writeQuest(fixture: QuestFixture, folder = 'sample-quest'): { root: string; dir: string } {
	const root = mkdtempSync(path.join(tmpdir(), 'taza-quest-'));
	const dir = `content/quests/${folder}`;
	const absolute = path.join(root, dir);
	mkdirSync(absolute, { recursive: true });
	writeFileSync(path.join(absolute, 'quest.yaml'), stringify(fixture.quest));
	const source = fixture.texts.ru;
	for (const locale of ['ky', 'ru', 'en'] as const) {
		if (fixture.omit?.includes(locale)) continue;
		const texts = fixture.texts[locale];
		const stamped = (fixture.stamp ?? ['ky', 'en']).includes(locale);
		const translatedFrom = stamped
			? Object.fromEntries(Object.keys(texts).filter((key) => source[key] !== undefined).map((key) => [key, contentHash(source[key]!)]))
			: undefined;
		writeFileSync(path.join(absolute, `text.${locale}.yaml`), stringify(translatedFrom ? { translatedFrom, texts } : { texts }));
	}
	return { root, dir };
}
