-- The attachment of a deleted photo or file message is withdrawn in the same transaction as the
-- deletion: no download link is made for it any more and no new message may refer to it (both
-- need `ready`). The media sweep then removes its objects from S3 and marks it `removed`; the row
-- stays, because the deleted message still refers to it.
alter table attachments drop constraint attachments_status_check;
alter table attachments add constraint attachments_status_check
  check (status in ('pending', 'ready', 'failed', 'withdrawn', 'removed'));
create index attachments_withdrawn on attachments (id) where status = 'withdrawn';

-- Security definer: the role that deletes messages (chat's) needs no right on attachments for this.
create function withdraw_attachment_of_deleted_message() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
begin
  update attachments set status = 'withdrawn' where id = old.attachment_id and status = 'ready';
  return null;
end
$$;

create trigger messages_withdraw_attachment
  after update of deleted_at on messages
  for each row
  when (old.deleted_at is null and new.deleted_at is not null and old.attachment_id is not null)
  execute function withdraw_attachment_of_deleted_message();
