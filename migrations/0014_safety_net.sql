CREATE TABLE `backups` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`trigger` text NOT NULL,
	`created_by` integer,
	`created_by_name` text,
	`schema_version` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`size_bytes` integer,
	`row_count` integer,
	`table_count` integer,
	`manifest_sha256` text,
	`progress` text,
	`error` text,
	FOREIGN KEY (`created_by`) REFERENCES `admins`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `backups_started_idx` ON `backups` (`started_at`);--> statement-breakpoint
CREATE TABLE `restores` (
	`id` text PRIMARY KEY NOT NULL,
	`backup_id` text NOT NULL,
	`status` text NOT NULL,
	`safety_backup_id` text,
	`started_by` integer,
	`started_by_name` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`progress` text,
	`verified_tables` integer,
	`error` text
);
--> statement-breakpoint
CREATE TABLE `node_config_history` (
	`node_id` integer NOT NULL,
	`version` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`object_key` text NOT NULL,
	`summary` text NOT NULL,
	`rollback_of` integer,
	`outcome` text DEFAULT 'issued' NOT NULL,
	`outcome_at` integer,
	`error` text,
	PRIMARY KEY(`node_id`, `version`),
	FOREIGN KEY (`node_id`) REFERENCES `nodes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `node_config_history_issued_idx` ON `node_config_history` (`issued_at`);--> statement-breakpoint
CREATE TABLE `agent_releases` (
	`version` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`object_key` text NOT NULL,
	`uploaded_by` integer,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `admins`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `node_operations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`node_id` integer NOT NULL,
	`kind` text NOT NULL,
	`args` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`requested_by` integer,
	`requested_at` integer NOT NULL,
	`not_after` integer NOT NULL,
	`config_version` integer,
	`detail` text,
	`finished_at` integer,
	FOREIGN KEY (`node_id`) REFERENCES `nodes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `admins`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `node_operations_node_idx` ON `node_operations` (`node_id`,`status`);--> statement-breakpoint
ALTER TABLE `nodes` ADD `config_pin_version` integer;--> statement-breakpoint
ALTER TABLE `nodes` ADD `agent_protocol` integer;