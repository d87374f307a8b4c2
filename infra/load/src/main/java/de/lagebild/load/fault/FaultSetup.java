package de.lagebild.load.fault;

import de.lagebild.load.BenchUsers;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.OperationPhones;
import de.lagebild.load.phone.OperationRoom;
import de.lagebild.load.phone.Rest;
import de.lagebild.load.phone.Stack;
import de.lagebild.load.phone.StreamPhone;
import de.lagebild.load.phone.TokenPool;
import de.lagebild.load.report.BenchRun;
import java.util.List;

/**
 * What every fault run starts with: its options, the isolated stack's URLs, the officers' tokens,
 * an operation room with the officers in chats, the deliveries ledger, and the control of the fault.
 */
final class FaultSetup {

    final ScenarioArgs args;
    final Stack stack;
    final Rest rest = new Rest();
    final BenchUsers users;
    final FaultControl fault;
    final TokenPool tokens;
    final OperationRoom operation;
    final Deliveries deliveries = new Deliveries();
    final int officers;
    final int seconds;
    final double rate;

    /** {@code officers}: how many have tokens and room membership (the option {@code officers}, default given). */
    FaultSetup(String[] argv, String fault, int officers, int chats, int seconds, double rate) throws Exception {
        this.args = new ScenarioArgs(argv);
        this.stack = Stack.of(args);
        this.officers = args.integer("officers", officers);
        this.seconds = args.integer("seconds", seconds);
        this.rate = args.decimal("rate", rate);
        this.users = new BenchUsers(stack.keycloak());
        this.fault = new FaultControl(args, fault);
        this.tokens = new TokenPool(users, this.officers + extraOfficers(fault));
        this.operation = OperationRoom.open(rest, stack.chat().get(0), users.token("lead1"), tokens,
                args.integer("chats", chats));
    }

    /** The slow consumer is one officer more, without a phone of ours. */
    private static int extraOfficers(String fault) {
        return fault.equals("slow-consumer") ? 1 : 0;
    }

    /** Phones for the first {@code count} officers on the given streams (a phone reconnects to the next one). */
    List<StreamPhone> phones(List<String> streams, int count) throws Exception {
        List<StreamPhone> phones = OperationPhones.connect(streams, rest, tokens, deliveries, operation, count, 0, null);
        BenchRun.measuring(true);
        return phones;
    }

    /** The part is down for {@code down} seconds after a quarter of the run; returns when it was mended. */
    long outage(int down) throws Exception {
        Thread.sleep(seconds * 1000L / 4);
        fault.inject();
        Thread.sleep(down * 1000L);
        long healed = fault.heal();
        Thread.sleep(Math.max(0, seconds * 1000L * 3 / 4 - down * 1000L));
        return healed;
    }
}
