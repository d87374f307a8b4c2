package de.lagebild.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/** How failures become problem documents: dependencies down are 503 with Retry-After; bugs are a bare 500. */
class ProblemMappersTest {

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfter() {
        RestResponse<Problem> response = mapUnexpected(new CompletionException(new ConnectException("Connection refused")));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getEntity().type()).endsWith("/dependency-unavailable");
    }

    @Test
    void aDatabaseShuttingDownIsA503() {
        PgException shutdown = new PgException("terminating connection due to administrator command", "FATAL", "57P01", null);
        assertThat(mapUnexpected(new IllegalStateException(shutdown)).getStatus()).isEqualTo(503);
    }

    @Test
    void aLostConnectionReportedThroughHibernateIsA503() {
        SQLException lost = new SQLException("ERROR: connection lost (08006)", "08006");
        assertThat(mapUnexpected(new IllegalStateException("error executing SQL statement", lost)).getStatus())
                .isEqualTo(503);
        SQLException duplicate = new SQLException("ERROR: duplicate key (23505)", "23505");
        assertThat(mapUnexpected(new IllegalStateException(duplicate)).getStatus()).isEqualTo(500);
    }

    @Test
    void aBugIsA500WithoutInternals() {
        RestResponse<Problem> response = mapUnexpected(new NullPointerException("secret.internal.Field"));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getEntity().detail()).doesNotContain("NullPointer").doesNotContain("secret");
    }

    @Test
    void aConstraintViolationInADatabaseIsNotADependencyFailure() {
        PgException duplicate = new PgException("duplicate key", "ERROR", "23505", null);
        assertThat(mapUnexpected(duplicate).getStatus()).isEqualTo(500);
    }

    @Test
    void aNulCharacterThatReachedTheDatabaseIsA400() {
        PgException nul = new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null);
        RestResponse<Problem> response = mapUnexpected(new IllegalStateException(nul));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getEntity().type()).endsWith("/invalid-request");
    }

    @Test
    void aClientThatClosedItsConnectionIsNoServerError() {
        RestResponse<Problem> response = mapUnexpected(new IOException(new HttpClosedException("Connection was closed")));
        assertThat(response.getStatus()).isEqualTo(400);
    }

    private RestResponse<Problem> mapUnexpected(Throwable failure) {
        return new ProblemMappers(List.<DependencyFailureSign>of()).unexpected(failure);
    }
}
