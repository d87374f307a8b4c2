-- Layers (issue 5): what imports and map-view queries need beyond V1's tables.

-- btree_gist is a trusted extension: the database owner may create it. It lets one GiST index
-- answer "features of this layer in this box" without visiting the other layers' features.
create extension if not exists btree_gist;
drop index layer_features_geom;
create index layer_features_layer_geom on layer_features using gist (layer_id, geom);

-- content_version is drawn from one sequence, so it never repeats, not even for a layer that is
-- deleted and created again under the same id: clients use it (in the ETag) to revalidate.
create sequence layer_content_version;

alter table layers
  add column content_sha256 text,
  add column updated_at     timestamptz not null default now();

alter table layer_imports
  add constraint layer_imports_counts check (read_count >= 0 and stored_count >= 0 and rejected_count >= 0);

-- One source geometry, as the importer read it, turned into what layer_features stores: parsed
-- (GeoJSON or a GML fragment), put into its source CRS, axes flipped where the source wrote
-- latitude first, flattened to 2D, repaired with ST_MakeValid where that keeps its kind (a broken
-- polygon stays an area), and reprojected to EPSG:4326. It never raises: a geometry that cannot
-- be stored comes back with outcome 'rejected' and the reason, so one bad feature does not abort
-- the import's transaction.
create function layer_feature_geometry(format text, data text, source_srid integer, flip_axes boolean,
                                       out geom geometry, out outcome text, out reason text)
language plpgsql stable parallel safe as $$
declare
  g geometry;
  kind text;
  dim integer;
  validity valid_detail;
begin
  begin
    if format = 'geojson' then
      g := st_geomfromgeojson(data);
    elsif format = 'gml' then
      g := st_geomfromgml(data, source_srid);
    else
      outcome := 'rejected'; reason := 'unknown geometry format ' || coalesce(format, 'null');
      return;
    end if;
  exception when others then
    outcome := 'rejected'; reason := 'malformed geometry: ' || sqlerrm;
    return;
  end;
  if g is null or st_isempty(g) then
    outcome := 'rejected'; reason := 'empty geometry';
    return;
  end if;
  kind := geometrytype(g);
  if kind not in ('POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON') then
    outcome := 'rejected'; reason := 'unsupported geometry type ' || kind;
    return;
  end if;
  g := st_force2d(st_setsrid(g, source_srid));
  if flip_axes then
    g := st_flipcoordinates(g);
  end if;
  outcome := 'stored';
  -- st_isvaliddetail, unlike st_isvalid, sends no NOTICE to the client for every invalid geometry.
  validity := st_isvaliddetail(g);
  if not validity.valid then
    reason := validity.reason;
    dim := st_dimension(g);
    begin
      g := st_collectionextract(st_makevalid(g), dim + 1);
    exception when others then
      g := null;
    end;
    if g is null or st_isempty(g) or st_dimension(g) <> dim then
      outcome := 'rejected'; reason := 'invalid geometry that cannot be repaired: ' || reason;
      return;
    end if;
    outcome := 'repaired';
  end if;
  begin
    g := st_transform(g, 4326);
  exception when others then
    outcome := 'rejected'; reason := 'cannot reproject from EPSG:' || source_srid || ': ' || sqlerrm;
    return;
  end;
  if not (st_xmin(g) >= -180 and st_xmax(g) <= 180 and st_ymin(g) >= -90 and st_ymax(g) <= 90) then
    outcome := 'rejected';
    reason := 'coordinates fall outside WGS 84 after reprojection from EPSG:' || source_srid
              || ': is the source CRS right?';
    return;
  end if;
  geom := g;
end $$;
