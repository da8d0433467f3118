CREATE TABLE `attachment_uploaders` (
	`sha256` text NOT NULL,
	`person_id` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`sha256`, `person_id`),
	FOREIGN KEY (`sha256`) REFERENCES `attachments`(`sha256`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachment_uploaders_person` ON `attachment_uploaders` (`person_id`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`sha256` text PRIMARY KEY NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` text NOT NULL,
	`completed_at` text
);
