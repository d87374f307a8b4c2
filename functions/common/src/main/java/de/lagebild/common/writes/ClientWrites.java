package de.lagebild.common.writes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.events.EventLog;
import de.lagebild.common.events.LogWriter;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Exactly-once creating writes by client id, under any concurrency. In one transaction of
 * {@link EventLog#transaction} the request first claims its client id in {@code client_writes}
 * ({@code insert ... on conflict do nothing}). The first request gets the claim, runs the write and
 * stores its answer; a concurrent retry waits on the claim's key until the first commits, then
 * finds the stored answer. A refused or failed write rolls its claim back with everything else.
 *
 * <p>Use it from a service, for each write that creates something on a client's request:
 * <pre>{@code
 * return writes.once(new ClientRequest(request.clientId(), actor.id(), "chat.create", List.of(roomId, request)),
 *         ChatView.class,
 *         log -> createChat(log, actor, roomId, request),       // runs only for the first request
 *         chat -> URI.create("/v1/chats/" + chat.id()));
 * }</pre>
 * and answer with {@link WriteResponses#of}: 201 for the first request, 200 with the same body for
 * every retry (both are read from the stored JSON, so they are the same bytes), 409 problem+json for
 * a request of another operation, actor or content that reuses the client id.
 */
@ApplicationScoped
public class ClientWrites {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> CLIENT_ID_KEYS = Set.of("client_writes_pkey", "messages_client_id_key",
            "attachments_client_id_key");

    private static final String CLAIM = """
            insert into client_writes (client_id, actor_id, operation, fingerprint)
            values (:clientId, :actorId, :operation, :fingerprint)
            on conflict (client_id) do nothing""";
    private static final String STORE = "update client_writes set response = :response where client_id = :clientId";
    private static final String EARLIER = """
            select case when actor_id = :actorId and operation = :operation and fingerprint = :fingerprint
                        then response end
              from client_writes where client_id = :clientId""";
    /** The stored answer of the same request, '' for another request, no row for an unused client id. */
    private static final String DONE = """
            select coalesce(case when actor_id = :actorId and operation = :operation and fingerprint = :fingerprint
                                 then response end, '')
              from client_writes where client_id = :clientId""";

    private final EventLog eventLog;
    private final ObjectMapper json;

    public ClientWrites(EventLog eventLog, ObjectMapper json) {
        this.eventLog = eventLog;
        this.json = json;
    }

    /**
     * Runs {@code write} once for the request's client id, in one transaction that announces its
     * events after commit. {@code answerType} is the answer's class (it is read back from JSON);
     * {@code location} gives the created thing's address for the 201.
     */
    public <T> Uni<WriteResult<T>> once(ClientRequest request, Class<T> answerType,
            Function<LogWriter, Uni<T>> write, Function<T, URI> location) {
        String fingerprint = fingerprint(request);
        return eventLog.transaction(log -> claim(request, fingerprint).flatMap(claimed -> claimed
                ? write.apply(log).flatMap(answer -> store(request.clientId(), answer))
                        .map(stored -> read(stored, answerType))
                        .map(answer -> WriteResult.created(answer, location.apply(answer)))
                : earlier(request, fingerprint).map(stored -> WriteResult.existing(read(stored, answerType)))));
    }

    /**
     * The stored answer when this request was written before (a retry: 200), nothing when its client
     * id is not taken by a committed write, 409 when another request took it. For writes whose costly
     * part precedes their transaction (an upload into the object store): a retry of a finished write
     * is answered without that work. It decides nothing: the claim in {@link #once} still does.
     */
    public <T> Uni<WriteResult<T>> done(ClientRequest request, Class<T> answerType) {
        String fingerprint = fingerprint(request);
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery(DONE, String.class)
                        .setParameter("clientId", request.clientId())
                        .setParameter("actorId", request.actorId())
                        .setParameter("operation", request.operation())
                        .setParameter("fingerprint", fingerprint)
                        .getSingleResultOrNull()))
                .map(stored -> {
                    if (stored == null) {
                        return null;
                    }
                    if (stored.isEmpty()) {
                        throw usedByAnotherRequest();
                    }
                    return WriteResult.existing(read(stored, answerType));
                });
    }

    /** The request's fingerprint: a hash of its operation and content, as stored with its claim. */
    public String fingerprint(ClientRequest request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(request.operation().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(json.writeValueAsBytes(request.content()));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("request cannot be fingerprinted", e);
        }
    }

    /** Reads a stored answer: the first answer and every retry are made from the same stored text. */
    public <T> T read(String stored, Class<T> answerType) {
        try {
            return json.readValue(stored, answerType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer cannot be read as " + answerType.getSimpleName(), e);
        }
    }

    /** Whether a failure is a unique violation of a client id: a write with this id was made before. */
    public static boolean isDuplicateClientId(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && CLIENT_ID_KEYS.contains(pg.getConstraint())) {
                return true;
            }
            // Through Hibernate Reactive the client's PgException arrives converted, with the constraint's name.
            if (t instanceof ConstraintViolationException violation && CLIENT_ID_KEYS.contains(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private Uni<Boolean> claim(ClientRequest request, String fingerprint) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(CLAIM)
                        .setParameter("clientId", request.clientId())
                        .setParameter("actorId", request.actorId())
                        .setParameter("operation", request.operation())
                        .setParameter("fingerprint", fingerprint)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private Uni<String> store(UUID clientId, Object answer) {
        String stored = write(answer);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(STORE)
                        .setParameter("response", stored)
                        .setParameter("clientId", clientId)
                        .executeUpdate())
                .replaceWith(stored);
    }

    private Uni<String> earlier(ClientRequest request, String fingerprint) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(EARLIER, String.class)
                        .setParameter("clientId", request.clientId())
                        .setParameter("actorId", request.actorId())
                        .setParameter("operation", request.operation())
                        .setParameter("fingerprint", fingerprint)
                        .getSingleResultOrNull())
                .onItem().ifNull().failWith(ClientWrites::usedByAnotherRequest);
    }

    /** The 409 for a request of another operation, actor or content that reuses a client id. */
    public static ProblemException usedByAnotherRequest() {
        return ProblemException.conflict("this client id was already used for another request");
    }

    private String write(Object answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("answer cannot be written as JSON", e);
        }
    }
}
