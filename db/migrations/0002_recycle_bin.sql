CREATE TABLE `deletions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	`restored_at` text,
	`purged_at` text
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `deletion_id` integer;--> statement-breakpoint
CREATE INDEX `audit_deletion` ON `audit_log` (`deletion_id`);--> statement-breakpoint
ALTER TABLE `import_batches` ADD `kind` text DEFAULT 'import' NOT NULL;--> statement-breakpoint
-- Backfill (added by hand): records deleted before the recycle bin existed become one delete action each.
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'units', `id` FROM `units` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'unit_villages', `id` FROM `unit_villages` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'cadres', `id` FROM `cadres` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'households', `id` FROM `households` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'pairings', `id` FROM `pairings` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'visits', `id` FROM `visits` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'aid_deliveries', `id` FROM `aid_deliveries` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'land_plots', `id` FROM `land_plots` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'greenhouse_zones', `id` FROM `greenhouse_zones` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'greenhouses', `id` FROM `greenhouses` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
INSERT INTO `deletions` (`at`, `table_name`, `row_id`) SELECT `deleted_at`, 'work_items', `id` FROM `work_items` WHERE `deleted_at` IS NOT NULL;--> statement-breakpoint
UPDATE `audit_log` SET `deletion_id` = (SELECT d.`id` FROM `deletions` d WHERE d.`table_name` = `audit_log`.`table_name` AND d.`row_id` = `audit_log`.`row_id`) WHERE `id` IN (SELECT max(`id`) FROM `audit_log` WHERE `action` = 'delete' GROUP BY `table_name`, `row_id`);
