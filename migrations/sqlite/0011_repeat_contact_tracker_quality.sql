CREATE TABLE `action_category_labels` (
	`category` integer PRIMARY KEY NOT NULL,
	`label` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `action_links` (
	`action_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target_id` integer NOT NULL,
	PRIMARY KEY(`action_id`, `kind`, `target_id`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_links_target` ON `action_links` (`kind`,`target_id`);--> statement-breakpoint
CREATE TABLE `action_progress` (
	`id` integer PRIMARY KEY NOT NULL,
	`action_id` integer NOT NULL,
	`date` text NOT NULL,
	`evidence` text NOT NULL,
	`category` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_progress_action` ON `action_progress` (`action_id`,`date`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` integer PRIMARY KEY NOT NULL,
	`ref` text NOT NULL,
	`text` text NOT NULL,
	`source` text NOT NULL,
	`responsibility` text,
	`owner_id` integer,
	`due_date` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actions_ref_unique` ON `actions` (`ref`);--> statement-breakpoint
CREATE TABLE `qa_sample_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`sample_id` integer NOT NULL,
	`kind` text NOT NULL,
	`interaction_id` integer NOT NULL,
	`case_id` integer,
	`staff_id` integer,
	`team_id` integer NOT NULL,
	`channel` text NOT NULL,
	`reviewer_id` integer,
	`reviewed_at` integer,
	`comment` text,
	FOREIGN KEY (`sample_id`) REFERENCES `qa_samples`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `follow_up_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `qa_sample_items_sample` ON `qa_sample_items` (`sample_id`,`team_id`);--> statement-breakpoint
CREATE TABLE `qa_samples` (
	`id` integer PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`seed` text NOT NULL,
	`drawn_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qa_samples_month_unique` ON `qa_samples` (`month`);--> statement-breakpoint
CREATE TABLE `qa_scores` (
	`item_id` integer NOT NULL,
	`standard_id` integer NOT NULL,
	`score` text NOT NULL,
	PRIMARY KEY(`item_id`, `standard_id`),
	FOREIGN KEY (`item_id`) REFERENCES `qa_sample_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`standard_id`) REFERENCES `qa_standards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `qa_standards` (
	`id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`position` integer NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `interactions` ADD `customer_hash` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `repeat_of` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `repeated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `interactions_customer` ON `interactions` (`customer_hash`,`occurred_at`) WHERE customer_hash is not null;