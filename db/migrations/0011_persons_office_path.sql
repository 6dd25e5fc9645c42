ALTER TABLE "persons" ADD COLUMN "office_path" text;
