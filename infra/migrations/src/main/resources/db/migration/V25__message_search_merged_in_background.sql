-- A message's search entries wait in the GIN index's pending list until they are merged into the
-- index. When the list had outgrown gin_pending_list_limit (256 kB, V24), the sending backend that
-- found it so merged all of it, while it held its room's row (MessageStatement), and every send into
-- that room waited for the merge. Now chat merges the list every second in the background
-- (SearchIndexUpkeep), and the limit is only a backstop for a time without any chat instance: a
-- send merges only past 64 MB. Searches read the pending list too, so they find a message at once,
-- and read at most about a second of messages from the list.
alter index messages_search set (gin_pending_list_limit = 65536);

-- gin_clean_pending_list is the index owner's; the functions' role owns nothing.
create function merge_message_search_pending_list() returns bigint
  language sql security definer set search_path = public, pg_temp
  return gin_clean_pending_list('public.messages_search'::regclass);
revoke all on function merge_message_search_pending_list() from public;
grant execute on function merge_message_search_pending_list() to ${function_role};
