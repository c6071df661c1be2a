CREATE INDEX `users_username_idx` ON `users` (`username`,`id`);--> statement-breakpoint
CREATE INDEX `users_usage_idx` ON `users` (`used_bytes`,`id`);--> statement-breakpoint
CREATE INDEX `users_expiry_idx` ON `users` (coalesce("expire_at", 9007199254740991),`id`);