-- DropIndex
DROP INDEX "items_community_id_closed_at_idx";

-- DropIndex
DROP INDEX "items_community_id_done_at_idx";

-- DropIndex
DROP INDEX "items_community_id_status_idx";

-- DropIndex
DROP INDEX "outbox_messages_status_not_before_idx";

-- AlterTable
ALTER TABLE "communities" ADD COLUMN "phone" TEXT;
ALTER TABLE "communities" ADD COLUMN "wechat_link" TEXT;

-- AlterTable
ALTER TABLE "items" ADD COLUMN "answer_due_at" DATETIME;
ALTER TABLE "items" ADD COLUMN "grid_id" INTEGER;
ALTER TABLE "items" ADD COLUMN "late_notice_at" DATETIME;
ALTER TABLE "items" ADD COLUMN "related_to_id" INTEGER;

-- AlterTable
ALTER TABLE "people" ADD COLUMN "grid_id" INTEGER;

-- CreateTable
CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "grids" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "community_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grids_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "prompts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "item_id" INTEGER NOT NULL,
    "asked_at" DATETIME NOT NULL,
    "answered_at" DATETIME
);

-- CreateTable
CREATE TABLE "console_links" (
    "token_hash" TEXT NOT NULL PRIMARY KEY,
    "person_id" INTEGER,
    "expires_at" DATETIME NOT NULL,
    "used_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "console_sessions" (
    "token_hash" TEXT NOT NULL PRIMARY KEY,
    "person_id" INTEGER,
    "expires_at" DATETIME NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "kf_cursors" (
    "open_kfid" TEXT NOT NULL PRIMARY KEY,
    "cursor" TEXT NOT NULL DEFAULT '',
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "kf_customers" (
    "open_kfid" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "last_inbound_at" DATETIME,
    "sent_in_window" INTEGER NOT NULL DEFAULT 0,
    "service_state" INTEGER NOT NULL DEFAULT 0,
    "servicer_user_id" TEXT,
    "community_id" INTEGER,
    "updated_at" DATETIME NOT NULL,

    PRIMARY KEY ("open_kfid", "external_user_id")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_dialogues" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "conversation_key" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "kind" TEXT,
    "text" TEXT NOT NULL,
    "community_id" INTEGER,
    "place" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "photos" TEXT NOT NULL DEFAULT '[]',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "phone" TEXT,
    "priority" TEXT NOT NULL DEFAULT 'normal'
);
INSERT INTO "new_dialogues" ("community_id", "conversation_key", "created_at", "id", "kind", "latitude", "longitude", "person_id", "photos", "place", "step", "text", "updated_at") SELECT "community_id", "conversation_key", "created_at", "id", "kind", "latitude", "longitude", "person_id", "photos", "place", "step", "text", "updated_at" FROM "dialogues";
DROP TABLE "dialogues";
ALTER TABLE "new_dialogues" RENAME TO "dialogues";
CREATE INDEX "dialogues_updated_at_idx" ON "dialogues"("updated_at");
CREATE UNIQUE INDEX "dialogues_person_id_conversation_key_key" ON "dialogues"("person_id", "conversation_key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
CREATE INDEX "items_community_id_status_deadline_at_priority_idx" ON "items"("community_id", "status", "deadline_at", "priority");

-- CreateIndex
CREATE INDEX "items_community_id_grid_id_status_idx" ON "items"("community_id", "grid_id", "status");

-- CreateIndex
CREATE INDEX "items_status_answer_due_at_idx" ON "items"("status", "answer_due_at");

-- CreateIndex
CREATE INDEX "items_answer_due_at_created_at_idx" ON "items"("answer_due_at", "created_at");

-- CreateIndex
CREATE INDEX "outbox_messages_status_not_before_id_idx" ON "outbox_messages"("status", "not_before", "id");
