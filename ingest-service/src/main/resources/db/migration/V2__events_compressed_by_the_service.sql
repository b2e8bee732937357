-- From now on the service writes article.event LZ4-compressed (StoredEvents): PostgreSQL's own pglz
-- compression of the ~10 KB event was over half of its CPU in a bulk import. So the column is stored as
-- given (no pglz on top), and a row stays in the table up to a page instead of being cut into TOAST chunks
-- over 2 KB. Rows written before keep their uncompressed event; the service reads both.
alter table article alter column event set storage external;
alter table article set (toast_tuple_target = 8160);
