-- Back to PostgreSQL's default toast target (about 2 kB) for search_documents. Migration 0009 set 128
-- bytes so that the big tsvectors would leave the heap; with tsv_pub (0013) beside them, that moved both
-- tsv and tsv_pub of nearly every row out of line, so a phrase check on a candidate read its tsv from the
-- toast table. Now only the largest vector leaves (usually tsv_pub, which the search only reads through
-- its GIN index), tsv stays inline, and loading writes one toast value a row instead of two.
-- Applies to rows written from now on.
ALTER TABLE search_documents RESET (toast_tuple_target);
