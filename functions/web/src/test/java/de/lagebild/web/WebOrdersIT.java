package de.lagebild.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Orders in the browser: the sender chooses a priority and "order" on purpose, the reminder of an
 * unanswered urgent order alerts its recipient (and no one else) until answered or dismissed, several
 * take one line until shown, and a recipient's answer is still shown after a reload. The lead on a
 * desktop, the officer on a phone; officer2, a recipient without a browser, answers through the API.
 * The chat function reminds urgent orders after 5 s here, so the steps need not wait 5 minutes. The
 * steps build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebOrdersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every call of navigator.vibrate is kept where the test can read it (headless Chromium has no vibration). */
    private static final String RECORD_VIBRATION = "window.lagebildVibrations = [];"
            + "Object.defineProperty(Navigator.prototype, 'vibrate', { configurable: true, writable: true,"
            + " value: (pattern) => { window.lagebildVibrations.push(pattern); return true; } });";

    private WebStack stack;
    private Chromium chromium;
    private AppUser lead;
    private AppUser officer;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String roomName = "Lage Aufträge " + run;
    private final String chatName = "Aufträge " + run;
    private String roomId;
    private String chatId;
    private String acknowledgedOrderId;
    private final List<String> urgentOrders = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        stack = WebStack.start(List.of("-Dlagebild.order.remind-after=5s", "-Dlagebild.order.reminder-check=1s"));
        chromium = new Chromium();
        lead = new AppUser(chromium.browser, "lead1", 1440, 900);
        officer = new AppUser(chromium.browser, "officer1", 390, 844);
        officer.context.addInitScript(RECORD_VIBRATION);
        lead.signIn(stack.url());
        officer.signIn(stack.url());
        String officerId = Rest.ok("GET", stack.chatUrl() + "/v1/me", "officer1", null).get("id").asText();
        String officer2Id = Rest.ok("GET", stack.chatUrl() + "/v1/me", "officer2", null).get("id").asText();
        roomId = Rest.ok("POST", stack.chatUrl() + "/v1/rooms", "lead1",
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"" + roomName + "\"}").get("id").asText();
        for (String member : List.of(officerId, officer2Id)) {
            Rest.ok("POST", stack.chatUrl() + "/v1/rooms/" + roomId + "/members", "lead1",
                    "{\"userId\":\"" + member + "\",\"role\":\"member\"}");
        }
        chatId = Rest.ok("POST", stack.chatUrl() + "/v1/rooms/" + roomId + "/chats", "lead1",
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"" + chatName + "\",\"memberIds\":[\"" + officerId
                        + "\",\"" + officer2Id + "\"]}").get("id").asText();
        for (AppUser user : List.of(lead, officer)) {
            user.page.navigate(stack.url() + "#/r/" + roomId + "/c/" + chatId);
            user.awaitOnline();
            PlaywrightAssertions.assertThat(user.page.locator(".chat-head h2")).hasText(chatName);
        }
    }

    @AfterAll
    void stop() {
        answerWhatIsStillOpen();
        for (AutoCloseable closeable : new AutoCloseable[] {officer, lead, chromium, stack}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.out.println("closing: " + e);
                }
            }
        }
    }

    /** What each page showed at the end of each step (for reading a failure). */
    @AfterEach
    void pictures(TestInfo step) throws Exception {
        Path dir = Path.of("target", "steps");
        lead.screenshot(dir.resolve(step.getTestMethod().orElseThrow().getName() + "-lead.png"));
        officer.screenshot(dir.resolve(step.getTestMethod().orElseThrow().getName() + "-officer.png"));
    }

    @Test
    @Order(1)
    void aPriorityIsChosenOnPurposeShownToEveryMemberAndResetAfterSending() throws Exception {
        Locator toggle = officer.button("Priorität und Auftrag");
        PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-expanded", "false");
        PlaywrightAssertions.assertThat(officer.page.locator(".send-options")).hasCount(0);
        toggle.click();
        PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-expanded", "true");
        Locator options = officer.page.locator(".send-options");
        PlaywrightAssertions.assertThat(options.getByLabel("normal")).isChecked();
        PlaywrightAssertions.assertThat(options.getByLabel("Als Auftrag senden (Bestätigung anfordern)")).not().isChecked();
        options.getByLabel("wichtig").check();
        PlaywrightAssertions.assertThat(officer.page.locator(".send-as")).containsText("wichtig");
        officer.screenshot(Path.of("target", "screenshots", "phone-send-options.png"));
        String axe = Files.readString(WebStack.module().resolve("node_modules/axe-core/axe.min.js"));
        List<String> found = new ArrayList<>(axe(officer.page, axe, "priority and order (phone)"));

        officer.send("Funkkanal 2 nutzen");
        Locator atLead = messageOf(lead, "Funkkanal 2 nutzen");
        PlaywrightAssertions.assertThat(atLead.locator(".chip.priority.important")).hasText("wichtig");
        PlaywrightAssertions.assertThat(atLead.locator(".order-chip")).hasCount(0);
        PlaywrightAssertions.assertThat(messageOf(officer, "Funkkanal 2 nutzen").locator(".chip.priority.important")).hasText("wichtig");
        // Sent: the choice is gone, and the next message is a plain one again.
        PlaywrightAssertions.assertThat(officer.page.locator(".send-options")).hasCount(0);
        PlaywrightAssertions.assertThat(officer.page.locator(".send-as")).hasCount(0);
        toggle.click();
        PlaywrightAssertions.assertThat(options.getByLabel("normal")).isChecked();
        toggle.click();
        PlaywrightAssertions.assertThat(officer.page.locator(".send-options")).hasCount(0);
        assertThat(found).isEmpty();
    }

    @Test
    @Order(2)
    void aReminderForAnotherRecipientDoesNotAlertButOneForMeCannotBeMissedUntilIAnswer() throws Exception {
        long vibrated = vibrations();
        // An urgent order the officer answers at once: its reminder lists officer2 only.
        String answered = postUrgentOrder("Zufahrt Ost freihalten");
        Rest.ok("POST", orderUrl(answered) + "/acknowledge", "officer1", null);
        awaitReminder(answered);

        // The lead sends an urgent order through the composer; it is reminded after the one above.
        lead.button("Priorität und Auftrag").click();
        Locator options = lead.page.locator(".send-options");
        options.getByLabel("dringend").check();
        options.getByLabel("Als Auftrag senden (Bestätigung anfordern)").check();
        Locator sendAs = lead.page.locator(".send-as");
        PlaywrightAssertions.assertThat(sendAs.locator(".chip.priority.urgent")).hasText("dringend");
        PlaywrightAssertions.assertThat(sendAs.locator(".order-chip")).hasText("Auftrag");
        lead.screenshot(Path.of("target", "screenshots", "desktop-send-options.png"));
        lead.send("Absperrung Nord besetzen");
        PlaywrightAssertions.assertThat(lead.page.locator(".send-as")).hasCount(0);
        Locator order = messageOf(officer, "Absperrung Nord besetzen");
        PlaywrightAssertions.assertThat(order.locator(".chip.priority.urgent")).hasText("dringend");
        PlaywrightAssertions.assertThat(order.locator(".order-chip")).hasText("Auftrag");
        PlaywrightAssertions.assertThat(messageOf(lead, "Absperrung Nord besetzen").locator(".chip.priority.urgent")).hasText("dringend");
        String orderId = order.getAttribute("data-id");
        urgentOrders.add(orderId);
        JsonNode stored = messageOnTheServer(orderId);
        assertThat(stored.path("priority").asText()).isEqualTo("urgent");
        assertThat(stored.path("ackRequested").asBoolean()).isTrue();

        Locator reminders = remindersOf(officer);
        PlaywrightAssertions.assertThat(reminders).hasCount(1);
        PlaywrightAssertions.assertThat(reminders).hasAttribute("data-message-id", orderId);
        PlaywrightAssertions.assertThat(reminders).containsText("Auftrag unbeantwortet");
        PlaywrightAssertions.assertThat(reminders).containsText(chatName + " (" + roomName + ")");
        PlaywrightAssertions.assertThat(reminders).containsText("Katrin Hoffmann");
        PlaywrightAssertions.assertThat(reminders).containsText("Absperrung Nord besetzen");
        assertThat(vibrations()).as("the phone vibrated once").isEqualTo(vibrated + 1);
        PlaywrightAssertions.assertThat(remindersOf(lead)).hasCount(0);
        PlaywrightAssertions.assertThat(order).hasClass(Pattern.compile("reminded"));
        PlaywrightAssertions.assertThat(messageOf(officer, "Zufahrt Ost freihalten")).not().hasClass(Pattern.compile("reminded"));

        // From the rooms list: "Zum Auftrag" opens the chat at the order.
        officer.page.locator(".chat-head .back").click();
        officer.page.locator(".pane-head .back").click();
        officer.screenshot(Path.of("target", "screenshots", "phone-order-reminder.png"));
        String axe = Files.readString(WebStack.module().resolve("node_modules/axe-core/axe.min.js"));
        List<String> found = new ArrayList<>(axe(officer.page, axe, "order reminder (phone)"));
        reminders.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Zum Auftrag")).click();
        PlaywrightAssertions.assertThat(officer.page.locator(".chat-head h2")).hasText(chatName);
        PlaywrightAssertions.assertThat(order).isInViewport();
        order.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bestätigen")).click();
        PlaywrightAssertions.assertThat(order).containsText("Sie haben bestätigt.");
        PlaywrightAssertions.assertThat(reminders).hasCount(0);
        PlaywrightAssertions.assertThat(order).not().hasClass(Pattern.compile("reminded"));
        acknowledgedOrderId = orderId;
        assertThat(found).isEmpty();
    }

    @Test
    @Order(3)
    void myAnswersAreStillShownAfterAReloadFromTheServerNotFromAReplay() throws Exception {
        lead.button("Priorität und Auftrag").click();
        lead.page.locator(".send-options").getByLabel("Als Auftrag senden (Bestätigung anfordern)").check();
        lead.send("Zweiten Zugang sichern");
        Locator declined = messageOf(officer, "Zweiten Zugang sichern");
        PlaywrightAssertions.assertThat(declined.locator(".order-chip")).hasText("Auftrag");
        PlaywrightAssertions.assertThat(declined.locator(".chip.priority")).hasCount(0);
        declined.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ablehnen")).click();
        declined.getByLabel("Grund der Ablehnung").fill("kein Fahrzeug frei");
        declined.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ablehnen senden")).click();
        PlaywrightAssertions.assertThat(declined).containsText("Sie haben abgelehnt: kein Fahrzeug frei");

        // Once both have read the last message and the officer's stored cursor is at the room's last
        // event, a reload replays nothing of this room up to it: what the officer answered can only come
        // from the server. (What was logged after it is replayed, here or in the officer's other rooms:
        // the stack's timers, such as alarm re-announcements, go on while the page reloads.)
        lead.send("Lage nach den Aufträgen");
        PlaywrightAssertions.assertThat(messageOf(officer, "Lage nach den Aufträgen")).hasCount(1);
        long last = Long.parseLong(messageOf(officer, "Lage nach den Aufträgen").getAttribute("data-seq"));
        PageWaits.until("both read markers at the last message", () -> {
            int readers = 0;
            for (JsonNode member : Rest.ok("GET", stack.chatUrl() + "/v1/chats/" + chatId + "/members", "lead1", null)) {
                readers += member.path("readUpToSeq").asLong() >= last ? 1 : 0;
            }
            return readers >= 2;
        });
        long seq = Rest.ok("GET", stack.chatUrl() + "/v1/rooms/" + roomId, "lead1", null).path("lastSeq").asLong();
        PageWaits.until(officer.page, "([room, seq]) => new Promise((resolve) => {"
                + " const open = indexedDB.open('lagebild');"
                + " open.onsuccess = () => { const get = open.result.transaction('cursors').objectStore('cursors').get(room);"
                + "   get.onsuccess = () => { open.result.close(); resolve((get.result ?? 0) >= seq); }; }; })",
                List.of(roomId, Math.toIntExact(seq)));
        Object before = officer.streamStats();
        officer.reload();
        long firstReplayed = officer.firstReplayedSeq(roomId);
        assertThat(firstReplayed == -1 || firstReplayed > seq)
                .as("nothing replayed up to the cursor %d (first replayed: %d; before the reload %s; after %s): the answers come from the server",
                        seq, firstReplayed, before, officer.streamStats())
                .isTrue();
        Locator acknowledged = officer.page.locator(".message-list .message[data-id='" + acknowledgedOrderId + "']");
        PlaywrightAssertions.assertThat(acknowledged).containsText("Sie haben bestätigt.");
        PlaywrightAssertions.assertThat(acknowledged.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bestätigen"))).hasCount(0);
        PlaywrightAssertions.assertThat(declined).containsText("Sie haben abgelehnt: kein Fahrzeug frei");
        PlaywrightAssertions.assertThat(declined.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ablehnen"))).hasCount(0);
        PlaywrightAssertions.assertThat(declined.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bestätigen"))).hasCount(1);
        // The order answered through the API before the lead's urgent one: answered there, shown here.
        PlaywrightAssertions.assertThat(messageOf(officer, "Zufahrt Ost freihalten")).containsText("Sie haben bestätigt.");
        PlaywrightAssertions.assertThat(remindersOf(officer)).hasCount(0);
        officer.screenshot(Path.of("target", "screenshots", "phone-order-answers.png"));
        lead.screenshot(Path.of("target", "screenshots", "desktop-orders.png"));
    }

    @Test
    @Order(4)
    void aReminderStaysAcrossAReloadUntilDismissed() {
        String orderId = postUrgentOrder("Kreuzung Süd sperren");
        Locator reminder = remindersOf(officer);
        PlaywrightAssertions.assertThat(reminder).hasAttribute("data-message-id", orderId);
        PageWaits.until(officer.page, "(id) => new Promise((resolve) => {"
                + " const open = indexedDB.open('lagebild');"
                + " open.onsuccess = () => { const get = open.result.transaction('meta').objectStore('meta').get('orderReminders');"
                + "   get.onsuccess = () => { open.result.close(); resolve((get.result ?? []).some((r) => r.messageId === id)); }; }; })",
                orderId);
        officer.reload();
        PlaywrightAssertions.assertThat(reminder).hasAttribute("data-message-id", orderId);
        Locator order = officer.page.locator(".message-list .message[data-id='" + orderId + "']");
        PlaywrightAssertions.assertThat(order).hasClass(Pattern.compile("reminded"));
        reminder.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erinnerung an den Auftrag in " + chatName + " ausblenden"))
                .click();
        PlaywrightAssertions.assertThat(reminder).hasCount(0);
        PlaywrightAssertions.assertThat(order).not().hasClass(Pattern.compile("reminded"));
        // Dismissed is not answered: the order still asks for an answer.
        PlaywrightAssertions.assertThat(order.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bestätigen"))).hasCount(1);
        // The dismissal is written to IndexedDB asynchronously; a reload before it lands would rightly show the reminder again.
        PageWaits.until(officer.page, "(id) => new Promise((resolve) => {"
                + " const open = indexedDB.open('lagebild');"
                + " open.onsuccess = () => { const meta = open.result.transaction('meta').objectStore('meta');"
                + "   const dismissed = meta.get('dismissedReminders'); const open_ = meta.get('orderReminders');"
                + "   open_.onsuccess = () => { open.result.close();"
                + "     resolve(id in (dismissed.result ?? {}) && !(open_.result ?? []).some((r) => r.messageId === id)); }; }; })",
                orderId);
        officer.reload();
        PlaywrightAssertions.assertThat(officer.page.locator(".message-list .message[data-id='" + orderId + "']")).hasCount(1);
        PlaywrightAssertions.assertThat(reminder).hasCount(0);

        // A reload whose cursor had not yet passed the reminder replays it: dismissed stays dismissed.
        long orderSeq = Long.parseLong(officer.page.locator(".message-list .message[data-id='" + orderId + "']").getAttribute("data-seq"));
        officer.page.evaluate("([room, seq]) => new Promise((resolve) => {"
                + " const open = indexedDB.open('lagebild');"
                + " open.onsuccess = () => { const tx = open.result.transaction('cursors', 'readwrite');"
                + "   tx.objectStore('cursors').put(seq, room); tx.oncomplete = () => { open.result.close(); resolve(true); }; }; })",
                List.of(roomId, Math.toIntExact(orderSeq - 1)));
        officer.reload();
        assertThat(officer.streamStat("eventsBeforeCaughtUp")).as("the order and its reminder replayed").isGreaterThanOrEqualTo(2);
        PlaywrightAssertions.assertThat(officer.page.locator(".message-list .message[data-id='" + orderId + "']")).hasCount(1);
        assertThat(remindersOf(officer).count()).isZero();
    }

    @Test
    @Order(5)
    void severalOpenRemindersShowTheNewestAndOneLineThatShowsTheOthers() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String text : List.of("Tor 1 besetzen", "Tor 2 besetzen", "Tor 3 besetzen")) {
            ids.add(postUrgentOrder(text));
        }
        for (String id : ids) {
            awaitReminder(id);
        }
        Locator reminders = remindersOf(officer);
        Locator more = officer.page.locator(".order-reminders-more");
        PlaywrightAssertions.assertThat(more).containsText(Pattern.compile("\\d+ weitere Aufträge unbeantwortet"));
        PlaywrightAssertions.assertThat(reminders).hasCount(1);
        officer.screenshot(Path.of("target", "screenshots", "phone-order-reminders-collapsed.png"));
        String axe = Files.readString(WebStack.module().resolve("node_modules/axe-core/axe.min.js"));
        List<String> found = new ArrayList<>(axe(officer.page, axe, "order reminders collapsed (phone)"));

        Locator showAll = more.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Alle zeigen"));
        PlaywrightAssertions.assertThat(showAll).hasAttribute("aria-expanded", "false");
        showAll.click();
        PlaywrightAssertions.assertThat(reminders).hasCount(3);
        PlaywrightAssertions.assertThat(more).containsText(Pattern.compile("\\d+ Aufträge unbeantwortet"));
        PlaywrightAssertions.assertThat(more.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Weniger zeigen")))
                .hasAttribute("aria-expanded", "true");
        officer.screenshot(Path.of("target", "screenshots", "phone-order-reminders-all.png"));

        // Answered elsewhere (another of the officer's devices), one after the other.
        for (String id : ids.subList(0, 2)) {
            Rest.ok("POST", orderUrl(id) + "/acknowledge", "officer1", null);
        }
        PlaywrightAssertions.assertThat(reminders).hasCount(1);
        PlaywrightAssertions.assertThat(reminders).hasAttribute("data-message-id", ids.get(2));
        Rest.ok("POST", orderUrl(ids.get(2)) + "/acknowledge", "officer1", null);
        PlaywrightAssertions.assertThat(reminders).hasCount(0);
        assertThat(found).isEmpty();
    }

    /** An urgent order to the officer and officer2, posted by the lead through the API; its id. */
    private String postUrgentOrder(String text) {
        String id = Rest.ok("POST", stack.chatUrl() + "/v1/chats/" + chatId + "/messages", "lead1",
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"kind\":\"text\",\"body\":\"" + text
                        + "\",\"priority\":\"urgent\",\"ackRequested\":true}").get("id").asText();
        urgentOrders.add(id);
        return id;
    }

    private long vibrations() {
        return ((Number) officer.page.evaluate("() => window.lagebildVibrations.length")).longValue();
    }

    private String orderUrl(String messageId) {
        return stack.chatUrl() + "/v1/chats/" + chatId + "/orders/" + messageId;
    }

    /** Waits until the chat function has sent the order's reminder (the sender's view has its time). */
    private void awaitReminder(String messageId) {
        PageWaits.until("the reminder of " + messageId, () -> Rest.ok("GET", orderUrl(messageId), "lead1", null).hasNonNull("remindedAt"));
    }

    private JsonNode messageOnTheServer(String messageId) throws Exception {
        JsonNode page = JSON.readTree(Rest.get(stack.chatUrl() + "/v1/chats/" + chatId + "/messages", "lead1").body());
        for (JsonNode message : page.path("messages")) {
            if (message.path("id").asText().equals(messageId)) {
                return message;
            }
        }
        throw new AssertionError("message " + messageId + " not in the chat's history");
    }

    /** The reminders on the user's screen of this run's chat (other tests leave orders to officer1 elsewhere). */
    private Locator remindersOf(AppUser user) {
        return user.page.locator(".order-reminder", new Page.LocatorOptions().setHasText(chatName));
    }

    private static Locator messageOf(AppUser user, String text) {
        return user.page.locator(".message-list .message:not(.outbox)", new Page.LocatorOptions().setHasText(text));
    }

    /** Leaves no reminder open for officer1 (whose sign-in in the other browser tests replays this room). */
    private void answerWhatIsStillOpen() {
        if (stack == null) {
            return;
        }
        for (String id : urgentOrders) {
            Rest.send("POST", orderUrl(id) + "/acknowledge", "officer1", null, null);
            Rest.send("POST", orderUrl(id) + "/acknowledge", "officer2", null, null);
        }
    }

    private static List<String> axe(Page page, String axeSource, String screen) throws Exception {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource));
        Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations)");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(result.toString())) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(screen + ": " + violation.path("id").asText() + " " + violation.path("nodes").toString());
            }
        }
        return serious;
    }
}
