-- The search trigger as V19 made it (message_search_vector(), a SQL function planned on every call):
-- infra/bench-post-sql.sh compares it with the current one.
create or replace function messages_search_current() returns trigger language plpgsql as $$
begin
  new.search := case when new.deleted_at is null
                     then message_search_vector(new.body, new.poi_id, new.attachment_id) end;
  return new;
end $$;
