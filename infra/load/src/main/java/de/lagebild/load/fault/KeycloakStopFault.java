package de.lagebild.load.fault;

import de.lagebild.load.Scenario;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.StreamPhone;
import de.lagebild.load.report.BenchRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak stopped while phones keep working with the tokens they have: REST calls and new stream
 * sockets with those tokens must keep working (the functions cached the realm's keys), a new login
 * must fail clearly. Then Keycloak is started again; recovery: from its start command until a
 * new login works and the function accepts the new token.
 * Options: {@code officers=10 rate=10 seconds=20}.
 */
final class KeycloakStopFault implements Scenario {

    @Override
    @SuppressWarnings("try") // the message load runs for as long as its try block
    public void run(String[] argv) throws Exception {
        FaultSetup run = new FaultSetup(argv, "keycloak-stop", 10, 1, 20, 10);
        List<String> chatUrl = run.stack.chat().subList(0, 1);
        // the last officer's phone connects only while Keycloak is down
        List<StreamPhone> phones = new ArrayList<>(run.phones(run.stack.streams().subList(0, 1), run.officers - 1));
        run.fault.inject();
        String login;
        try {
            run.users.token("officer1");
            login = "a new login WORKED while Keycloak was down";
        } catch (Exception refused) {
            login = "a new login failed: " + refused.getClass().getSimpleName()
                    + (refused.getMessage() == null ? " (nothing listens on the token endpoint)" : ": " + refused.getMessage());
        }
        System.out.println(login);
        BenchRun.figure("new login while Keycloak is down", login);
        StreamPhone late = new StreamPhone(run.officers - 1, run.tokens::get, run.stack.streams().subList(0, 1),
                run.rest.http(), run.deliveries, null);
        late.connect().get(30, TimeUnit.SECONDS);
        System.out.println("a new stream socket with an already-issued token caught up while Keycloak was down");
        phones.add(late);
        run.deliveries.members(run.operation.chatIds().get(0), phones);
        Sends sends = new Sends(run.deliveries, 0);
        try (MessageLoad load = new MessageLoad(run.rest, chatUrl, run.tokens, run.operation, sends, 100)
                .start(run.rate, run.officers)) {
            Thread.sleep(run.seconds * 1000L);
        }
        sends.drain(30_000);
        Deliveries.Count count = run.deliveries.awaitDelivered(30_000);
        System.out.printf(Locale.ROOT, "messages with already-issued tokens while Keycloak was down: failed attempts %s%n",
                sends.failures());
        long restart = System.nanoTime();
        run.fault.heal();
        String fresh = run.users.token("officer1");
        run.rest.call("GET", chatUrl.get(0) + "/v1/me", fresh, null, 200);
        FaultOutcome.print("keycloak-stop", count, FaultOutcome.seconds(restart, System.nanoTime())
                + " (Keycloak start until a new login's token is accepted)");
        phones.forEach(StreamPhone::stop);
    }
}
