CREATE TABLE `contact_subjects` (
	`interaction_id` integer NOT NULL,
	`subject_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`subject_hash`, `interaction_id`),
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_subjects_interaction` ON `contact_subjects` (`interaction_id`);