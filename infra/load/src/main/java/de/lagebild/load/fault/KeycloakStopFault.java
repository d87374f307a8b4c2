package de.lagebild.load.fault;

import de.lagebild.load.BenchUsers;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.OperationPhones;
import de.lagebild.load.phone.OperationRoom;
import de.lagebild.load.phone.Rest;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.Stack;
import de.lagebild.load.phone.StreamPhone;
import de.lagebild.load.phone.TokenPool;
import de.lagebild.load.report.BenchRun;
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
    public void run(String[] argv) throws Exception {
        ScenarioArgs args = new ScenarioArgs(argv);
        Stack stack = Stack.of(args);
        int officers = args.integer("officers", 10);
        int seconds = args.integer("seconds", 20);
        double rate = args.decimal("rate", 10);
        List<String> chatUrl = stack.chat().subList(0, 1);
        Rest rest = new Rest();
        BenchUsers users = new BenchUsers(stack.keycloak());
        FaultControl fault = new FaultControl(args, "keycloak-stop");
        try (TokenPool tokens = new TokenPool(users, officers)) {
            OperationRoom operation = OperationRoom.open(rest, chatUrl.get(0), users.token("lead1"), tokens, 1);
            Deliveries deliveries = new Deliveries();
            // the last officer's phone connects only while Keycloak is down
            List<StreamPhone> phones = OperationPhones.connect(stack.streams().subList(0, 1), rest, tokens, deliveries,
                    operation, officers - 1, 0, null);
            fault.inject();
            String login;
            try {
                users.token("officer1");
                login = "a new login WORKED while Keycloak was down";
            } catch (Exception refused) {
                login = "a new login failed: " + refused.getClass().getSimpleName() + " " + refused.getMessage();
            }
            System.out.println(login);
            BenchRun.figure("new login while Keycloak is down", login);
            StreamPhone late = new StreamPhone(officers - 1, tokens::get, stack.streams().subList(0, 1), rest.http(),
                    deliveries, null);
            late.connect().get(30, TimeUnit.SECONDS);
            System.out.println("a new stream socket with an already-issued token caught up while Keycloak was down");
            List<StreamPhone> all = new java.util.ArrayList<>(phones);
            all.add(late);
            deliveries.members(operation.chatIds().get(0), all);
            Sends sends = new Sends(deliveries, 0);
            try (MessageLoad load = new MessageLoad(rest, chatUrl, tokens, operation, sends, 100).start(rate, officers)) {
                Thread.sleep(seconds * 1000L);
            }
            sends.drain(30_000);
            Deliveries.Count count = deliveries.awaitDelivered(30_000);
            System.out.printf(Locale.ROOT, "messages with already-issued tokens while Keycloak was down: failed attempts %s%n",
                    sends.failures());
            long restart = System.nanoTime();
            fault.heal();
            String fresh = users.token("officer1");
            rest.call("GET", chatUrl.get(0) + "/v1/me", fresh, null, 200);
            FaultOutcome.print("keycloak-stop", count, FaultOutcome.seconds(restart, System.nanoTime())
                    + " (Keycloak start until a new login's token is accepted)");
            all.forEach(StreamPhone::stop);
        }
    }
}
