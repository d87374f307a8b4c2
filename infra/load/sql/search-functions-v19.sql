-- search_fold() and search_vector() as V19 made them, SQL functions (V26 made them PL/pgSQL):
-- infra/bench-post-sql.sh compares them with the current ones.
create or replace function search_fold(input text) returns text
  language sql immutable strict parallel safe
  return replace(replace(replace(public.unaccent('public.unaccent'::regdictionary, lower(input)),
                                 'ae', 'a'), 'oe', 'o'), 'ue', 'u');

create or replace function search_vector(input text, weight "char") returns tsvector
  language sql immutable parallel safe
  return setweight(to_tsvector('lagebild_german', coalesce(search_fold(input), ''))
                   || to_tsvector('lagebild_english', coalesce(search_fold(input), '')), weight);
