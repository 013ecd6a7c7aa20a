CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `customer_contacts` (
	`interaction_id` integer PRIMARY KEY NOT NULL,
	`email` text,
	`phone` text,
	`may_contact` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_unique` ON `departments` (`code`);--> statement-breakpoint
CREATE TABLE `email_address_state` (
	`address_hash` text PRIMARY KEY NOT NULL,
	`last_invited_at` integer,
	`opted_out_at` integer
);
--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`interaction_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`message_id` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_outbox_due` ON `email_outbox` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `email_outbox_interaction` ON `email_outbox` (`interaction_id`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`team_id` integer NOT NULL,
	`staff_id` integer,
	`service_id` integer,
	`occurred_at` integer NOT NULL,
	`external_ref` text,
	`language` text DEFAULT 'en' NOT NULL,
	`source` text DEFAULT 'api' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_external_ref` ON `interactions` (`external_ref`) WHERE external_ref is not null;--> statement-breakpoint
CREATE INDEX `interactions_occurred` ON `interactions` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `ivr_calls` (
	`call_sid` text PRIMARY KEY NOT NULL,
	`interaction_id` integer NOT NULL,
	`step` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`recording_url` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_rollup` (
	`period` text NOT NULL,
	`period_start` text NOT NULL,
	`theme_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`channel` text NOT NULL,
	`issued` integer DEFAULT 0 NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	`csat_n` integer DEFAULT 0 NOT NULL,
	`csat_pos` integer DEFAULT 0 NOT NULL,
	`ces_n` integer DEFAULT 0 NOT NULL,
	`ces_sum` integer DEFAULT 0 NOT NULL,
	`ces_sum_sq` integer DEFAULT 0 NOT NULL,
	`ces_easy` integer DEFAULT 0 NOT NULL,
	`csi_n` integer DEFAULT 0 NOT NULL,
	`csi_pos` integer DEFAULT 0 NOT NULL,
	`csi_neg` integer DEFAULT 0 NOT NULL,
	`idx_n` integer DEFAULT 0 NOT NULL,
	`idx_sum` real DEFAULT 0 NOT NULL,
	`idx_sum_sq` real DEFAULT 0 NOT NULL,
	`fcr_n` integer DEFAULT 0 NOT NULL,
	`fcr_yes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`period`, `theme_id`, `period_start`, `team_id`, `staff_id`, `service_id`, `channel`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `response_themes` (
	`response_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	`matched` text NOT NULL,
	PRIMARY KEY(`response_id`, `theme_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `response_themes_theme` ON `response_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`interaction_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`staff_id` integer,
	`service_id` integer,
	`channel` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`csat` integer,
	`ces` integer,
	`csi` integer,
	`fcr` text,
	`comment` text,
	`comment_sentiment` real,
	`language` text NOT NULL,
	`confirmed_via` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_interaction_id_unique` ON `responses` (`interaction_id`);--> statement-breakpoint
CREATE INDEX `responses_team_occurred` ON `responses` (`team_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `responses_created` ON `responses` (`created_at`);--> statement-breakpoint
CREATE INDEX `responses_comments` ON `responses` (`occurred_at`) WHERE comment is not null;--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_code_unique` ON `services` (`code`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`team_id` integer NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_code_unique` ON `staff` (`code`);--> statement-breakpoint
CREATE INDEX `staff_team` ON `staff` (`team_id`);--> statement-breakpoint
CREATE TABLE `survey_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`interaction_id` integer NOT NULL,
	`nonce` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_tokens_interaction_id_unique` ON `survey_tokens` (`interaction_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_tokens_token_hash_unique` ON `survey_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `suspected_clicks` (
	`id` integer PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`reason` text NOT NULL,
	`staff_id` integer,
	`interaction_id` integer,
	`score` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `suspected_clicks_day` ON `suspected_clicks` (`day`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`measure` text NOT NULL,
	`department_id` integer,
	`team_id` integer,
	`value` real NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_code_unique` ON `targets` (`code`);--> statement-breakpoint
CREATE INDEX `targets_measure` ON `targets` (`measure`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`department_id` integer NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_code_unique` ON `teams` (`code`);--> statement-breakpoint
CREATE INDEX `teams_department` ON `teams` (`department_id`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`rules` text NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `themes_code_unique` ON `themes` (`code`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`team_id` integer,
	`password_hash` text NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);