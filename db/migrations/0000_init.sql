CREATE TABLE `village_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`village_id` integer NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `village_groups_name` ON `village_groups` (`village_id`,`name`);--> statement-breakpoint
CREATE TABLE `villages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "villages_code_12" CHECK(length("villages"."code") = 12)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_code` ON `villages` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `villages_name` ON `villages` (`name`);--> statement-breakpoint
CREATE TABLE `cadres` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`sex` text,
	`title` text,
	`rank` text DEFAULT 'general' NOT NULL,
	`phone` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cadres_rank" CHECK("cadres"."rank" in ('leader','general'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cadres_unit_name` ON `cadres` (`unit_id`,`name`) WHERE deleted_at is null;--> statement-breakpoint
CREATE TABLE `unit_villages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`village_id` integer NOT NULL,
	`since` text NOT NULL,
	`until` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "unit_villages_dates" CHECK("unit_villages"."until" is null or "unit_villages"."until" >= "unit_villages"."since")
);
--> statement-breakpoint
CREATE INDEX `unit_villages_unit` ON `unit_villages` (`unit_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'district' NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	CONSTRAINT "units_kind" CHECK("units"."kind" in ('district','township'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_name` ON `units` (`name`) WHERE deleted_at is null;--> statement-breakpoint
CREATE TABLE `households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`village_id` integer NOT NULL,
	`group_id` integer,
	`head` text NOT NULL,
	`id_number` text,
	`sex` text,
	`nation` text,
	`size` integer,
	`labour` integer,
	`category` text DEFAULT 'ordinary' NOT NULL,
	`poverty_attr` text,
	`poverty_cause` text,
	`income_fen` integer,
	`phone` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `village_groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "households_category" CHECK("households"."category" in ('poor','special','ordinary')),
	CONSTRAINT "households_id_len" CHECK("households"."id_number" is null or length("households"."id_number") = 18),
	CONSTRAINT "households_size" CHECK("households"."size" is null or "households"."size" >= 0),
	CONSTRAINT "households_labour" CHECK("households"."labour" is null or "households"."labour" >= 0),
	CONSTRAINT "households_income" CHECK("households"."income_fen" is null or "households"."income_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_id_number` ON `households` (`id_number`) WHERE id_number is not null and deleted_at is null;--> statement-breakpoint
CREATE INDEX `households_village_head` ON `households` (`village_id`,`head`);--> statement-breakpoint
CREATE TABLE `pairings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cadre_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`since` text NOT NULL,
	`until` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`cadre_id`) REFERENCES `cadres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pairings_dates" CHECK("pairings"."until" is null or "pairings"."until" >= "pairings"."since")
);
--> statement-breakpoint
CREATE INDEX `pairings_cadre` ON `pairings` (`cadre_id`);--> statement-breakpoint
CREATE INDEX `pairings_household` ON `pairings` (`household_id`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`cadre_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`know_family` integer DEFAULT false NOT NULL,
	`know_economy` integer DEFAULT false NOT NULL,
	`know_wishes` integer DEFAULT false NOT NULL,
	`know_difficulties` integer DEFAULT false NOT NULL,
	`know_health_school` integer DEFAULT false NOT NULL,
	`care_illness` integer DEFAULT false NOT NULL,
	`care_dropout` integer DEFAULT false NOT NULL,
	`care_disaster` integer DEFAULT false NOT NULL,
	`care_bereavement` integer DEFAULT false NOT NULL,
	`care_festival` integer DEFAULT false NOT NULL,
	`content` text,
	`request` text,
	`thing_done` text,
	`result` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`cadre_id`) REFERENCES `cadres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_household` ON `visits` (`household_id`);--> statement-breakpoint
CREATE INDEX `visits_date` ON `visits` (`date`);--> statement-breakpoint
CREATE TABLE `aid_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`item` text NOT NULL,
	`quantity_centi` integer,
	`measure` text,
	`amount_fen` integer NOT NULL,
	`handler` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "aid_amount" CHECK("aid_deliveries"."amount_fen" >= 0),
	CONSTRAINT "aid_quantity" CHECK("aid_deliveries"."quantity_centi" is null or "aid_deliveries"."quantity_centi" >= 0)
);
--> statement-breakpoint
CREATE INDEX `aid_household` ON `aid_deliveries` (`household_id`);--> statement-breakpoint
CREATE TABLE `land_plots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`plot_name` text,
	`east` text,
	`south` text,
	`west` text,
	`north` text,
	`area_centimu` integer NOT NULL,
	`mode` text NOT NULL,
	`transferee` text,
	`transferee_kind` text,
	`start` text NOT NULL,
	`end` text,
	`price_fen` integer,
	`contract_no` text,
	`contract_date` text,
	`use` text,
	`demo_site` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "land_area" CHECK("land_plots"."area_centimu" >= 0),
	CONSTRAINT "land_price" CHECK("land_plots"."price_fen" is null or "land_plots"."price_fen" >= 0),
	CONSTRAINT "land_dates" CHECK("land_plots"."end" is null or "land_plots"."end" >= "land_plots"."start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `land_contract_no` ON `land_plots` (`contract_no`) WHERE contract_no is not null and deleted_at is null;--> statement-breakpoint
CREATE INDEX `land_household` ON `land_plots` (`household_id`);--> statement-breakpoint
CREATE TABLE `greenhouse_zones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`village_id` integer NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `greenhouse_zones_name` ON `greenhouse_zones` (`name`) WHERE deleted_at is null;--> statement-breakpoint
CREATE TABLE `greenhouses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`zone_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`type` text NOT NULL,
	`count` integer NOT NULL,
	`area_centimu` integer NOT NULL,
	`built_on` text,
	`subsidy_fen` integer,
	`crop` text,
	`progress` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`zone_id`) REFERENCES `greenhouse_zones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "greenhouses_count" CHECK("greenhouses"."count" >= 0),
	CONSTRAINT "greenhouses_area" CHECK("greenhouses"."area_centimu" >= 0),
	CONSTRAINT "greenhouses_subsidy" CHECK("greenhouses"."subsidy_fen" is null or "greenhouses"."subsidy_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `greenhouses_zone` ON `greenhouses` (`zone_id`);--> statement-breakpoint
CREATE INDEX `greenhouses_household` ON `greenhouses` (`household_id`);--> statement-breakpoint
CREATE TABLE `work_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`unit_id` integer NOT NULL,
	`village_id` integer,
	`category` text NOT NULL,
	`content` text,
	`quantity_centi` integer,
	`measure` text,
	`amount_fen` integer,
	`result` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "work_quantity" CHECK("work_items"."quantity_centi" is null or "work_items"."quantity_centi" >= 0),
	CONSTRAINT "work_amount" CHECK("work_items"."amount_fen" is null or "work_items"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `work_items_date` ON `work_items` (`date`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`batch_id` integer,
	`source` text DEFAULT 'app' NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_row` ON `audit_log` (`table_name`,`row_id`);--> statement-breakpoint
CREATE INDEX `audit_batch` ON `audit_log` (`batch_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`unit` text,
	`files` text NOT NULL,
	`summary` text,
	`rolled_back_at` text
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text
);
