ALTER TABLE `chain_deposits` ADD `scanned_to_block` integer;--> statement-breakpoint
ALTER TABLE `chains` ADD `log_block_range` integer DEFAULT 2000 NOT NULL;