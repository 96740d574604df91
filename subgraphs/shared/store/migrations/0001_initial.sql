-- The store every city subgraph keeps: the contract's entities in normalized tables (the columns that
-- lists filter, sort, search and count on), each row with the city's mapped record (doc), and the
-- upstream's raw records beside them. Every table lives in the city's own schema (search_path).
--
-- Conventions:
-- * ids are the graph's global ids (`helsinki:decision:{…}`); references between rows use them too;
-- * sort_key orders a list newest first as text ('' when unknown, last), ties by id, both in
--   byte order (COLLATE "C"), exactly as the cursors compare them;
-- * group_key names the unit a sync writes at once (e.g. one meeting with its agenda and decisions),
--   hash is the row's content hash: a sync rewrites only the rows that changed;
-- * search is the folded text (lower case, no diacritics) matched by substring (pg_trgm), tsv the
--   stemmed words per language;
-- * large columns live out of line (toast_tuple_target), so counts and filters read narrow rows
--   (except in the searched tables: 0002).

-- Once per database, in public, so every city schema finds its operators through search_path.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE bodies (
  id text COLLATE "C" PRIMARY KEY,
  source_id text NOT NULL,
  sort_key text COLLATE "C" NOT NULL,
  type text NOT NULL,
  active boolean,
  parent_id text COLLATE "C",
  search text NOT NULL DEFAULT '',
  group_key text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
) WITH (toast_tuple_target = 128);
CREATE INDEX bodies_order ON bodies (sort_key, id);
CREATE INDEX bodies_parent ON bodies (parent_id);
CREATE INDEX bodies_group ON bodies (group_key);

CREATE TABLE meetings (
  id text COLLATE "C" PRIMARY KEY,
  source_id text NOT NULL,
  kind text NOT NULL,
  date date,
  sort_key text COLLATE "C" NOT NULL,
  body_ids text[] NOT NULL DEFAULT '{}',
  -- A status the data states (CANCELLED, HELD, UNKNOWN), or BY_TIME: held from held_from on,
  -- scheduled before (the status of a planned meeting changes with the clock, not with the data).
  status text NOT NULL,
  held_from timestamptz,
  group_key text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
) WITH (toast_tuple_target = 128);
CREATE INDEX meetings_order ON meetings (sort_key DESC, id);
CREATE INDEX meetings_date ON meetings (date);
CREATE INDEX meetings_bodies ON meetings USING gin (body_ids);
CREATE INDEX meetings_group ON meetings (group_key);

CREATE TABLE decisions (
  id text COLLATE "C" PRIMARY KEY,
  source_id text NOT NULL,
  alias_ids text[] NOT NULL DEFAULT '{}',
  date date,
  sort_key text COLLATE "C" NOT NULL,
  body_ids text[] NOT NULL DEFAULT '{}',
  meeting_id text COLLATE "C",
  position integer,
  case_ids text[] NOT NULL DEFAULT '{}',
  outcome text NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  search text NOT NULL DEFAULT '',
  tsv tsvector NOT NULL DEFAULT ''::tsvector,
  group_key text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
) WITH (toast_tuple_target = 128);
CREATE INDEX decisions_order ON decisions (sort_key DESC, id);
CREATE INDEX decisions_date ON decisions (date);
CREATE INDEX decisions_meeting ON decisions (meeting_id, position);
CREATE INDEX decisions_aliases ON decisions USING gin (alias_ids);
CREATE INDEX decisions_bodies ON decisions USING gin (body_ids);
CREATE INDEX decisions_cases ON decisions USING gin (case_ids);
CREATE INDEX decisions_categories ON decisions USING gin (categories);
CREATE INDEX decisions_search ON decisions USING gin (search gin_trgm_ops);
CREATE INDEX decisions_tsv ON decisions USING gin (tsv);
CREATE INDEX decisions_group ON decisions (group_key);

CREATE TABLE cases (
  id text COLLATE "C" PRIMARY KEY,
  source_id text NOT NULL,
  alias_ids text[] NOT NULL DEFAULT '{}',
  date date,
  sort_key text COLLATE "C" NOT NULL,
  status text NOT NULL,
  search text NOT NULL DEFAULT '',
  tsv tsvector NOT NULL DEFAULT ''::tsvector,
  group_key text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
) WITH (toast_tuple_target = 128);
CREATE INDEX cases_order ON cases (sort_key DESC, id);
CREATE INDEX cases_date ON cases (date);
CREATE INDEX cases_aliases ON cases USING gin (alias_ids);
CREATE INDEX cases_search ON cases USING gin (search gin_trgm_ops);
CREATE INDEX cases_tsv ON cases USING gin (tsv);
CREATE INDEX cases_group ON cases (group_key);

CREATE TABLE agenda_items (
  id text COLLATE "C" PRIMARY KEY,
  meeting_id text COLLATE "C" NOT NULL,
  position integer NOT NULL,
  parent_id text COLLATE "C",
  decision_id text COLLATE "C",
  group_key text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
) WITH (toast_tuple_target = 128);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_parent ON agenda_items (parent_id, position);
CREATE INDEX agenda_items_decision ON agenda_items (decision_id);
CREATE INDEX agenda_items_group ON agenda_items (group_key);

CREATE TABLE vote_events (
  id text COLLATE "C" PRIMARY KEY,
  decision_id text COLLATE "C" NOT NULL,
  position integer NOT NULL,
  yes integer NOT NULL,
  no integer NOT NULL,
  abstain integer NOT NULL,
  absent integer NOT NULL,
  group_key text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
) WITH (toast_tuple_target = 128);
CREATE INDEX vote_events_decision ON vote_events (decision_id, position);
CREATE INDEX vote_events_group ON vote_events (group_key);

-- A document attached to an owner (decision, meeting, agenda item or case); one document may be
-- attached to several owners, so the row id is `{owner}|{document}`.
CREATE TABLE documents (
  id text COLLATE "C" PRIMARY KEY,
  owner_id text COLLATE "C" NOT NULL,
  position integer NOT NULL,
  group_key text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
) WITH (toast_tuple_target = 128);
CREATE INDEX documents_owner ON documents (owner_id, position);
CREATE INDEX documents_group ON documents (group_key);

-- What a city has beyond the contract (Barcelona's participatory processes and proposals,
-- Amsterdam's module items): one table, told apart by kind.
CREATE TABLE extras (
  id text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL,
  source_id text NOT NULL,
  parent_id text COLLATE "C",
  sort_key text COLLATE "C" NOT NULL,
  search text NOT NULL DEFAULT '',
  group_key text COLLATE "C" NOT NULL,
  hash text NOT NULL,
  doc jsonb NOT NULL
) WITH (toast_tuple_target = 128);
CREATE INDEX extras_order ON extras (kind, sort_key DESC, id);
CREATE INDEX extras_parent ON extras (kind, parent_id);
CREATE INDEX extras_search ON extras USING gin (search gin_trgm_ops);
CREATE INDEX extras_group ON extras (group_key);

-- Every record as the upstream sent it. listed_at is the instant by which the upstream's list
-- windows select the record, so that a sync can tell which stored records a window should hold.
CREATE TABLE raw_records (
  upstream text NOT NULL,
  kind text NOT NULL,
  source_id text COLLATE "C" NOT NULL,
  unit_key text COLLATE "C" NOT NULL,
  listed_at timestamptz,
  hash text NOT NULL,
  raw jsonb NOT NULL,
  fetched_at timestamptz NOT NULL,
  PRIMARY KEY (upstream, kind, source_id)
) WITH (toast_tuple_target = 128);
CREATE INDEX raw_records_listed ON raw_records (upstream, kind, listed_at);
CREATE INDEX raw_records_unit ON raw_records (unit_key);

-- Records that did not map, with the reason: kept and counted, never silently dropped.
CREATE TABLE set_aside (
  upstream text NOT NULL,
  kind text NOT NULL,
  source_id text COLLATE "C" NOT NULL,
  reason text NOT NULL,
  raw jsonb,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (upstream, kind, source_id)
);

-- Per upstream: high-water marks, validators (ETags), the last success and the last error.
CREATE TABLE sync_state (
  upstream text PRIMARY KEY,
  state jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
