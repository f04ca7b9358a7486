-- AlterTable
ALTER TABLE "dialogues" ADD COLUMN     "photo_declined" BOOLEAN NOT NULL DEFAULT false;
