-- The searched tables keep their search text and stems in line (PostgreSQL's default toast target)
-- instead of out of line. Out of line, every text filter paid a detoast per row the planner did not
-- see: it chose a sequential scan over the trigram and tsvector indexes (191 ms instead of 15 ms to
-- count one word in 6,690 Helsinki decisions). The large `doc` still goes out of line first.
-- Rows written before this migration keep their layout until they are rewritten; a store rebuilt
-- from scratch (delete its directory or schema, or sync it anew) has it everywhere.
ALTER TABLE decisions RESET (toast_tuple_target);
ALTER TABLE cases RESET (toast_tuple_target);
ALTER TABLE extras RESET (toast_tuple_target);
