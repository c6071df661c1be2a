CREATE TABLE `user_inbound_credentials` (
	`user_id` integer NOT NULL,
	`inbound_id` integer NOT NULL,
	`secret` text,
	`flow` text,
	`method` text,
	PRIMARY KEY(`user_id`, `inbound_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`inbound_id`) REFERENCES `inbounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_inbound_credentials_inbound_idx` ON `user_inbound_credentials` (`inbound_id`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`dry_run` integer NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`total_users` integer NOT NULL,
	`processed_users` integer DEFAULT 0 NOT NULL,
	`report` text NOT NULL,
	`mapping` text NOT NULL,
	`started_by` integer,
	`started_at` integer DEFAULT (unixepoch()) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`source_id`) REFERENCES `import_sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`started_by`) REFERENCES `admins`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `import_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`instance` text NOT NULL,
	`subscription_secret` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_sources_kind_instance_unique` ON `import_sources` (`kind`,`instance`);--> statement-breakpoint
CREATE TABLE `imported_records` (
	`source_id` integer NOT NULL,
	`kind` text NOT NULL,
	`peer_key` text NOT NULL,
	`local_id` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`imported_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`source_id`, `kind`, `peer_key`),
	FOREIGN KEY (`source_id`) REFERENCES `import_sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `imported_records_local_idx` ON `imported_records` (`kind`,`local_id`);--> statement-breakpoint
CREATE TABLE `legacy_subscription_tokens` (
	`source_id` integer NOT NULL,
	`peer_username` text NOT NULL,
	`peer_user_id` text,
	`user_id` integer NOT NULL,
	`not_before` integer NOT NULL,
	PRIMARY KEY(`source_id`, `peer_username`),
	FOREIGN KEY (`source_id`) REFERENCES `import_sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `legacy_tokens_peer_id_unique` ON `legacy_subscription_tokens` (`source_id`,`peer_user_id`);--> statement-breakpoint
CREATE INDEX `legacy_tokens_user_idx` ON `legacy_subscription_tokens` (`user_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `telegram_id` text;