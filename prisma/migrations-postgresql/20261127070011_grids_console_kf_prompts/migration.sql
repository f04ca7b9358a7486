-- DropIndex
DROP INDEX "items_community_id_closed_at_idx";

-- DropIndex
DROP INDEX "items_community_id_done_at_idx";

-- DropIndex
DROP INDEX "items_community_id_status_idx";

-- DropIndex
DROP INDEX "outbox_messages_status_not_before_idx";

-- AlterTable
ALTER TABLE "communities" ADD COLUMN     "phone" TEXT,
ADD COLUMN     "wechat_link" TEXT;

-- AlterTable
ALTER TABLE "dialogues" ADD COLUMN     "phone" TEXT,
ADD COLUMN     "priority" TEXT NOT NULL DEFAULT 'normal';

-- AlterTable
ALTER TABLE "items" ADD COLUMN     "answer_due_at" TIMESTAMP(3),
ADD COLUMN     "grid_id" INTEGER,
ADD COLUMN     "late_notice_at" TIMESTAMP(3),
ADD COLUMN     "related_to_id" INTEGER;

-- AlterTable
ALTER TABLE "people" ADD COLUMN     "grid_id" INTEGER;

-- CreateTable
CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "grids" (
    "id" SERIAL NOT NULL,
    "community_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "grids_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prompts" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "item_id" INTEGER NOT NULL,
    "asked_at" TIMESTAMP(3) NOT NULL,
    "answered_at" TIMESTAMP(3),

    CONSTRAINT "prompts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "console_links" (
    "token_hash" TEXT NOT NULL,
    "person_id" INTEGER,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "console_links_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "console_sessions" (
    "token_hash" TEXT NOT NULL,
    "person_id" INTEGER,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "console_sessions_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "kf_cursors" (
    "open_kfid" TEXT NOT NULL,
    "cursor" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "kf_cursors_pkey" PRIMARY KEY ("open_kfid")
);

-- CreateTable
CREATE TABLE "kf_customers" (
    "open_kfid" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "last_inbound_at" TIMESTAMP(3),
    "sent_in_window" INTEGER NOT NULL DEFAULT 0,
    "service_state" INTEGER NOT NULL DEFAULT 0,
    "servicer_user_id" TEXT,
    "community_id" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "kf_customers_pkey" PRIMARY KEY ("open_kfid","external_user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "grids_community_id_name_key" ON "grids"("community_id", "name");

-- CreateIndex
CREATE INDEX "prompts_person_id_answered_at_asked_at_idx" ON "prompts"("person_id", "answered_at", "asked_at");

-- CreateIndex
CREATE UNIQUE INDEX "prompts_person_id_kind_item_id_key" ON "prompts"("person_id", "kind", "item_id");

-- CreateIndex
CREATE INDEX "console_sessions_expires_at_idx" ON "console_sessions"("expires_at");

-- CreateIndex
CREATE INDEX "kf_customers_external_user_id_idx" ON "kf_customers"("external_user_id");

-- CreateIndex
CREATE INDEX "dialogues_updated_at_idx" ON "dialogues"("updated_at");

-- CreateIndex
CREATE INDEX "items_community_id_status_deadline_at_priority_idx" ON "items"("community_id", "status", "deadline_at", "priority");

-- CreateIndex
CREATE INDEX "items_community_id_grid_id_status_idx" ON "items"("community_id", "grid_id", "status");

-- CreateIndex
CREATE INDEX "items_status_answer_due_at_idx" ON "items"("status", "answer_due_at");

-- CreateIndex
CREATE INDEX "items_answer_due_at_created_at_idx" ON "items"("answer_due_at", "created_at");

-- CreateIndex
CREATE INDEX "outbox_messages_status_not_before_id_idx" ON "outbox_messages"("status", "not_before", "id");

-- AddForeignKey
ALTER TABLE "grids" ADD CONSTRAINT "grids_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
