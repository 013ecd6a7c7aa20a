CREATE TABLE `repeat_contact_days` (
	`day` text NOT NULL,
	`team_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`channel` text NOT NULL,
	`known_contacts` integer DEFAULT 0 NOT NULL,
	`known_repeated` integer DEFAULT 0 NOT NULL,
	`known_requests` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `team_id`, `staff_id`, `service_id`, `channel`)
);
--> statement-breakpoint
ALTER TABLE `report_rollup` ADD `known_contacts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_rollup` ADD `known_repeated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_rollup` ADD `known_requests` integer DEFAULT 0 NOT NULL;