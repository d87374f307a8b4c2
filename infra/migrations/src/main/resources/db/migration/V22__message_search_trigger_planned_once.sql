-- The search vector of a new message cost more than the rest of posting it: the trigger called
-- message_search_vector(), a SQL function that PostgreSQL plans afresh on every call (with its two
-- lookups of POIs and attachments), for every message, even a text message without either. In
-- PL/pgSQL each statement is planned once per session, and the lookups run only when there is
-- something to look up: the chat benchmark's insert of a text message went from ~0.26 ms to
-- ~0.1 ms of database time (pgbench ablation, docs/performance.md). Same vector, same rules.
create or replace function messages_search_current() returns trigger language plpgsql as $$
begin
  if new.deleted_at is not null then
    new.search := null;
    return new;
  end if;
  new.search := search_vector(new.body, 'A');
  if new.poi_id is not null then
    new.search := new.search || coalesce((select search_vector(p.name, 'A') || search_vector(p.description, 'B')
                                            from pois p where p.id = new.poi_id and p.deleted_at is null), ''::tsvector);
  end if;
  if new.attachment_id is not null then
    new.search := new.search || coalesce((select search_vector(search_words(a.file_name), 'B')
                                            from attachments a where a.id = new.attachment_id), ''::tsvector);
  end if;
  return new;
end $$;
