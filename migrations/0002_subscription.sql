CREATE TABLE `user_devices` (
	`user_id` integer NOT NULL,
	`hwid` text NOT NULL,
	`platform` text,
	`os_version` text,
	`model` text,
	`user_agent` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `hwid`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `nodes` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `nodes` ADD `longitude` real;