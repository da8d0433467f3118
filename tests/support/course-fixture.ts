// A small but complete course as data, written to a temporary folder; tests break one thing at a time.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { contentHash } from '../../src/lib/content/content-files';

export interface CourseFixture {
	course: Record<string, unknown>;
	lessons: Record<string, Record<string, unknown>>;
	bank?: Record<string, unknown>;
	texts: Record<'ky' | 'ru' | 'en', Record<string, string>>;
	media: Record<string, string>;
	/** Locales whose translatedFrom is computed from the source when written (the default: ky and en). */
	stamp?: ('ky' | 'en' | 'ru')[];
	/** `assignment.yaml`, when the course has a practical assignment (its texts go in `texts`). */
	assignment?: Record<string, unknown>;
	/** `facilitator/`: guides by file name, and their texts per locale (stamped like the course's). */
	facilitator?: { guides: Record<string, Record<string, unknown>>; texts: Partial<Record<'ky' | 'ru' | 'en', Record<string, string>>> };
}

const ruTexts: Record<string, string> = {
	title: 'Пробный курс',
	summary: 'Курс для проверки компилятора.',
	'lesson.basics.title': 'Основы',
	'lesson.basics.summary': 'Первый урок.',
	'basics-intro': 'Коррупция — это **злоупотребление** властью. [[law: Закон «О противодействии коррупции» подписан в феврале 2026 года.]]\n\nСм. [официальные каналы](taza:reporting-channels).',
	'basics-picture.alt': 'Весы',
	'basics-pick.prompt': 'Что из этого взятка?',
	'basics-pick.flowers': 'Цветы учителю в праздник',
	'basics-pick.envelope': 'Конверт перед экзаменом',
	'basics-pick.explanation': 'Конверт дают в обмен на решение.',
	'basics-many.prompt': 'Что помогает?',
	'basics-many.declare': 'Заявить о конфликте',
	'basics-many.hide': 'Промолчать',
	'basics-many.step-aside': 'Отстраниться от решения',
	'basics-many.explanation': 'Заявить и отстраниться.',
	'basics-tf.prompt': 'Подарок за решение — это нормально.',
	'basics-tf.explanation': 'Нет: это вознаграждение за решение.',
	'basics-match.prompt': 'Сопоставьте.',
	'basics-match.gift': 'Подарок',
	'basics-match.gift-meaning': 'Без условий',
	'basics-match.bribe': 'Взятка',
	'basics-match.bribe-meaning': 'В обмен на решение',
	'basics-match.explanation': 'Разница — в обмене.',
	'basics-order.prompt': 'Порядок действий.',
	'basics-order.notice': 'Заметить',
	'basics-order.declare': 'Заявить',
	'basics-order.step-aside': 'Отстраниться',
	'basics-order.explanation': 'Сначала заметить.',
	'basics-dilemma.prompt': 'Вам предлагают конверт.',
	'basics-dilemma.take': 'Взять',
	'basics-dilemma.take.consequence': 'Решение куплено.',
	'basics-dilemma.take.why': 'Это взятка.',
	'basics-dilemma.refuse': 'Отказаться',
	'basics-dilemma.refuse.consequence': 'Решение честное.',
	'basics-dilemma.refuse.why': 'Так правильно.',
	'bank-one.prompt': 'Взятка — это подарок?',
	'bank-one.explanation': 'Нет.',
	'bank-two.prompt': 'Что делать при конфликте интересов?',
	'bank-two.declare': 'Заявить',
	'bank-two.hide': 'Скрыть',
	'bank-two.explanation': 'Заявить.'
};

const translate = (prefix: string) =>
	Object.fromEntries(Object.entries(ruTexts).map(([key, text]) => [key, text.includes('[[law:') ? `${prefix} [[law: ${prefix} law]]` : `${prefix}: ${text}`]));

export function sampleCourse(): CourseFixture {
	return {
		course: {
			id: 'sample-course',
			sourceLocale: 'ru',
			audiences: ['civil-servants'],
			mandatory: true,
			lessons: ['basics'],
			quiz: { draw: 2, passPercent: 50, attempts: 2 },
			mastery: { rule: 'quiz-passed' }
		},
		lessons: {
			basics: {
				id: 'basics',
				minutes: 6,
				blocks: [
					{ id: 'basics-intro', type: 'text' },
					{ id: 'basics-picture', type: 'image', src: 'media/scale.svg' },
					{ id: 'basics-pick', type: 'single-choice', options: ['flowers', 'envelope'], correct: 'envelope' },
					{ id: 'basics-many', type: 'multiple-choice', options: ['declare', 'hide', 'step-aside'], correct: ['declare', 'step-aside'] },
					{ id: 'basics-tf', type: 'true-false', correct: false },
					{ id: 'basics-match', type: 'matching', pairs: [['gift', 'gift-meaning'], ['bribe', 'bribe-meaning']] },
					{ id: 'basics-order', type: 'ordering', order: ['notice', 'declare', 'step-aside'] },
					{
						id: 'basics-dilemma',
						type: 'dilemma',
						choices: [
							{ id: 'take', outcome: 'harmful' },
							{ id: 'refuse', outcome: 'best' }
						]
					}
				]
			}
		},
		bank: {
			questions: [
				{ id: 'bank-one', type: 'true-false', correct: false, lesson: 'basics' },
				{ id: 'bank-two', type: 'single-choice', options: ['declare', 'hide'], correct: 'declare' }
			]
		},
		texts: { ru: { ...ruTexts }, ky: translate('KY'), en: translate('EN') },
		media: { 'media/scale.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>' }
	};
}

const ruGuideTexts: Record<string, string> = {
	intro: 'Руководства для тренеров.',
	'basics.goals': 'Участники отличают подарок от взятки. [[law: Закон «О противодействии коррупции» подписан в феврале 2026 года.]]',
	'basics.preparation': 'Распечатайте карточки.',
	'basics.material.cards': 'Карточки',
	'basics.material.flipchart': 'Флипчарт',
	'basics.step.opening.title': 'Открытие',
	'basics.step.opening': 'Представьтесь.',
	'basics.step.opening.question.expect': 'Чего вы ждёте?',
	'basics.step.groups.title': 'Работа в группах',
	'basics.step.groups': 'Разложите карточки.',
	'basics.step.groups.question.why': 'Почему так?',
	'basics.step.groups.question.other': 'А как иначе?',
	'basics.pitfall.lecture': 'Не читайте лекцию.',
	'basics.no-projector.print': 'Распечатайте тексты.'
};

/** A practical assignment and facilitator guide for the sample course's one lesson, sound in every locale. */
export function withFacilitator(fixture: CourseFixture = sampleCourse()): CourseFixture {
	const assignmentTexts: Record<string, string> = {
		'assignment.title': 'Задание',
		'assignment.instructions': 'Составьте план урока.',
		'assignment.plan.topic': 'Тема',
		'assignment.plan.topic.hint': 'Например: подарок или взятка',
		'assignment.reflection.intro': 'Ответьте честно.',
		'assignment.reflection.what-worked': 'Что сработало?',
		'assignment.photos': 'Без лиц детей.',
		'assignment.criteria.intro': 'Критерии приёма.',
		'assignment.criteria.goals': 'Цели конкретны'
	};
	const prefixed = (prefix: string, texts: Record<string, string>) =>
		Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, text.includes('[[law:') ? `${prefix} [[law: ${prefix} law]]` : `${prefix}: ${text}`]));
	return {
		...fixture,
		course: { ...fixture.course, lessons: ['basics'] },
		lessons: { basics: { ...fixture.lessons.basics!, minutes: 45 } },
		texts: {
			ru: { ...fixture.texts.ru, ...assignmentTexts },
			ky: { ...fixture.texts.ky, ...prefixed('KY', assignmentTexts) },
			en: { ...fixture.texts.en, ...prefixed('EN', assignmentTexts) }
		},
		assignment: {
			plan: [{ id: 'topic', kind: 'line' }],
			reflection: ['what-worked'],
			photos: { min: 1, max: 3 },
			criteria: [{ id: 'goals', required: true }]
		},
		facilitator: {
			guides: {
				basics: {
					session: 'basics',
					minutes: 45,
					materials: ['cards', 'flipchart'],
					steps: [
						{ id: 'opening', minutes: 10, format: 'plenary', lessonBlocks: ['basics-intro'], questions: ['expect'] },
						{ id: 'groups', minutes: 35, format: 'groups', lessonBlocks: ['basics-pick', 'basics-dilemma'], questions: ['why', 'other'] }
					],
					pitfalls: ['lecture'],
					noProjector: ['print']
				}
			},
			texts: { ru: { ...ruGuideTexts }, ky: prefixed('KY', ruGuideTexts), en: prefixed('EN', ruGuideTexts) }
		}
	};
}

/** Writes the fixture as `<root>/content/courses/<folder>` and returns root and folder. */
export function writeCourse(fixture: CourseFixture, folder = 'sample-course'): { root: string; dir: string } {
	const root = mkdtempSync(path.join(tmpdir(), 'taza-content-'));
	const dir = `content/courses/${folder}`;
	const absolute = path.join(root, dir);
	mkdirSync(path.join(absolute, 'lessons'), { recursive: true });
	mkdirSync(path.join(absolute, 'media'), { recursive: true });
	writeFileSync(path.join(absolute, 'course.yaml'), stringify(fixture.course));
	for (const [name, lesson] of Object.entries(fixture.lessons)) writeFileSync(path.join(absolute, `lessons/${name}.yaml`), stringify(lesson));
	if (fixture.bank) writeFileSync(path.join(absolute, 'bank.yaml'), stringify(fixture.bank));
	const sourceLocale = String(fixture.course.sourceLocale);
	writeTexts(absolute, fixture.texts, sourceLocale, fixture.stamp);
	for (const [file, body] of Object.entries(fixture.media)) writeFileSync(path.join(absolute, file), body);
	if (fixture.assignment) writeFileSync(path.join(absolute, 'assignment.yaml'), stringify(fixture.assignment));
	if (fixture.facilitator) {
		mkdirSync(path.join(absolute, 'facilitator'), { recursive: true });
		for (const [name, guide] of Object.entries(fixture.facilitator.guides)) {
			writeFileSync(path.join(absolute, `facilitator/${name}.yaml`), stringify(guide));
		}
		writeTexts(path.join(absolute, 'facilitator'), fixture.facilitator.texts, sourceLocale, fixture.stamp);
	}
	return { root, dir };
}

function writeTexts(
	folder: string,
	texts: Partial<Record<'ky' | 'ru' | 'en', Record<string, string>>>,
	sourceLocale: string,
	stamp: CourseFixture['stamp']
): void {
	const source = texts[sourceLocale as 'ru'] ?? {};
	for (const [locale, localeTexts] of Object.entries(texts)) {
		const stamped = (stamp ?? ['ky', 'en', 'ru']).includes(locale as 'ky') && locale !== sourceLocale;
		const translatedFrom = stamped
			? Object.fromEntries(Object.keys(localeTexts).filter((key) => source[key] !== undefined).map((key) => [key, contentHash(source[key]!)]))
			: undefined;
		writeFileSync(path.join(folder, `text.${locale}.yaml`), stringify({ ...(translatedFrom ? { translatedFrom } : {}), texts: localeTexts }));
	}
}
