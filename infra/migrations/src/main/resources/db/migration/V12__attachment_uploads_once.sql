-- Uploads are exactly-once through client_writes: the request that claims its client id records its
-- attachment as ready; concurrent retries each stage their objects under a pending row of their own
-- and remove it when they lose the claim. So the client id is unique only among recorded attachments,
-- and pending and failed rows keep it, so that a retry can clear what a failed try left behind.
alter table attachments drop constraint attachments_client_id_key;
create unique index attachments_client_id_key on attachments (client_id)
  where status in ('ready', 'withdrawn', 'removed');
create index attachments_unfinished_client_id on attachments (client_id)
  where status in ('pending', 'failed');

-- Client ids of uploads recorded before stay used: a retry of such an upload is answered 409 instead of
-- being stored a second time. Their first answers were not kept, so they cannot be replayed.
insert into client_writes (client_id, actor_id, operation, fingerprint, created_at)
select client_id, uploaded_by, 'made-before-client-writes', '', created_at
  from attachments
 where client_id is not null and status in ('ready', 'withdrawn', 'removed')
on conflict (client_id) do nothing;
