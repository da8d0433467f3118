CREATE TABLE `duplicate_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`other_person_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text,
	`resolved_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duplicate_flags_pair` ON `duplicate_flags` (`person_id`,`other_person_id`);--> statement-breakpoint
CREATE TABLE `provisional_people` (
	`person_id` text PRIMARY KEY NOT NULL,
	`seminar_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`bound_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `training_records` (
	`person_id` text NOT NULL,
	`seminar_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`rule_version` integer NOT NULL,
	`attended` integer NOT NULL,
	`required` integer NOT NULL,
	`best_test_percent` integer,
	`assignment` text NOT NULL,
	`detail` text NOT NULL,
	`completed_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`person_id`, `seminar_id`)
);
--> statement-breakpoint
CREATE INDEX `training_records_seminar` ON `training_records` (`seminar_id`);--> statement-breakpoint
ALTER TABLE `person_aliases` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `person_details` ADD `phone` text;