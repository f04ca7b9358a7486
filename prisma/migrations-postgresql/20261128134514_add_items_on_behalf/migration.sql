-- AlterTable
ALTER TABLE "items" ADD COLUMN     "on_behalf_of" TEXT,
ADD COLUMN     "on_behalf_phone" TEXT;
