CREATE TABLE `follow_up_case_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer,
	`note` text,
	`detail` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `follow_up_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_up_case_events_case` ON `follow_up_case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `follow_up_cases` (
	`id` integer PRIMARY KEY NOT NULL,
	`response_id` integer NOT NULL,
	`interaction_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`status` text NOT NULL,
	`priority` text NOT NULL,
	`reasons` text NOT NULL,
	`owner_id` integer,
	`opened_at` integer NOT NULL,
	`acknowledge_by` text NOT NULL,
	`respond_by` text NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` integer,
	`responded_at` integer,
	`responded_by` integer,
	`closed_at` integer,
	`closed_by` integer,
	`cleared_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_up_cases_response_id_unique` ON `follow_up_cases` (`response_id`);--> statement-breakpoint
CREATE INDEX `follow_up_cases_status` ON `follow_up_cases` (`status`,`respond_by`);--> statement-breakpoint
CREATE INDEX `follow_up_cases_team` ON `follow_up_cases` (`team_id`,`opened_at`);--> statement-breakpoint
CREATE INDEX `follow_up_cases_owner` ON `follow_up_cases` (`owner_id`,`status`);--> statement-breakpoint
CREATE INDEX `follow_up_cases_opened` ON `follow_up_cases` (`opened_at`);--> statement-breakpoint
CREATE TABLE `follow_up_contacts` (
	`interaction_id` integer PRIMARY KEY NOT NULL,
	`email` text,
	`phone` text,
	`message` text,
	`consent_text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `follow_up_rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`csat_at_most` integer,
	`csi_at_most` integer,
	`not_resolved_csat_at_most` integer,
	`on_contact_request` integer NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `safeguarding_phrases` (
	`id` integer PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`language` text NOT NULL,
	`phrase` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `safeguarding_phrases_language_phrase` ON `safeguarding_phrases` (`language`,`phrase`);--> statement-breakpoint
CREATE TABLE `staff_mail` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`case_id` integer,
	`user_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`message_id` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `follow_up_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_mail_dedupe_key_unique` ON `staff_mail` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `staff_mail_due` ON `staff_mail` (`status`,`due_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `department_id` integer REFERENCES departments(id);