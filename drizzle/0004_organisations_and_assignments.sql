CREATE TABLE `course_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`scope_kind` text NOT NULL,
	`scope_id` text NOT NULL,
	`course_id` text NOT NULL,
	`due_on` text,
	`assigned_by` text NOT NULL,
	`assigned_at` text NOT NULL,
	`withdrawn_at` text,
	`withdrawn_by` text
);
--> statement-breakpoint
CREATE INDEX `course_assignments_scope` ON `course_assignments` (`scope_kind`,`scope_id`);--> statement-breakpoint
CREATE TABLE `course_summaries` (
	`person_id` text NOT NULL,
	`course_id` text NOT NULL,
	`rule_version` integer NOT NULL,
	`summary` text NOT NULL,
	`completed_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`person_id`, `course_id`)
);
--> statement-breakpoint
ALTER TABLE `accounts` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `scope_kind` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `scope_id` text;--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_scope` ON `audit_log` (`scope_kind`,`scope_id`,`at`);--> statement-breakpoint
CREATE INDEX `memberships_scope` ON `memberships` (`scope_kind`,`scope_id`,`role`);--> statement-breakpoint
CREATE INDEX `memberships_person` ON `memberships` (`person_id`);