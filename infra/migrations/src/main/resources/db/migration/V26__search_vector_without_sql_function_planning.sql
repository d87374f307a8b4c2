-- The search vector of a new message still cost more than the rest of posting it: PostgreSQL could
-- not inline search_fold() (a SQL function declared immutable whose body calls unaccent(), which is
-- only stable), so every call ran it as a SQL function, which plans its body again in each new
-- query execution. The trigger's search_vector() called it twice, and a send is one transaction:
-- two plannings per message. As PL/pgSQL functions, their bodies are planned once per session, and
-- the text is folded once per vector. Same vectors, same queries: the definitions are V19's.
-- pgbench ablation (infra/bench-post-sql.sh, functions/chat/README.md): about 6 to 10 % more posts a
-- second from the same two cores.
create or replace function search_fold(input text) returns text
  language plpgsql immutable strict parallel safe as $$
begin
  return replace(replace(replace(public.unaccent('public.unaccent'::regdictionary, lower(input)),
                                 'ae', 'a'), 'oe', 'o'), 'ue', 'u');
end $$;

create or replace function search_vector(input text, weight "char") returns tsvector
  language plpgsql immutable parallel safe as $$
declare
  folded text := coalesce(search_fold(input), '');
begin
  return setweight(to_tsvector('lagebild_german', folded) || to_tsvector('lagebild_english', folded), weight);
end $$;
