-- Source values a city's mapping did not recognise (an outcome wording, a vote cell …). The record
-- itself keeps the raw text and maps it to UNKNOWN/null; these rows let `sources` say which values
-- and how many records, so a new wording upstream is seen instead of silently counted as UNKNOWN.
-- One row per record, field and value; written and replaced with the record's unit.
CREATE TABLE unmapped_values (
  id text COLLATE "C" PRIMARY KEY,
  owner_id text COLLATE "C" NOT NULL,
  upstream text NOT NULL,
  field text NOT NULL,
  value text NOT NULL,
  group_key text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX unmapped_values_count ON unmapped_values (upstream, field, value);
CREATE INDEX unmapped_values_group ON unmapped_values (group_key);

-- Cases by the decision records their Records list (Helsinki's officer decisions often name no
-- case themselves: the case's Records are their only link to it).
CREATE INDEX cases_decision_records ON cases USING gin ((doc->'decisionIds'));
