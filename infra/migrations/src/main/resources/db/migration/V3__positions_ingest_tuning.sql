-- Positions at the rate of a whole police force (about 1,000 fixes per second and more).
-- The latest position of every user is updated every few seconds: free space in each page keeps
-- those updates HOT (no index changes; user_id, the only indexed column, never changes), and
-- frequent autovacuum keeps the table small.
alter table positions_latest set (
  fillfactor = 50,
  autovacuum_vacuum_scale_factor = 0.01,
  autovacuum_vacuum_threshold = 1000,
  autovacuum_analyze_scale_factor = 0.05
);

-- The track only grows (and shrinks by retention): vacuum after inserts keeps the visibility map
-- current for index-only reads of tracks, analyze keeps the planner's estimates fresh.
alter table position_track set (
  autovacuum_vacuum_insert_scale_factor = 0.05,
  autovacuum_analyze_scale_factor = 0.02
);

-- Retention looks for users without an open or recently closed room.
create index if not exists rooms_closed_at on rooms (closed_at) where closed_at is not null;
