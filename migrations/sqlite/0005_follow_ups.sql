CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY NOT NULL,
	`response_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`user_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_response_id_unique` ON `follow_ups` (`response_id`);--> statement-breakpoint
CREATE INDEX `responses_low_scores` ON `responses` (`occurred_at`,`team_id`) WHERE csat <= 2 or csi <= 2;