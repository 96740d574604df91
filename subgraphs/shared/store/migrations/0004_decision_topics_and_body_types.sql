-- What decisions are counted by across cities (decisionStats, the topic and bodyType filters):
-- * topic: the decision's COFOG code from the city's reviewed topic table (null when the table has no
--   entry for it, or the city has none); topic_value the table's value that gave it (Topic.sourceValue);
--   topic_source the city's value that was looked up (reported as unmapped when topic is null).
--   The store fills them when it writes a decision and recomputes them all at start when the table
--   changed (store_state 'topics').
-- * body_type: the kind of the deciding body where the mapping knows it (a body inside the decision's
--   record, a fixed council); otherwise body_id names the deciding body and its kind is read from
--   bodies at query time, so a body's kind served and counted is one and the same.
-- Rows written before this migration get topics at the next start; their body_type/body_id only when
-- rewritten (a store rebuilt from scratch — delete its directory or schema — has them everywhere).
ALTER TABLE decisions ADD COLUMN topic text COLLATE "C";
ALTER TABLE decisions ADD COLUMN topic_value text;
ALTER TABLE decisions ADD COLUMN topic_source text;
ALTER TABLE decisions ADD COLUMN body_id text COLLATE "C";
ALTER TABLE decisions ADD COLUMN body_type text;
-- committee_ids: the committees that handled the decision's item before it was decided (most recent
-- first), which a COMMITTEE topic table looks at first; kept so that recomputing topics needs no mapping.
ALTER TABLE decisions ADD COLUMN committee_ids text[];
-- The topic filter is a prefix match (`06` matches `06.1`): byte order (COLLATE "C") lets LIKE use it.
CREATE INDEX decisions_topic ON decisions (topic);
-- decisionStats over a whole city or a period reads this narrow index instead of the wide rows (their
-- search texts are in line, 0002): at ×100 Helsinki on PGlite, counting by year, month and outcome
-- took 63 instead of 144 ms, by body type 28 instead of 60 ms (index-only once vacuumed, see analyze()).
CREATE INDEX decisions_counts ON decisions (date, outcome, topic, body_type, body_id);

-- What the store derived its rows with (e.g. the hash of the topic table), by name.
CREATE TABLE store_state (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
