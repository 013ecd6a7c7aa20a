CREATE TABLE `ivr_events` (
	`call_sid` text NOT NULL,
	`turn` text NOT NULL,
	`step` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`call_sid`, `turn`)
);
