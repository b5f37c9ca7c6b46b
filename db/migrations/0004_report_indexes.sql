DROP INDEX `pairings_household`;--> statement-breakpoint
CREATE INDEX `pairings_household` ON `pairings` (`household_id`,`deleted_at`,`since`);--> statement-breakpoint
DROP INDEX `visits_household`;--> statement-breakpoint
DROP INDEX `visits_date`;--> statement-breakpoint
CREATE INDEX `visits_household` ON `visits` (`household_id`,`deleted_at`,`date`);--> statement-breakpoint
CREATE INDEX `visits_date` ON `visits` (`date`,`cadre_id`,`household_id`,`deleted_at`);--> statement-breakpoint
DROP INDEX `aid_household`;--> statement-breakpoint
CREATE INDEX `aid_date` ON `aid_deliveries` (`date`,`unit_id`,`household_id`,`deleted_at`,`item`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `aid_household` ON `aid_deliveries` (`household_id`,`deleted_at`,`date`);--> statement-breakpoint
DROP INDEX `land_household`;--> statement-breakpoint
CREATE INDEX `land_household` ON `land_plots` (`household_id`,`deleted_at`,`start`);--> statement-breakpoint
DROP INDEX `greenhouses_household`;--> statement-breakpoint
CREATE INDEX `greenhouses_household` ON `greenhouses` (`household_id`,`deleted_at`,`built_on`);