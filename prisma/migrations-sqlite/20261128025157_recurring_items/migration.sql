-- AlterTable (a column at the end: no table rebuild on a large ledger)
ALTER TABLE "items" ADD COLUMN "recurring" BOOLEAN NOT NULL DEFAULT false;
