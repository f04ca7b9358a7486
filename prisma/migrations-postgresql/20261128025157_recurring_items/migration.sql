-- AlterTable
ALTER TABLE "items" ADD COLUMN     "recurring" BOOLEAN NOT NULL DEFAULT false;
