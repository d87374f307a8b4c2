-- Retention: the data of a room closed longer than its retention ago is purged in small batches by
-- the functions that own it (chat: the room's content; media: attachments and their objects). The
-- room's row stays as a tombstone (purged_at set, description and area cleared) until the audit
-- log's longer retention has passed; then its audit records and the row itself go. A legal hold
-- keeps everything: every purge statement checks legal_holds itself, and the hold's foreign key
-- keeps the room's row.
alter table rooms add column purged_at timestamptz;
alter table rooms add constraint rooms_purged_after_closed check (purged_at is null or closed_at is not null);
create index rooms_closed_unpurged on rooms (closed_at) where closed_at is not null and purged_at is null;
create index rooms_purged on rooms (closed_at) where purged_at is not null;

-- The purge deletes by room, and a row's deletion checks the rows that refer to it.
create index messages_attachment on messages (attachment_id) where attachment_id is not null;
create index pois_room on pois (room_id);
create index attachments_room on attachments (room_id);
create index attachments_chat on attachments (chat_id);

-- The audit log stays append-only for everybody but this function: it deletes a batch of the
-- audit records of a purged room whose audit retention has passed (closed before closed_before),
-- never of a held one. It runs as the schema owner; the functions' role may only call it.
create or replace function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('lagebild.audit_retention', true) = 'on' then
    return null;
  end if;
  raise exception 'audit_log is append-only';
end $$;

create function purge_room_audit(purged_room uuid, closed_before timestamptz, batch integer) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  removed integer;
begin
  perform set_config('lagebild.audit_retention', 'on', true);
  delete from audit_log where id in (
    select a.id from audit_log a join rooms r on r.id = a.room_id
     where a.room_id = purged_room and r.purged_at is not null and r.closed_at < closed_before
       and not exists (select 1 from legal_holds h where h.room_id = purged_room)
     limit batch for update of a skip locked);
  get diagnostics removed = row_count;
  perform set_config('lagebild.audit_retention', 'off', true);
  return removed;
end $$;
revoke all on function purge_room_audit(uuid, timestamptz, integer) from public;
grant execute on function purge_room_audit(uuid, timestamptz, integer) to ${function_role};
