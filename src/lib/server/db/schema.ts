import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about this database itself (when reference data was last written, which seeds ran). */
export const appMeta = sqliteTable('app_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/** The country's regions and cities of republican significance: reference data for schools, seminars and reports. */
export const regions = sqliteTable('regions', {
	code: text('code').primaryKey(),
	nameKy: text('name_ky').notNull(),
	nameRu: text('name_ru').notNull(),
	nameEn: text('name_en').notNull(),
	sortOrder: integer('sort_order').notNull()
});

/** The programme's stated targets, so that reports compare live figures with what the action plan asks. */
export const programmeTargets = sqliteTable('programme_targets', {
	code: text('code').primaryKey(),
	measure: integer('measure').notNull(),
	target: integer('target').notNull(),
	year: integer('year').notNull()
});
