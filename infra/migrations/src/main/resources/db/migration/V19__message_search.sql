-- Full-text search over what members read in a chat: message bodies and captions, the names and
-- descriptions of POIs, the names of files. Each message keeps one search vector of its current
-- content (its POI's and attachment's included), so an edited-away or deleted word is found nowhere.

-- Both are trusted extensions: the schema owner may create them without being a superuser.
create extension if not exists unaccent;
create extension if not exists btree_gin;

-- German and English stemming without stop words: a licence plate such as "HH-AB 1234" keeps every
-- part ("ab" is a German stop word). unaccent comes first, so ts_headline, which parses the original
-- text, finds "Straße" for "strasse".
create text search dictionary lagebild_german_stem (template = snowball, language = german);
create text search dictionary lagebild_english_stem (template = snowball, language = english);

create text search configuration lagebild_german (copy = pg_catalog.simple);
alter text search configuration lagebild_german
  alter mapping for asciiword, word, asciihword, hword, hword_asciipart, hword_part
  with unaccent, lagebild_german_stem;

create text search configuration lagebild_english (copy = pg_catalog.simple);
alter text search configuration lagebild_english
  alter mapping for asciiword, word, asciihword, hword, hword_asciipart, hword_part
  with unaccent, lagebild_english_stem;

-- Folds text as typed and as transliterated to one form, for documents and queries alike:
-- "Straße" and "Strasse" to "strasse", "Müller", "Mueller" (and "Muller") to "muller". unaccent
-- alone is only stable (its dictionary could be changed); this schema never changes it.
create function search_fold(input text) returns text
  language sql immutable strict parallel safe
  return replace(replace(replace(public.unaccent('public.unaccent'::regdictionary, lower(input)),
                                 'ae', 'a'), 'oe', 'o'), 'ue', 'u');

-- File names read as words too: "Lage_Hauptbahnhof.pdf" is found by "Hauptbahnhof".
create function search_words(input text) returns text
  language sql immutable strict parallel safe
  return input || ' ' || translate(input, '._-', '   ');

create function search_vector(input text, weight "char") returns tsvector
  language sql immutable parallel safe
  return setweight(to_tsvector('lagebild_german', coalesce(search_fold(input), ''))
                   || to_tsvector('lagebild_english', coalesce(search_fold(input), '')), weight);

-- The query as a user types it (quotes for phrases, "or", "-" for not), in both languages.
create function search_query(input text) returns tsquery
  language sql immutable strict parallel safe
  return websearch_to_tsquery('lagebild_german', search_fold(input))
         || websearch_to_tsquery('lagebild_english', search_fold(input));

-- For highlighting only: ts_headline parses the original text, which is unaccented but not
-- transliterated, so "Feuer" must also be looked for as "feuer" (folded it is "feur").
create function search_headline_query(input text) returns tsquery
  language sql immutable strict parallel safe
  return search_query(input)
         || websearch_to_tsquery('lagebild_german', public.unaccent('public.unaccent'::regdictionary, lower(input)));

-- The current searchable content of a message; a deleted message or POI contributes nothing.
create function message_search_vector(body text, poi uuid, attachment uuid) returns tsvector
  language sql stable parallel safe
  return search_vector(body, 'A')
         || coalesce((select search_vector(p.name, 'A') || search_vector(p.description, 'B')
                        from pois p where p.id = poi and p.deleted_at is null), ''::tsvector)
         || coalesce((select search_vector(search_words(a.file_name), 'B')
                        from attachments a where a.id = attachment), ''::tsvector);

alter table messages add column search tsvector;

create function messages_search_current() returns trigger language plpgsql as $$
begin
  new.search := case when new.deleted_at is null
                     then message_search_vector(new.body, new.poi_id, new.attachment_id) end;
  return new;
end $$;
create trigger messages_search_current before insert or update of body, poi_id, attachment_id, deleted_at
  on messages for each row execute function messages_search_current();

-- A POI is edited (and deleted) apart from its message: its messages follow.
create function pois_search_current() returns trigger language plpgsql as $$
begin
  update messages m set search = message_search_vector(m.body, m.poi_id, m.attachment_id)
   where m.poi_id = new.id and m.deleted_at is null;
  return null;
end $$;
create trigger pois_search_current after update of name, description, deleted_at on pois
  for each row when (old.name is distinct from new.name or old.description is distinct from new.description
                     or old.deleted_at is distinct from new.deleted_at)
  execute function pois_search_current();

create index messages_poi on messages (poi_id) where poi_id is not null;

update messages m set search = message_search_vector(m.body, m.poi_id, m.attachment_id)
 where m.deleted_at is null;

-- One index for "in these chats, these words": btree_gin lets the chat id and the lexemes meet in
-- one GIN scan, so a search of 20 chats never visits the matches of the other chats.
create index messages_search on messages using gin (chat_id, search);
