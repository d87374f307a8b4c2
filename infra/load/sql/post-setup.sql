-- One user writing in 50 chats of 50 rooms, for post-message.sql (infra/bench-post-sql.sh).
insert into users (id, subject, username, display_name) values ('00000000-0000-0000-0000-0000000000aa', 'bench-abl', 'abl', 'Abl') on conflict do nothing;
insert into rooms (id, name, created_by)
  select ('10000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'R' || i, '00000000-0000-0000-0000-0000000000aa' from generate_series(1, 50) i;
insert into chats (id, room_id, name, created_by)
  select ('20000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, ('10000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'C' || i, '00000000-0000-0000-0000-0000000000aa' from generate_series(1, 50) i;
insert into room_members (room_id, user_id, role, added_by)
  select ('10000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, '00000000-0000-0000-0000-0000000000aa', 'manager', '00000000-0000-0000-0000-0000000000aa' from generate_series(1, 50) i;
insert into chat_members (chat_id, user_id, room_id, added_by)
  select ('20000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, '00000000-0000-0000-0000-0000000000aa', ('10000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, '00000000-0000-0000-0000-0000000000aa' from generate_series(1, 50) i;
