-- Two database roles. The schema owner (the role that runs these migrations) owns every table,
-- sequence and function. The functions connect as ${function_role}, a role that owns nothing: it
-- may read and write the tables it works on, draw from their sequences and call the schema's
-- functions, but it can change no object, disable no trigger, and only append to the audit log.
-- The role itself is made by the cluster's administrator (infra/postgres.sh locally, the
-- CloudNativePG Cluster's managed roles in k8s/); its name is the Flyway placeholder function_role.

grant usage on schema public to ${function_role};

-- Only the tables this owner made: PostGIS's own tables (spatial_ref_sys, ...) belong to the
-- extension's owner and are readable by everybody already.
do $$
declare
  owned record;
begin
  for owned in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relowner = current_user::regrole
  loop
    execute format('grant select, insert, update, delete on public.%I to %I', owned.relname, '${function_role}');
  end loop;
end $$;
grant usage, select on all sequences in schema public to ${function_role};

-- The audit log: append and read, nothing else (the trigger of V1 stays as a second line).
revoke all on audit_log from ${function_role};
grant select, insert on audit_log to ${function_role};

-- Tables and sequences of later migrations get the same grants without naming them again.
alter default privileges in schema public
  grant select, insert, update, delete on tables to ${function_role};
alter default privileges in schema public
  grant usage, select on sequences to ${function_role};

-- The time of an audit record is the database's, not the writer's: a writer cannot back-date one.
create function audit_log_stamps_time() returns trigger language plpgsql as $$
begin
  new.at := clock_timestamp();
  return new;
end $$;
create trigger audit_log_server_time before insert on audit_log
  for each row execute function audit_log_stamps_time();
