CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`achievement_id` text NOT NULL,
	`version` text NOT NULL,
	`locale` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` text,
	`key_id` text NOT NULL,
	`credential` text,
	`qr_token` text,
	`revoked_at` text,
	`revoked_by` text,
	`reason` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_achievement` ON `certificates` (`person_id`,`kind`,`achievement_id`,`version`);