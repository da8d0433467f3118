import type { programmeTargets, regions } from './schema';

/** Region names as the action plan and official usage write them (shared/seed/SUMMARY.md). */
export const REGIONS: (typeof regions.$inferInsert)[] = [
	{ code: 'bishkek', nameKy: 'Бишкек шаары', nameRu: 'город Бишкек', nameEn: 'Bishkek city', sortOrder: 1 },
	{ code: 'osh-city', nameKy: 'Ош шаары', nameRu: 'город Ош', nameEn: 'Osh city', sortOrder: 2 },
	{ code: 'batken', nameKy: 'Баткен облусу', nameRu: 'Баткенская область', nameEn: 'Batken region', sortOrder: 3 },
	{ code: 'chui', nameKy: 'Чүй облусу', nameRu: 'Чуйская область', nameEn: 'Chüy region', sortOrder: 4 },
	{ code: 'jalal-abad', nameKy: 'Жалал-Абад облусу', nameRu: 'Джалал-Абадская область', nameEn: 'Jalal-Abad region', sortOrder: 5 },
	{ code: 'naryn', nameKy: 'Нарын облусу', nameRu: 'Нарынская область', nameEn: 'Naryn region', sortOrder: 6 },
	{ code: 'osh', nameKy: 'Ош облусу', nameRu: 'Ошская область', nameEn: 'Osh region', sortOrder: 7 },
	{ code: 'talas', nameKy: 'Талас облусу', nameRu: 'Таласская область', nameEn: 'Talas region', sortOrder: 8 },
	{ code: 'issyk-kul', nameKy: 'Ысык-Көл облусу', nameRu: 'Иссык-Кульская область', nameEn: 'Issyk-Kul region', sortOrder: 9 }
];

/** Measure 5 of the 2026–2027 action plan: "at least" figures. */
export const PROGRAMME_TARGETS: (typeof programmeTargets.$inferInsert)[] = [
	{ code: 'digital-products', measure: 5, target: 5, year: 2026 },
	{ code: 'traveling-seminars', measure: 5, target: 20, year: 2026 },
	{ code: 'teachers-trained', measure: 5, target: 500, year: 2026 }
];
