CREATE TABLE `stripe_webhook_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` integer NOT NULL,
	`event_id` text,
	`event_type` text,
	`verdict` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
ALTER TABLE `invoices` ADD `admin_id` integer REFERENCES admins(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `invoices_admin_idx` ON `invoices` (`admin_id`,`id`);--> statement-breakpoint
ALTER TABLE `chains` ADD `explorer_url` text;--> statement-breakpoint
-- Invoices issued before resellers could sell belong to whoever owns their user now.
UPDATE `invoices` SET `admin_id` = (SELECT `admin_id` FROM `users` WHERE `users`.`id` = `invoices`.`user_id`);
