-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_items" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "community_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "category" TEXT,
    "place" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "deadline_at" DATETIME,
    "submitter_id" INTEGER NOT NULL,
    "claimant_id" INTEGER,
    "assigned_unit" TEXT,
    "merged_into_id" INTEGER,
    "rating" INTEGER,
    "rating_comment" TEXT,
    "source_platform" TEXT NOT NULL,
    "source_conversation_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "answered_at" DATETIME,
    "answer_seconds" INTEGER,
    "claimed_at" DATETIME,
    "claim_seconds" INTEGER,
    "activity_at" DATETIME,
    "done_at" DATETIME,
    "resolve_seconds" INTEGER,
    "closed_at" DATETIME,
    "snoozed_until" DATETIME,
    "reminded_at" DATETIME,
    "escalated_at" DATETIME,
    "grid_id" INTEGER,
    "answer_due_at" DATETIME,
    "late_notice_at" DATETIME,
    "related_to_id" INTEGER,
    "recurring" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "items_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "items_submitter_id_fkey" FOREIGN KEY ("submitter_id") REFERENCES "people" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "items_claimant_id_fkey" FOREIGN KEY ("claimant_id") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_items" ("activity_at", "answer_due_at", "answer_seconds", "answered_at", "assigned_unit", "category", "claim_seconds", "claimant_id", "claimed_at", "closed_at", "community_id", "created_at", "deadline_at", "done_at", "escalated_at", "grid_id", "id", "kind", "late_notice_at", "latitude", "longitude", "merged_into_id", "place", "priority", "rating", "rating_comment", "related_to_id", "reminded_at", "resolve_seconds", "snoozed_until", "source_conversation_id", "source_platform", "status", "submitter_id", "text", "updated_at", "version") SELECT "activity_at", "answer_due_at", "answer_seconds", "answered_at", "assigned_unit", "category", "claim_seconds", "claimant_id", "claimed_at", "closed_at", "community_id", "created_at", "deadline_at", "done_at", "escalated_at", "grid_id", "id", "kind", "late_notice_at", "latitude", "longitude", "merged_into_id", "place", "priority", "rating", "rating_comment", "related_to_id", "reminded_at", "resolve_seconds", "snoozed_until", "source_conversation_id", "source_platform", "status", "submitter_id", "text", "updated_at", "version" FROM "items";
DROP TABLE "items";
ALTER TABLE "new_items" RENAME TO "items";
CREATE INDEX "items_community_id_status_deadline_at_priority_idx" ON "items"("community_id", "status", "deadline_at", "priority");
CREATE INDEX "items_community_id_created_at_idx" ON "items"("community_id", "created_at");
CREATE INDEX "items_community_id_claimed_at_idx" ON "items"("community_id", "claimed_at");
CREATE INDEX "items_status_created_at_idx" ON "items"("status", "created_at");
CREATE INDEX "items_status_activity_at_idx" ON "items"("status", "activity_at");
CREATE INDEX "items_status_done_at_idx" ON "items"("status", "done_at");
CREATE INDEX "items_status_deadline_at_idx" ON "items"("status", "deadline_at");
CREATE INDEX "items_status_closed_at_idx" ON "items"("status", "closed_at");
CREATE INDEX "items_claimant_id_status_idx" ON "items"("claimant_id", "status");
CREATE INDEX "items_submitter_id_idx" ON "items"("submitter_id");
CREATE INDEX "items_community_id_grid_id_status_idx" ON "items"("community_id", "grid_id", "status");
CREATE INDEX "items_status_answer_due_at_idx" ON "items"("status", "answer_due_at");
CREATE INDEX "items_answer_due_at_created_at_idx" ON "items"("answer_due_at", "created_at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
