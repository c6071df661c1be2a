CREATE TABLE `traffic_hourly` (
	`admin_id` integer NOT NULL,
	`hour` integer NOT NULL,
	`up_bytes` integer DEFAULT 0 NOT NULL,
	`down_bytes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`admin_id`, `hour`)
);
