CREATE TABLE `plan_groups` (
	`plan_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `group_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`prices` text NOT NULL,
	`data_limit_bytes` integer,
	`duration_days` integer,
	`reset_strategy` text DEFAULT 'none' NOT NULL,
	`device_limit` integer,
	`visible` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_name_unique` ON `plans` (`name`);--> statement-breakpoint
CREATE INDEX `plans_visible_order_idx` ON `plans` (`visible`,`sort_order`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`plan_id` integer,
	`plan_snapshot` text NOT NULL,
	`currency` text NOT NULL,
	`total` text NOT NULL,
	`lines` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text NOT NULL,
	`expires_at` integer NOT NULL,
	`paid_at` integer,
	`paid_via` text,
	`payment_ref` text,
	`settle_nonce` text,
	`flag` text,
	`stripe_session_id` text,
	`refunded_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `invoices_user_idx` ON `invoices` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_status_idx` ON `invoices` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_stripe_session_idx` ON `invoices` (`stripe_session_id`);--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `chain_deposits` (
	`invoice_id` integer PRIMARY KEY NOT NULL,
	`token_id` integer NOT NULL,
	`address` text NOT NULL,
	`amount_units` text NOT NULL,
	`from_block` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`token_id`) REFERENCES `chain_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chain_deposits_address_unique` ON `chain_deposits` (`address`);--> statement-breakpoint
CREATE TABLE `chain_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`chain_id` integer NOT NULL,
	`tx_hash` text NOT NULL,
	`log_index` integer NOT NULL,
	`token_address` text,
	`to_address` text NOT NULL,
	`amount_units` text NOT NULL,
	`block_number` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`seen_at` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chain_payments_transfer_unique` ON `chain_payments` (`invoice_id`,`chain_id`,`tx_hash`,`log_index`);--> statement-breakpoint
CREATE UNIQUE INDEX `chain_payments_credited_tx_unique` ON `chain_payments` (`chain_id`,`tx_hash`) WHERE status = 'credited';--> statement-breakpoint
CREATE INDEX `chain_payments_tx_idx` ON `chain_payments` (`chain_id`,`tx_hash`);--> statement-breakpoint
CREATE TABLE `chain_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chain_row_id` integer NOT NULL,
	`symbol` text NOT NULL,
	`address` text,
	`decimals` integer NOT NULL,
	`currency` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`chain_row_id`) REFERENCES `chains`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `chains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`chain_id` integer NOT NULL,
	`rpc_url` text NOT NULL,
	`confirmations` integer DEFAULT 3 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chains_chain_id_unique` ON `chains` (`chain_id`);