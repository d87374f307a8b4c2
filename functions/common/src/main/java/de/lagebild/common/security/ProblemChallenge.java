package de.lagebild.common.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer-token mechanism of the police IdP, with a problem document as the body of its 401.
 * Every refused authentication ends in the mechanism's challenge, whichever layer refused it (the
 * path policy for a missing token, proactive authentication for a bad one, a REST endpoint's role
 * check), so this is the one place where a 401 gets its body. A token verified before is taken from
 * {@link VerifiedTokens}; everything else is the OIDC mechanism's.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

    private static final String CHALLENGER = HttpAuthenticationMechanism.class.getName();

    private static final String BEARER = "Bearer ";

    private final OidcAuthenticationMechanism oidc;
    private final VerifiedTokens verifiedTokens;

    public ProblemChallenge(OidcAuthenticationMechanism oidc, VerifiedTokens verifiedTokens) {
        this.oidc = oidc;
        this.verifiedTokens = verifiedTokens;
    }

    /**
     * The OIDC mechanism names itself in the request as the one to challenge a token it refused;
     * naming this mechanism instead keeps the problem body for bad tokens too.
     */
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context);
        Optional<SecurityIdentity> known = token == null ? Optional.empty() : verifiedTokens.find(token);
        if (known.isPresent()) {
            return Uni.createFrom().item(VerifiedTokens.withRequest(known.get(), context));
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> {
            if (token != null && identity != null) {
                verifiedTokens.remember(token, identity);
            }
        }).onTermination().invoke(() -> {
            if (context.get(CHALLENGER) != null) {
                context.put(CHALLENGER, this);
            }
        });
    }

    /** The token of an {@code Authorization: Bearer} header, as the OIDC mechanism reads it; null without one. */
    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return oidc.getChallenge(context).map(challenge -> {
            HttpServerResponse response = context.response();
            if (response.ended()) {
                return true;
            }
            int status = challenge == null ? 401 : challenge.status;
            response.setStatusCode(status);
            if (challenge != null) {
                for (Map.Entry<CharSequence, String> header : challenge.getHeaders().entrySet()) {
                    response.headers().set(header.getKey(), header.getValue());
                }
            }
            if (status == 401) {
                SecurityProblems.writeUnauthenticated(response);
            }
            return true;
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority();
    }
}
