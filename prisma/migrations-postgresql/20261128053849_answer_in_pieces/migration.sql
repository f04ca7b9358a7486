-- AlterTable
ALTER TABLE "prompts" ADD COLUMN     "partial" TEXT;
