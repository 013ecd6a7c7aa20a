DROP INDEX `responses_comments`;--> statement-breakpoint
CREATE INDEX `responses_comments` ON `responses` (`occurred_at`,`team_id`) WHERE comment is not null;