CREATE INDEX `households_deleted` ON `households` (`id`) WHERE deleted_at is not null;--> statement-breakpoint
CREATE INDEX `visits_cadre` ON `visits` (`cadre_id`,`deleted_at`,`date`);