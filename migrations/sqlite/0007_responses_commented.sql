ALTER TABLE `responses` ADD `commented` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Written by hand between drizzle-kit's two statements: responses that still hold a comment had one. (Comments already deleted by retention cannot be told apart; their themes still count.)
UPDATE `responses` SET `commented` = 1 WHERE `comment` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_commented` ON `responses` (`occurred_at`,`team_id`) WHERE commented = 1;
