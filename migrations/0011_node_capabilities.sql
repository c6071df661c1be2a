ALTER TABLE `node_inbounds` ADD `served` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `nodes` ADD `capabilities` text;