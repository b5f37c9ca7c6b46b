CREATE TABLE `import_learned` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit` text NOT NULL,
	`what` text NOT NULL,
	`sheet` text DEFAULT '' NOT NULL,
	`field` text DEFAULT '' NOT NULL,
	`word` text NOT NULL,
	`value` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_learned_word` ON `import_learned` (`unit`,`what`,`sheet`,`field`,`word`);--> statement-breakpoint
CREATE TABLE `import_rejects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`file` text NOT NULL,
	`sheet` text,
	`kind` text,
	`unit` text,
	`row` integer,
	`column` text,
	`reason` text NOT NULL,
	`cells` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_rejects_batch` ON `import_rejects` (`batch_id`);