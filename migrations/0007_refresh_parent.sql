ALTER TABLE `refresh_tokens` ADD `parent_hash` text;--> statement-breakpoint
CREATE INDEX `refresh_tokens_parent_idx` ON `refresh_tokens` (`parent_hash`);