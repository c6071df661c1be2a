CREATE INDEX `users_username_idx` ON `users` (`username`,`id`);--> statement-breakpoint
CREATE INDEX `users_expiry_idx` ON `users` (coalesce("expire_at", 9007199254740991),`id`);