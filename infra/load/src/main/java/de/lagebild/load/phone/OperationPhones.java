package de.lagebild.load.phone;

import de.lagebild.load.LatencyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The phones of an operation's officers, connected and caught up, and known to the deliveries as their chats' members. */
public final class OperationPhones {

    private OperationPhones() {
    }

    /**
     * Connects a phone for each of the first {@code count} officers to the given stream URLs (a phone
     * reconnects to the next one); {@code watchers} phones per chat watch their chat's map and time
     * its positions into {@code fixes}.
     */
    public static List<StreamPhone> connect(List<String> streamUrls, Rest rest, TokenPool tokens, Deliveries deliveries,
            OperationRoom operation, int count, int watchers, LatencyReport fixes) throws Exception {
        int chats = operation.chatIds().size();
        List<StreamPhone> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            phones.add(new StreamPhone(i, tokens::get, streamUrls, rest.http(), deliveries, i / chats < watchers ? fixes : null));
        }
        // in waves: hundreds of replays at once would be a reconnect storm, another scenario
        for (int wave = 0; wave < phones.size(); wave += 50) {
            List<CompletableFuture<Void>> caughtUp = new ArrayList<>();
            for (StreamPhone phone : phones.subList(wave, Math.min(phones.size(), wave + 50))) {
                caughtUp.add(phone.connect());
            }
            CompletableFuture.allOf(caughtUp.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        }
        for (int chat = 0; chat < chats; chat++) {
            List<StreamPhone> members = new ArrayList<>();
            for (int officer : operation.officersOf(chat)) {
                if (officer < count) {
                    members.add(phones.get(officer));
                    if (officer / chats < watchers) {
                        phones.get(officer).watch(operation.chatIds().get(chat));
                    }
                }
            }
            deliveries.members(operation.chatIds().get(chat), members);
        }
        return phones;
    }
}
