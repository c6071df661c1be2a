-- Users per (owner, status), kept by triggers in the same transaction as every write to users:
-- creates, deletes, status changes by usage pushes and housekeeping, plan applies, imports and
-- restores all go through these, so the users list's totalCount is a read of a few rows instead
-- of a count of every user.
CREATE TABLE `user_counts` (
	`admin_id` integer NOT NULL,
	`status` text NOT NULL,
	`users` integer NOT NULL,
	PRIMARY KEY(`admin_id`, `status`)
);
--> statement-breakpoint
CREATE TRIGGER `user_counts_insert` AFTER INSERT ON `users` BEGIN
	INSERT INTO `user_counts` (`admin_id`, `status`, `users`) VALUES (new.`admin_id`, new.`status`, 1)
		ON CONFLICT (`admin_id`, `status`) DO UPDATE SET `users` = `users` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `user_counts_delete` AFTER DELETE ON `users` BEGIN
	UPDATE `user_counts` SET `users` = `users` - 1 WHERE `admin_id` = old.`admin_id` AND `status` = old.`status`;
END;
--> statement-breakpoint
-- Usage pushes rewrite status for thousands of users at once, mostly to the same value: only a
-- real move touches the counts.
CREATE TRIGGER `user_counts_update` AFTER UPDATE OF `status`, `admin_id` ON `users`
	WHEN old.`status` IS NOT new.`status` OR old.`admin_id` IS NOT new.`admin_id` BEGIN
	UPDATE `user_counts` SET `users` = `users` - 1 WHERE `admin_id` = old.`admin_id` AND `status` = old.`status`;
	INSERT INTO `user_counts` (`admin_id`, `status`, `users`) VALUES (new.`admin_id`, new.`status`, 1)
		ON CONFLICT (`admin_id`, `status`) DO UPDATE SET `users` = `users` + 1;
END;
--> statement-breakpoint
INSERT INTO `user_counts` (`admin_id`, `status`, `users`) SELECT `admin_id`, `status`, count(*) FROM `users` GROUP BY `admin_id`, `status`;
--> statement-breakpoint
-- Search by username or note: a trigram index over the users table's own text (external content:
-- nothing is stored twice), so "contains" costs a few index pages, not a read of every user.
-- Note for operators: `wrangler d1 export --remote` refuses a database holding an FTS5 table
-- (cloudflare/workers-sdk#6305, #9519); the panel's own backups (workers/backup) leave the index
-- out and triggers rebuild it on restore, and D1 Time Travel is unaffected.
CREATE VIRTUAL TABLE `users_search` USING fts5(`username`, `note`, content='users', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `users_search_insert` AFTER INSERT ON `users` BEGIN
	INSERT INTO `users_search` (rowid, `username`, `note`) VALUES (new.`id`, new.`username`, new.`note`);
END;
--> statement-breakpoint
CREATE TRIGGER `users_search_delete` AFTER DELETE ON `users` BEGIN
	INSERT INTO `users_search` (`users_search`, rowid, `username`, `note`) VALUES ('delete', old.`id`, old.`username`, old.`note`);
END;
--> statement-breakpoint
CREATE TRIGGER `users_search_update` AFTER UPDATE OF `username`, `note` ON `users`
	WHEN old.`username` IS NOT new.`username` OR old.`note` IS NOT new.`note` BEGIN
	INSERT INTO `users_search` (`users_search`, rowid, `username`, `note`) VALUES ('delete', old.`id`, old.`username`, old.`note`);
	INSERT INTO `users_search` (rowid, `username`, `note`) VALUES (new.`id`, new.`username`, new.`note`);
END;
--> statement-breakpoint
INSERT INTO `users_search` (`users_search`) VALUES ('rebuild');

--> statement-breakpoint
-- Housekeeping walks only the users that are due (workers/usage/housekeeping.ts): users time can
-- still expire, by expiry; users with a periodic reset, by their next reset.
CREATE INDEX `users_expiry_due_idx` ON `users` ("expire_at","id") WHERE "users"."status" IN ('active', 'on_hold') AND "users"."expire_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `users_reset_due_idx` ON `users` (unixepoch(coalesce("period_started_at", "created_at"), 'unixepoch', CASE "reset_strategy" WHEN 'day' THEN '+1 day' WHEN 'week' THEN '+7 days' WHEN 'month' THEN '+1 month' ELSE '+1 year' END),"id") WHERE "users"."reset_strategy" != 'none';
