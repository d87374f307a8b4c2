package de.lagebild.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.TestPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The functions' database role may append to the audit log and nothing else: whatever a compromised
 * function tries, the records stay as they were written, with the database's time.
 */
class AuditLogPrivilegesTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private TestPool database;

    @BeforeEach
    void connectAsTheFunctions() {
        database = TestPool.open();
    }

    @AfterEach
    void disconnect() {
        database.close();
    }

    @Test
    void appendsWithTheDatabasesTimeEvenWhenTheWriterBackDates() {
        UUID id = UUID.randomUUID();
        OffsetDateTime backDated = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        database.pool().preparedQuery("insert into audit_log (id, at, actor_id, action) values ($1, $2, $3, 'test.appended')")
                .executeAndAwait(Tuple.of(id, backDated, UUID.randomUUID()));

        Row row = database.pool().preparedQuery("select at from audit_log where id = $1").executeAndAwait(Tuple.of(id))
                .iterator().next();
        assertThat(row.getOffsetDateTime("at")).isAfter(OffsetDateTime.now().minusMinutes(5));
    }

    @Test
    void cannotChangeDeleteOrTruncateRecords() {
        UUID id = appended();
        assertRefused("update audit_log set action = 'forged' where id = '" + id + "'");
        assertRefused("delete from audit_log where id = '" + id + "'");
        assertRefused("truncate audit_log");
        assertThat(database.pool().preparedQuery("select action from audit_log where id = $1").executeAndAwait(Tuple.of(id))
                .iterator().next().getString("action")).isEqualTo("test.appended");
    }

    @Test
    void cannotDisableTheTriggersOrAlterTheTable() {
        assertRefused("alter table audit_log disable trigger audit_log_append_only");
        assertRefused("alter table audit_log disable trigger all");
        assertRefused("drop trigger audit_log_append_only on audit_log");
        assertRefused("alter table audit_log add column forged boolean");
        assertRefused("alter table audit_log owner to current_user");
        assertRefused("drop table audit_log");
    }

    @Test
    void ownsNothingAndCreatesNothingInTheSchema() {
        Row row = database.pool().query("""
                select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relowner = (select oid from pg_roles where rolname = current_user)) as owned,
                       has_schema_privilege('public', 'create') as can_create,
                       (select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles where rolname = current_user)
                           as powerful
                """).executeAndAwait().iterator().next();
        assertThat(row.getLong("owned")).isZero();
        assertThat(row.getBoolean("can_create")).isFalse();
        assertThat(row.getBoolean("powerful")).isFalse();
        assertRefused("create table forged_audit (id uuid)");
    }

    private UUID appended() {
        UUID id = UUID.randomUUID();
        database.pool().preparedQuery("insert into audit_log (id, actor_id, action) values ($1, $2, 'test.appended')")
                .executeAndAwait(Tuple.of(id, UUID.randomUUID()));
        return id;
    }

    private void assertRefused(String sql) {
        String outcome = database.pool().query(sql).execute()
                .onItem().transform(rows -> "executed")
                .onFailure(PgException.class).recoverWithItem(e -> e.getSqlState())
                .await().indefinitely();
        assertThat(outcome).as(sql).isEqualTo(INSUFFICIENT_PRIVILEGE);
    }
}
