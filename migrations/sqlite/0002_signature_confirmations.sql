CREATE TABLE `signature_confirmations` (
	`id` integer PRIMARY KEY NOT NULL,
	`browser_key` text NOT NULL,
	`staff_id` integer NOT NULL,
	`interaction_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signature_confirmations_key` ON `signature_confirmations` (`browser_key`,`staff_id`,`created_at`);