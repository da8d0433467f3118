CREATE TABLE `change_log` (
	`partition` text NOT NULL,
	`seq` integer NOT NULL,
	`entry_kind` text NOT NULL,
	`entry_key` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`partition`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`person_id` text,
	`course_id` text,
	`type` text NOT NULL,
	`v` integer NOT NULL,
	`device_id` text NOT NULL,
	`device_seq` integer NOT NULL,
	`at` text NOT NULL,
	`received_at` text NOT NULL,
	`clock_offset_ms` integer,
	`pushed_by` text NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_person_course` ON `events` (`person_id`,`course_id`);--> statement-breakpoint
CREATE INDEX `events_subject` ON `events` (`subject_id`);--> statement-breakpoint
CREATE TABLE `held_events` (
	`event_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`pushed_by` text NOT NULL,
	`received_at` text NOT NULL,
	`body` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `held_events_status` ON `held_events` (`status`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `partition_counters` (
	`partition` text PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL
);
