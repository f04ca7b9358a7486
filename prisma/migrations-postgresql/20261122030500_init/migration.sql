-- CreateTable
CREATE TABLE "communities" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "communities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "platform_user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "address" TEXT,
    "community_id" INTEGER,
    "linked_to_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "community_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "invite_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_chats" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "community_id" INTEGER NOT NULL,
    "name" TEXT,
    "webhook_key" TEXT,
    "webhook_token" TEXT,
    "webhook_secret" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "group_chats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invites" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "community_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "max_uses" INTEGER NOT NULL DEFAULT 1,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "items" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "community_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "category" TEXT,
    "place" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "deadline_at" TIMESTAMP(3),
    "submitter_id" INTEGER NOT NULL,
    "claimant_id" INTEGER,
    "assigned_unit" TEXT,
    "merged_into_id" INTEGER,
    "rating" INTEGER,
    "rating_comment" TEXT,
    "source_platform" TEXT NOT NULL,
    "source_conversation_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "answered_at" TIMESTAMP(3),
    "answer_seconds" INTEGER,
    "claimed_at" TIMESTAMP(3),
    "claim_seconds" INTEGER,
    "activity_at" TIMESTAMP(3),
    "done_at" TIMESTAMP(3),
    "resolve_seconds" INTEGER,
    "closed_at" TIMESTAMP(3),
    "snoozed_until" TIMESTAMP(3),
    "reminded_at" TIMESTAMP(3),
    "escalated_at" TIMESTAMP(3),

    CONSTRAINT "items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_events" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor_id" INTEGER,
    "from_status" TEXT,
    "to_status" TEXT,
    "note" TEXT,
    "rating" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_supporters" (
    "item_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_supporters_pkey" PRIMARY KEY ("item_id","person_id")
);

-- CreateTable
CREATE TABLE "item_photos" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_photos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_messages" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_until" TIMESTAMP(3),
    "error" TEXT,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMP(3),

    CONSTRAINT "inbound_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dialogues" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "conversation_key" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "kind" TEXT,
    "text" TEXT NOT NULL,
    "community_id" INTEGER,
    "place" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "photos" TEXT NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dialogues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "order_key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'text',
    "reply_context" TEXT,
    "inbound_id" INTEGER,
    "job_run_id" INTEGER,
    "scheduled" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "parts_sent" INTEGER NOT NULL DEFAULT 0,
    "not_before" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMP(3),
    "lease_owner" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revisits" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "asked_at" TIMESTAMP(3) NOT NULL,
    "answered_at" TIMESTAMP(3),
    "answer" TEXT,

    CONSTRAINT "revisits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "tat" TIMESTAMP(3) NOT NULL,
    "blocked_until" TIMESTAMP(3),

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "leases" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "leases_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" SERIAL NOT NULL,
    "job" TEXT NOT NULL,
    "scheduled_at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "owner" TEXT,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "posted" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT,
    "error" TEXT,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_days" (
    "date" TEXT NOT NULL,
    "workday" BOOLEAN NOT NULL,
    "name" TEXT,

    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "channel_addresses" (
    "platform" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "channel_addresses_pkey" PRIMARY KEY ("platform","target_type","target_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "communities_name_key" ON "communities"("name");

-- CreateIndex
CREATE UNIQUE INDEX "people_platform_platform_user_id_key" ON "people"("platform", "platform_user_id");

-- CreateIndex
CREATE INDEX "memberships_community_id_role_idx" ON "memberships"("community_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_person_id_community_id_key" ON "memberships"("person_id", "community_id");

-- CreateIndex
CREATE INDEX "group_chats_community_id_idx" ON "group_chats"("community_id");

-- CreateIndex
CREATE UNIQUE INDEX "group_chats_platform_conversation_id_key" ON "group_chats"("platform", "conversation_id");

-- CreateIndex
CREATE UNIQUE INDEX "invites_code_key" ON "invites"("code");

-- CreateIndex
CREATE INDEX "items_community_id_status_idx" ON "items"("community_id", "status");

-- CreateIndex
CREATE INDEX "items_community_id_created_at_idx" ON "items"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "items_community_id_claimed_at_idx" ON "items"("community_id", "claimed_at");

-- CreateIndex
CREATE INDEX "items_community_id_done_at_idx" ON "items"("community_id", "done_at");

-- CreateIndex
CREATE INDEX "items_community_id_closed_at_idx" ON "items"("community_id", "closed_at");

-- CreateIndex
CREATE INDEX "items_status_created_at_idx" ON "items"("status", "created_at");

-- CreateIndex
CREATE INDEX "items_status_activity_at_idx" ON "items"("status", "activity_at");

-- CreateIndex
CREATE INDEX "items_status_done_at_idx" ON "items"("status", "done_at");

-- CreateIndex
CREATE INDEX "items_status_deadline_at_idx" ON "items"("status", "deadline_at");

-- CreateIndex
CREATE INDEX "items_status_closed_at_idx" ON "items"("status", "closed_at");

-- CreateIndex
CREATE INDEX "items_claimant_id_status_idx" ON "items"("claimant_id", "status");

-- CreateIndex
CREATE INDEX "items_submitter_id_idx" ON "items"("submitter_id");

-- CreateIndex
CREATE INDEX "item_events_item_id_id_idx" ON "item_events"("item_id", "id");

-- CreateIndex
CREATE INDEX "item_events_type_created_at_idx" ON "item_events"("type", "created_at");

-- CreateIndex
CREATE INDEX "item_supporters_person_id_idx" ON "item_supporters"("person_id");

-- CreateIndex
CREATE INDEX "item_photos_item_id_idx" ON "item_photos"("item_id");

-- CreateIndex
CREATE INDEX "inbound_messages_status_received_at_idx" ON "inbound_messages"("status", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_messages_platform_message_id_key" ON "inbound_messages"("platform", "message_id");

-- CreateIndex
CREATE UNIQUE INDEX "dialogues_person_id_conversation_key_key" ON "dialogues"("person_id", "conversation_key");

-- CreateIndex
CREATE INDEX "outbox_messages_status_not_before_idx" ON "outbox_messages"("status", "not_before");

-- CreateIndex
CREATE INDEX "outbox_messages_order_key_status_id_idx" ON "outbox_messages"("order_key", "status", "id");

-- CreateIndex
CREATE INDEX "outbox_messages_inbound_id_idx" ON "outbox_messages"("inbound_id");

-- CreateIndex
CREATE INDEX "outbox_messages_platform_target_type_target_id_id_idx" ON "outbox_messages"("platform", "target_type", "target_id", "id");

-- CreateIndex
CREATE INDEX "revisits_person_id_answered_at_idx" ON "revisits"("person_id", "answered_at");

-- CreateIndex
CREATE UNIQUE INDEX "revisits_item_id_person_id_key" ON "revisits"("item_id", "person_id");

-- CreateIndex
CREATE INDEX "job_runs_job_id_idx" ON "job_runs"("job", "id");

-- CreateIndex
CREATE UNIQUE INDEX "job_runs_job_scheduled_at_key" ON "job_runs"("job", "scheduled_at");

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_chats" ADD CONSTRAINT "group_chats_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invites" ADD CONSTRAINT "invites_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_submitter_id_fkey" FOREIGN KEY ("submitter_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_claimant_id_fkey" FOREIGN KEY ("claimant_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_events" ADD CONSTRAINT "item_events_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_supporters" ADD CONSTRAINT "item_supporters_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_photos" ADD CONSTRAINT "item_photos_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
