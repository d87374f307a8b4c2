-- The stream rebuilds a room's membership at a point of its log (replay from a client's cursor,
-- a room's live feed starting) from the membership events up to that seq. The predicate names the
-- same types as EventType.changesMembership(), in the same order, so the planner can use it for
-- the stream's query.
create index events_membership on events (room_id, seq)
  where type in ('room.opened', 'room.member_added', 'room.member_role_changed', 'room.member_removed',
                 'chat.created', 'chat.member_added', 'chat.permissions_changed', 'chat.member_removed');
