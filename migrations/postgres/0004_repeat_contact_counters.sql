CREATE TABLE "repeat_contact_days" (
	"day" text NOT NULL,
	"team_id" bigint NOT NULL,
	"staff_id" bigint NOT NULL,
	"service_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"known_contacts" bigint DEFAULT 0 NOT NULL,
	"known_repeated" bigint DEFAULT 0 NOT NULL,
	"known_requests" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "repeat_contact_days_day_team_id_staff_id_service_id_channel_pk" PRIMARY KEY("day","team_id","staff_id","service_id","channel")
);
--> statement-breakpoint
ALTER TABLE "report_rollup" ADD COLUMN "known_contacts" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollup" ADD COLUMN "known_repeated" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollup" ADD COLUMN "known_requests" bigint DEFAULT 0 NOT NULL;