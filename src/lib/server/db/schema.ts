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

/**
 * A person, by a pseudonymous id only. Events and memberships name this id; what identifies the person (name,
 * phone) lives in person_details, so it can be exported or erased without touching their learning record.
 * A guest learner's id, made on their device, becomes the person id when their account adopts it.
 */
export const people = sqliteTable('people', {
	id: text('id').primaryKey(),
	createdAt: text('created_at').notNull(),
	erasedAt: text('erased_at')
});

/** Personal data, kept apart so that erasure is one delete. */
export const personDetails = sqliteTable('person_details', {
	personId: text('person_id')
		.primaryKey()
		.references(() => people.id, { onDelete: 'cascade' }),
	displayName: text('display_name')
});

export const accounts = sqliteTable('accounts', {
	id: text('id').primaryKey(),
	personId: text('person_id')
		.notNull()
		.unique()
		.references(() => people.id),
	passwordHash: text('password_hash').notNull(),
	passwordChangedAt: text('password_changed_at').notNull(),
	failedSignIns: integer('failed_sign_ins').notNull().default(0),
	lastFailedSignInAt: text('last_failed_sign_in_at'),
	createdAt: text('created_at').notNull()
});

/**
 * How a person signs in: a phone number (personal data, so here and erasable), a username, or — for a child who
 * joined a class — their place in that class. Normalised.
 */
export const loginNames = sqliteTable('login_names', {
	login: text('login').primaryKey(),
	kind: text('kind', { enum: ['phone', 'username', 'class-member'] }).notNull(),
	accountId: text('account_id')
		.notNull()
		.references(() => accounts.id, { onDelete: 'cascade' })
});

/** Sessions and per-profile device tokens. Only a hash of the token is stored: a copied database signs no one in. */
export const sessions = sqliteTable('sessions', {
	id: text('id').primaryKey(),
	accountId: text('account_id')
		.notNull()
		.references(() => accounts.id, { onDelete: 'cascade' }),
	tokenHash: text('token_hash').notNull().unique(),
	kind: text('kind', { enum: ['cookie', 'profile'] }).notNull(),
	createdAt: text('created_at').notNull(),
	expiresAt: text('expires_at').notNull(),
	revokedAt: text('revoked_at')
});

/** Who did what to whom, and when: role changes, resets, imports, erasures, password changes. */
export const auditLog = sqliteTable('audit_log', {
	id: text('id').primaryKey(),
	at: text('at').notNull(),
	actorAccountId: text('actor_account_id'),
	action: text('action').notNull(),
	subjectPersonId: text('subject_person_id'),
	details: text('details', { mode: 'json' })
});

/** A browser profile that has talked to the server; it proves itself with a secret it made (stored hashed). */
export const devices = sqliteTable('devices', {
	id: text('id').primaryKey(),
	secretHash: text('secret_hash').notNull(),
	enrolledAt: text('enrolled_at').notNull()
});

/** Guest learner ids a device made and claimed first: the proof an account needs to adopt one. */
export const guestLearners = sqliteTable('guest_learners', {
	learnerId: text('learner_id').primaryKey(),
	deviceId: text('device_id')
		.notNull()
		.references(() => devices.id),
	claimedAt: text('claimed_at').notNull()
});

/**
 * Another id the same person is known by: a guest id merged into an existing account when its owner signed in on the
 * device that made it. Events are never rewritten; aliases are applied when they are read and counted.
 */
export const personAliases = sqliteTable('person_aliases', {
	aliasId: text('alias_id').primaryKey(),
	personId: text('person_id')
		.notNull()
		.references(() => people.id),
	reason: text('reason', { enum: ['guest-merged-at-sign-in'] }).notNull(),
	createdAt: text('created_at').notNull()
});

/** Ministries, agencies and municipalities, each in a region: they assign mandatory courses to their staff. */
export const organisations = sqliteTable('organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	kind: text('kind', { enum: ['ministry', 'agency', 'municipality', 'other'] }).notNull(),
	regionCode: text('region_code')
		.notNull()
		.references(() => regions.code),
	createdAt: text('created_at').notNull()
});

/** A teacher's class; children join it with its code. */
export const classes = sqliteTable('classes', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	joinCode: text('join_code').notNull().unique(),
	createdAt: text('created_at').notNull()
});

/**
 * Who is what, where, and when (DESIGN §6): a role in a scope with valid-from and valid-to dates, so a new school
 * year or a move between agencies keeps history right. Scopes are checked against the date of the action.
 */
export const memberships = sqliteTable('memberships', {
	id: text('id').primaryKey(),
	personId: text('person_id')
		.notNull()
		.references(() => people.id),
	role: text('role', { enum: ['learner', 'teacher', 'trainer', 'org-admin', 'programme-admin'] }).notNull(),
	scopeKind: text('scope_kind', { enum: ['programme', 'organisation', 'class', 'school', 'seminar'] }).notNull(),
	scopeId: text('scope_id').notNull(),
	validFrom: text('valid_from').notNull(),
	validTo: text('valid_to'),
	createdAt: text('created_at').notNull(),
	createdBy: text('created_by')
});
