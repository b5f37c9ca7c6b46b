ALTER TABLE `village_groups` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `villages` ADD `retired_at` text;