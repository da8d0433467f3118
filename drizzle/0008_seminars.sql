CREATE TABLE `seminar_sessions` (
	`seminar_id` text NOT NULL,
	`session_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`held_on` text NOT NULL,
	PRIMARY KEY(`seminar_id`, `session_id`),
	FOREIGN KEY (`seminar_id`) REFERENCES `seminars`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `seminars` (
	`id` text PRIMARY KEY NOT NULL,
	`programme_id` text NOT NULL,
	`region_code` text NOT NULL,
	`centre` text NOT NULL,
	`venue` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`capacity` integer NOT NULL,
	`completion_rule` text NOT NULL,
	`check_in_key` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`cancelled_at` text,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seminars_region` ON `seminars` (`region_code`,`starts_on`);