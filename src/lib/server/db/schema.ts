import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
	displayName: text('display_name'),
	/** A phone number as given, for telling duplicates apart (issue #7); personal data like the name. */
	phone: text('phone')
});

export const accounts = sqliteTable('accounts', {
	id: text('id').primaryKey(),
	personId: text('person_id')
		.notNull()
		.unique()
		.references(() => people.id),
	passwordHash: text('password_hash').notNull(),
	passwordChangedAt: text('password_changed_at').notNull(),
	/** Set when someone else reset the password: the holder chooses their own at the next sign-in. */
	mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
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
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: text('id').primaryKey(),
		at: text('at').notNull(),
		actorAccountId: text('actor_account_id'),
		action: text('action').notNull(),
		subjectPersonId: text('subject_person_id'),
		/** Where it happened (an organisation, a class), so each administrator can read the entries of their scope. */
		scopeKind: text('scope_kind', { enum: ['programme', 'organisation', 'class', 'school', 'seminar'] }),
		scopeId: text('scope_id'),
		details: text('details', { mode: 'json' })
	},
	(table) => [index('audit_log_at').on(table.at), index('audit_log_scope').on(table.scopeKind, table.scopeId, table.at)]
);

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
	reason: text('reason', { enum: ['guest-merged-at-sign-in', 'merged-by-admin'] }).notNull(),
	createdAt: text('created_at').notNull(),
	/** The account that merged the two people; null for a guest id taken over at sign-in. */
	createdBy: text('created_by')
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
export const memberships = sqliteTable(
	'memberships',
	{
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
	},
	(table) => [index('memberships_scope').on(table.scopeKind, table.scopeId, table.role), index('memberships_person').on(table.personId)]
);

/**
 * A course a class or an organisation must take, by when. Withdrawn, not deleted: a compliance report of last
 * quarter must still be reproducible.
 */
export const courseAssignments = sqliteTable(
	'course_assignments',
	{
		id: text('id').primaryKey(),
		scopeKind: text('scope_kind', { enum: ['organisation', 'class'] }).notNull(),
		scopeId: text('scope_id').notNull(),
		courseId: text('course_id').notNull(),
		/** A calendar date (YYYY-MM-DD) in Kyrgyzstan's time; a class assignment may have none. */
		dueOn: text('due_on'),
		assignedBy: text('assigned_by').notNull(),
		assignedAt: text('assigned_at').notNull(),
		withdrawnAt: text('withdrawn_at'),
		withdrawnBy: text('withdrawn_by')
	},
	(table) => [index('course_assignments_scope').on(table.scopeKind, table.scopeId)]
);

/**
 * The server's copy of each learner's course summary (the same fold as on the device), maintained by sync in the
 * ingest transaction. Reports — the class grid, compliance — read these rows, never the events.
 */
export const courseSummaries = sqliteTable(
	'course_summaries',
	{
		personId: text('person_id').notNull(),
		courseId: text('course_id').notNull(),
		ruleVersion: integer('rule_version').notNull(),
		summary: text('summary', { mode: 'json' }).notNull(),
		/** When the course was first mastered under the current rule, for "completed on" columns without parsing JSON. */
		completedAt: text('completed_at'),
		updatedAt: text('updated_at').notNull()
	},
	(table) => [primaryKey({ columns: [table.personId, table.courseId] })]
);

/**
 * Every event a device pushed and the server accepted, stored exactly as sent (`body`) under its own id, so a
 * resend is a no-op (DESIGN §4, G3). Old versions are upgraded when read, never rewritten here.
 */
export const events = sqliteTable(
	'events',
	{
		id: text('id').primaryKey(),
		subjectKind: text('subject_kind', { enum: ['learner', 'class', 'seminar'] }).notNull(),
		subjectId: text('subject_id').notNull(),
		/** The person the event counts for at ingest: the subject, or the person its id is an alias of. */
		personId: text('person_id'),
		/** The course a course event is about, so a summary can be rebuilt from its own events alone. */
		courseId: text('course_id'),
		type: text('type').notNull(),
		v: integer('v').notNull(),
		deviceId: text('device_id').notNull(),
		deviceSeq: integer('device_seq').notNull(),
		at: text('at').notNull(),
		receivedAt: text('received_at').notNull(),
		/** Server receipt time minus the device's clock when it sent the batch: how wrong that device's `at` may be. */
		clockOffsetMs: integer('clock_offset_ms'),
		pushedBy: text('pushed_by').notNull(),
		body: text('body').notNull()
	},
	(table) => [index('events_person_course').on(table.personId, table.courseId), index('events_subject').on(table.subjectId)]
);

/**
 * Events the server did not apply: `deferred` (they depend on something not known yet, such as a registration, and
 * are resolved here later) or `rejected` (kept for review, with the reason). Nothing a device sends is dropped.
 */
export const heldEvents = sqliteTable(
	'held_events',
	{
		eventId: text('event_id').primaryKey(),
		status: text('status', { enum: ['deferred', 'rejected'] }).notNull(),
		reason: text('reason').notNull(),
		pushedBy: text('pushed_by').notNull(),
		receivedAt: text('received_at').notNull(),
		body: text('body').notNull(),
		resolvedAt: text('resolved_at')
	},
	(table) => [index('held_events_status').on(table.status, table.resolvedAt)]
);

/** The last sequence number given in each partition's change log; sequences come from here, never from commit order. */
export const partitionCounters = sqliteTable('partition_counters', {
	partition: text('partition').primaryKey(),
	lastSeq: integer('last_seq').notNull()
});

/**
 * What changed in each partition (a learner, a class, an organisation), in the order the server numbered it. A device
 * pulls each partition it may read from its own cursor; an entry names what to fetch, the newest state is sent.
 */
export const changeLog = sqliteTable(
	'change_log',
	{
		partition: text('partition').notNull(),
		seq: integer('seq').notNull(),
		entryKind: text('entry_kind', { enum: ['course-summary'] }).notNull(),
		/** For a course summary: `<personId> <courseId>`. */
		entryKey: text('entry_key').notNull(),
		at: text('at').notNull()
	},
	(table) => [primaryKey({ columns: [table.partition, table.seq] })]
);

/**
 * "What others chose": how many plays took each option at each quest decision, counted in the ingest transaction from
 * `quest.choice` events (each stored once, so a resent event never counts twice). Counts only — no person, no class.
 */
export const questChoiceCounts = sqliteTable(
	'quest_choice_counts',
	{
		questId: text('quest_id').notNull(),
		nodeId: text('node_id').notNull(),
		choiceId: text('choice_id').notNull(),
		count: integer('count').notNull()
	},
	(table) => [primaryKey({ columns: [table.questId, table.nodeId, table.choiceId] })]
);

/** How many plays of each quest began (`quest.started`), the denominator shown beside the choice shares. */
export const questPlayCounts = sqliteTable('quest_play_counts', {
	questId: text('quest_id').primaryKey(),
	plays: integer('plays').notNull()
});

/**
 * Schools: reference data imported by a programme administrator (region, district, rural or not), so "teachers of
 * rural schools" is counted, not guessed (DESIGN §6). A teacher belongs to a school through a `teacher` membership
 * scoped to `school:<code>`, with dates, so a move keeps history right.
 */
export const schools = sqliteTable(
	'schools',
	{
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		district: text('district').notNull(),
		rural: integer('rural', { mode: 'boolean' }).notNull(),
		createdAt: text('created_at').notNull(),
		updatedAt: text('updated_at').notNull()
	},
	(table) => [index('schools_region').on(table.regionCode, table.district)]
);

/**
 * A traveling seminar of teacher training (issue #7): where, when, for how many, under which programme and completion
 * rule. Its trainers and participants are memberships scoped to `seminar:<id>`, with dates.
 */
export const seminars = sqliteTable(
	'seminars',
	{
		id: text('id').primaryKey(),
		/** The training programme: the course id of its module (the final test and the assignment belong to it). */
		programmeId: text('programme_id').notNull(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		/** The regional centre or town, and the venue in it. */
		centre: text('centre').notNull(),
		venue: text('venue').notNull(),
		/** Kyrgyzstan calendar days (YYYY-MM-DD). */
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on').notNull(),
		capacity: integer('capacity').notNull(),
		/** The completion rule in force for this seminar (training/completion.ts), so a later change never rewrites a figure. */
		completionRule: text('completion_rule', { mode: 'json' }).notNull(),
		/**
		 * Base64url key the seminar's trainers' devices sign session check-in tokens with, offline (training/session-token.ts).
		 * A secret: sent only to this seminar's trainers.
		 */
		checkInKey: text('check_in_key').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: text('created_at').notNull(),
		cancelledAt: text('cancelled_at')
	},
	(table) => [index('seminars_region').on(table.regionCode, table.startsOn)]
);

/** The sessions a seminar holds, in order, each on a day: attendance is counted against these. */
export const seminarSessions = sqliteTable(
	'seminar_sessions',
	{
		seminarId: text('seminar_id')
			.notNull()
			.references(() => seminars.id),
		/** The module's session (a lesson id of the programme's course). */
		sessionId: text('session_id').notNull(),
		ordinal: integer('ordinal').notNull(),
		heldOn: text('held_on').notNull()
	},
	(table) => [primaryKey({ columns: [table.seminarId, table.sessionId] })]
);

/**
 * Signed certificates (docs/certificates.md): one per person, kind, achievement and content version, so asking again
 * gives the same certificate. `credential` is the Open Badges 3.0 credential as signed (VC-JWT) and `qr_token` the
 * compact token the QR code carries; both hold the recipient's name, so erasing the person empties them while the
 * row (and a revocation) stays answerable.
 */
export const certificates = sqliteTable(
	'certificates',
	{
		id: text('id').primaryKey(),
		personId: text('person_id')
			.notNull()
			.references(() => people.id),
		kind: text('kind', { enum: ['course', 'training'] }).notNull(),
		/** The course id or the training programme id. */
		achievementId: text('achievement_id').notNull(),
		/** The content version it was earned on. */
		version: text('version').notNull(),
		locale: text('locale').notNull(),
		issuedAt: text('issued_at').notNull(),
		/** The account that issued it (a trainer for a training certificate); null when the learner asked for their own. */
		issuedBy: text('issued_by'),
		keyId: text('key_id').notNull(),
		credential: text('credential'),
		qrToken: text('qr_token'),
		revokedAt: text('revoked_at'),
		revokedBy: text('revoked_by'),
		/** A code from a closed list (the status answer is public); any explanation stays in the audit log. */
		reason: text('reason', { enum: ['issued-in-error', 'obtained-improperly', 'superseded', 'other'] })
	},
	(table) => [uniqueIndex('certificates_achievement').on(table.personId, table.kind, table.achievementId, table.version)]
);

/**
 * People a trainer created on the spot, offline (issue #7): no credentials until the server binds them to an account
 * or an administrator merges them with an existing person. Name and phone are in person_details like anyone's.
 */
export const provisionalPeople = sqliteTable('provisional_people', {
	personId: text('person_id')
		.primaryKey()
		.references(() => people.id),
	seminarId: text('seminar_id').notNull(),
	createdBy: text('created_by').notNull(),
	createdAt: text('created_at').notNull(),
	/** When the person got credentials of their own. */
	boundAt: text('bound_at')
});

/**
 * Two people who may be one (same phone, or same name and school), for a programme administrator to merge or dismiss.
 * Flagged when a registration arrives; a merge is an alias, audited and undoable (DESIGN §4).
 */
export const duplicateFlags = sqliteTable(
	'duplicate_flags',
	{
		id: text('id').primaryKey(),
		/** The person registered later (often provisional): the one a merge folds into the other. */
		personId: text('person_id').notNull(),
		otherPersonId: text('other_person_id').notNull(),
		reason: text('reason', { enum: ['same-phone', 'same-name-and-school'] }).notNull(),
		createdAt: text('created_at').notNull(),
		resolvedAt: text('resolved_at'),
		resolution: text('resolution', { enum: ['merged', 'dismissed'] }),
		resolvedBy: text('resolved_by')
	},
	(table) => [uniqueIndex('duplicate_flags_pair').on(table.personId, table.otherPersonId)]
);

/**
 * Each participant's training record at a seminar, folded at ingest from their events (training/completion.ts), so
 * the targets view reads figures without scanning events (DESIGN §7). `completed_at` is when the rule was first met.
 */
export const trainingRecords = sqliteTable(
	'training_records',
	{
		personId: text('person_id').notNull(),
		seminarId: text('seminar_id').notNull(),
		programmeId: text('programme_id').notNull(),
		ruleVersion: integer('rule_version').notNull(),
		attended: integer('attended').notNull(),
		required: integer('required').notNull(),
		bestTestPercent: integer('best_test_percent'),
		assignment: text('assignment', { enum: ['none', 'submitted', 'accepted', 'returned'] }).notNull(),
		/** The folded record and completion, for the trainer's roster and the audit of a figure. */
		detail: text('detail', { mode: 'json' }).notNull(),
		completedAt: text('completed_at'),
		updatedAt: text('updated_at').notNull()
	},
	(table) => [primaryKey({ columns: [table.personId, table.seminarId] }), index('training_records_seminar').on(table.seminarId)]
);
