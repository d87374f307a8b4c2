-- Layers (issue 5): features kept in the forms that map views read, so a request does no
-- per-feature projection or JSON work.

-- V4 declared it parallel safe, but its exception blocks start subtransactions, which a parallel
-- worker cannot: a parallel plan of an import would fail instead of reporting.
alter function layer_feature_geometry(text, text, integer, boolean) parallel unsafe;

-- A feature as the GeoJSON the features endpoint returns. to_json is only stable because of
-- other argument types; on text it is immutable, as a generated column needs.
create function layer_feature_json(layer_id text, external_id text, properties jsonb, geom geometry)
returns text language sql immutable parallel safe as $$
  select '{"type":"Feature",' || coalesce('"id":' || to_json(external_id)::text || ',', '')
         || '"layer":"' || layer_id || '","geometry":' || st_asgeojson(geom, 7)
         || ',"properties":' || properties::text || '}'
$$;

-- Generated, so every writer keeps them consistent with geom and the properties: tiles are cut
-- in Web Mercator without transforming each feature on each request (PostGIS sets up its PROJ
-- transformation anew for every statement), and the features endpoint only concatenates text.
alter table layer_features
  add column geom_mercator geometry(Geometry, 3857) generated always as (st_transform(geom, 3857)) stored,
  add column feature_json  text generated always as (layer_feature_json(layer_id, external_id, properties, geom)) stored;

create index layer_features_layer_geom_mercator on layer_features using gist (layer_id, geom_mercator);
