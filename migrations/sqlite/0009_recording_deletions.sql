CREATE TABLE `recording_deletions` (
	`id` integer PRIMARY KEY NOT NULL,
	`resource` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`done_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `recording_deletions_due` ON `recording_deletions` (`status`,`due_at`);--> statement-breakpoint
ALTER TABLE `ivr_calls` ADD `transcription_sid` text;