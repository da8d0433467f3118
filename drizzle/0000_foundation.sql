CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `programme_targets` (
	`code` text PRIMARY KEY NOT NULL,
	`measure` integer NOT NULL,
	`target` integer NOT NULL,
	`year` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name_ky` text NOT NULL,
	`name_ru` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer NOT NULL
);
