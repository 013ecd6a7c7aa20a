CREATE TABLE `rollup_basis` (
	`id` integer PRIMARY KEY NOT NULL,
	`time_zone` text NOT NULL,
	`year_start` integer NOT NULL,
	`counting_version` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `report_rollup` ADD `answered` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_rollup` ADD `sentiment_n` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_rollup` ADD `sentiment_pos` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_rollup` ADD `sentiment_neg` integer DEFAULT 0 NOT NULL;