CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`admin_id` integer,
	`user_id` integer,
	`node_id` integer,
	`invoice_id` integer,
	`data` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_admin_at` ON `events` (`admin_id`,`at`);--> statement-breakpoint
CREATE INDEX `events_at` ON `events` (`at`);--> statement-breakpoint
CREATE TABLE `notification_reads` (
	`admin_id` integer NOT NULL,
	`event_id` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`admin_id`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `notification_reads_event` ON `notification_reads` (`event_id`);--> statement-breakpoint
CREATE TABLE `user_reminders` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`threshold` integer NOT NULL,
	`period_key` integer NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `kind`, `threshold`, `period_key`)
);
--> statement-breakpoint
CREATE TABLE `notification_channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`admin_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`event_kinds` text DEFAULT '[]' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`url` text,
	`secret_sealed` blob,
	`telegram_chat_id` text,
	`disabled_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notification_channels_admin` ON `notification_channels` (`admin_id`);--> statement-breakpoint
CREATE TABLE `notification_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`channel_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_status_code` integer,
	`last_error` text,
	`next_attempt_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE INDEX `notification_deliveries_channel` ON `notification_deliveries` (`channel_id`,`id`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_status` ON `notification_deliveries` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_event` ON `notification_deliveries` (`event_id`);--> statement-breakpoint
CREATE TABLE `telegram_link_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`admin_id` integer,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `telegram_links` (
	`chat_id` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`admin_id` integer,
	`language` text DEFAULT 'en' NOT NULL,
	`linked_at` integer NOT NULL,
	`muted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `telegram_links_user` ON `telegram_links` (`user_id`);--> statement-breakpoint
CREATE TABLE `inbound_traffic_hourly` (
	`node_id` integer NOT NULL,
	`tag` text NOT NULL,
	`hour` integer NOT NULL,
	`up_bytes` integer DEFAULT 0 NOT NULL,
	`down_bytes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`node_id`, `tag`, `hour`)
);
--> statement-breakpoint
CREATE INDEX `inbound_traffic_hourly_hour` ON `inbound_traffic_hourly` (`hour`);--> statement-breakpoint
CREATE TABLE `node_traffic_hourly` (
	`node_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`up_bytes` integer DEFAULT 0 NOT NULL,
	`down_bytes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`node_id`, `hour`)
);
--> statement-breakpoint
CREATE INDEX `node_traffic_hourly_hour` ON `node_traffic_hourly` (`hour`);--> statement-breakpoint
CREATE TABLE `traffic_totals` (
	`node_id` integer NOT NULL,
	`tag` text NOT NULL,
	`up_bytes` integer DEFAULT 0 NOT NULL,
	`down_bytes` integer DEFAULT 0 NOT NULL,
	`pushes` integer DEFAULT 0 NOT NULL,
	`last_push_at` integer,
	PRIMARY KEY(`node_id`, `tag`)
);
--> statement-breakpoint
CREATE TABLE `usage_anomalies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`admin_id` integer NOT NULL,
	`kind` text NOT NULL,
	`hour` integer NOT NULL,
	`observed` real NOT NULL,
	`baseline` real NOT NULL,
	`detected_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usage_anomalies_once` ON `usage_anomalies` (`user_id`,`kind`,`hour`);--> statement-breakpoint
CREATE INDEX `usage_anomalies_admin` ON `usage_anomalies` (`admin_id`,`id`);--> statement-breakpoint
CREATE TABLE `usage_hourly` (
	`user_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`up_bytes` integer DEFAULT 0 NOT NULL,
	`down_bytes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`user_id`, `hour`)
);
--> statement-breakpoint
CREATE INDEX `usage_hourly_hour` ON `usage_hourly` (`hour`);--> statement-breakpoint
CREATE TABLE `user_client_ips` (
	`user_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`ip_hash` text NOT NULL,
	`node_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `hour`, `ip_hash`)
);
--> statement-breakpoint
CREATE INDEX `user_client_ips_hour` ON `user_client_ips` (`hour`);--> statement-breakpoint
CREATE TABLE `user_status_daily` (
	`day` text NOT NULL,
	`admin_id` integer NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `admin_id`, `status`)
);
--> statement-breakpoint
CREATE INDEX `invoices_created_idx` ON `invoices` (`created_at`,`id`);