CREATE TABLE `rollup_features` (
	`feature` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE `report_rollup` ADD `commented` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Written by hand after drizzle-kit's statements: with no responses yet, the new counter is complete from the start; otherwise `rollup rebuild` completes it.
INSERT INTO `rollup_features` (`feature`) SELECT 'commented' WHERE NOT EXISTS (SELECT 1 FROM `responses`);
