-- GET /api/v1/articles/{id} as it answers it, rendered once per version when the event is applied,
-- so a read ships this text instead of building and serialising the article. NULL for rows written
-- before this column (and tombstones): the read renders those from the columns.
ALTER TABLE articles ADD COLUMN view_json text;
