CREATE TABLE `usage_rollups` (
	`shard_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`applied_at` integer NOT NULL,
	PRIMARY KEY(`shard_id`, `seq`)
);
--> statement-breakpoint
DROP TABLE `usage_pushes`;--> statement-breakpoint
-- Hand-written: a usage shard's rollup is applied only if its seq is above every one applied for
-- that shard. RAISE aborts the whole D1 batch, so a rollup resent after a lost answer changes
-- nothing. Pushes are deduplicated per (node, seq) inside each shard (durable-objects/usage-shard.ts).
CREATE TRIGGER `usage_rollups_monotonic` BEFORE INSERT ON `usage_rollups`
WHEN NEW.seq <= (SELECT coalesce(max(seq), 0) FROM usage_rollups WHERE shard_id = NEW.shard_id)
BEGIN
	SELECT RAISE(ABORT, 'usage rollup already applied');
END;
