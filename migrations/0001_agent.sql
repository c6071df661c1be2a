CREATE TABLE `node_enrollments` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`node_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`node_id`) REFERENCES `nodes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `usage_daily` (
	`user_id` integer NOT NULL,
	`day` text NOT NULL,
	`up_bytes` integer DEFAULT 0 NOT NULL,
	`down_bytes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`user_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `usage_pushes` (
	`node_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`node_id`, `seq`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `nodes` ADD `public_key` text;--> statement-breakpoint
ALTER TABLE `nodes` ADD `enrolled_at` integer;--> statement-breakpoint
ALTER TABLE `nodes` ADD `status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `nodes` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `nodes` ADD `core_version` text;--> statement-breakpoint
ALTER TABLE `nodes` ADD `agent_version` text;--> statement-breakpoint
ALTER TABLE `nodes` ADD `applied_config_version` integer;--> statement-breakpoint
ALTER TABLE `nodes` ADD `health` text;--> statement-breakpoint
ALTER TABLE `users` ADD `period_started_at` integer;--> statement-breakpoint
-- Hand-written: a usage push is applied only if its seq is above every applied one for that node.
-- RAISE aborts the whole D1 batch, so a replayed or reordered push changes nothing.
CREATE TRIGGER `usage_pushes_monotonic` BEFORE INSERT ON `usage_pushes`
WHEN NEW.seq <= (SELECT coalesce(max(seq), 0) FROM usage_pushes WHERE node_id = NEW.node_id)
BEGIN
	SELECT RAISE(ABORT, 'usage push already applied');
END;
