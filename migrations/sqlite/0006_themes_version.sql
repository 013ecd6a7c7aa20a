CREATE TABLE `themes_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
-- Written by hand after drizzle-kit's table: the one row and the triggers that count every change to themes.
INSERT INTO `themes_version` (`id`, `version`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `themes_version_insert` AFTER INSERT ON `themes` BEGIN UPDATE `themes_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `themes_version_update` AFTER UPDATE ON `themes` BEGIN UPDATE `themes_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `themes_version_delete` AFTER DELETE ON `themes` BEGIN UPDATE `themes_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
