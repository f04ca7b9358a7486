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
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "photo_declined" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_dialogues" ("community_id", "conversation_key", "created_at", "id", "kind", "latitude", "longitude", "person_id", "phone", "photos", "place", "priority", "step", "text", "updated_at") SELECT "community_id", "conversation_key", "created_at", "id", "kind", "latitude", "longitude", "person_id", "phone", "photos", "place", "priority", "step", "text", "updated_at" FROM "dialogues";
DROP TABLE "dialogues";
ALTER TABLE "new_dialogues" RENAME TO "dialogues";
CREATE INDEX "dialogues_updated_at_idx" ON "dialogues"("updated_at");
CREATE UNIQUE INDEX "dialogues_person_id_conversation_key_key" ON "dialogues"("person_id", "conversation_key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
