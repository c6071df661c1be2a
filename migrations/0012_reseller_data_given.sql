ALTER TABLE `admins` ADD `data_given_bytes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written (drizzle-kit generates schema changes only): existing admins start with what they
-- have handed out under the old rule, the sum of their users' data limits, so each reseller's
-- balance is exactly the room the old check left it. Usage forgiven by past resets was never counted.
UPDATE `admins` SET `data_given_bytes` = (SELECT coalesce(sum(`data_limit_bytes`), 0) FROM `users` WHERE `users`.`admin_id` = `admins`.`id`);
