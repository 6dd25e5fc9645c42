-- People are listed by first name, then surname, titles ignored (Thai office practice): the
-- officer search sorts by search_name ("ชื่อ นามสกุล") in the Thai collation instead of
-- display_name, which begins with the title (นาย/นาง/นางสาว…) and grouped everyone by it.
CREATE INDEX persons_search_name_th_idx ON persons (search_name COLLATE th);
--> statement-breakpoint
DROP INDEX IF EXISTS persons_display_name_th_idx;
