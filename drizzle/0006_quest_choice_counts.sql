CREATE TABLE `quest_choice_counts` (
	`quest_id` text NOT NULL,
	`node_id` text NOT NULL,
	`choice_id` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`quest_id`, `node_id`, `choice_id`)
);
--> statement-breakpoint
CREATE TABLE `quest_play_counts` (
	`quest_id` text PRIMARY KEY NOT NULL,
	`plays` integer NOT NULL
);
