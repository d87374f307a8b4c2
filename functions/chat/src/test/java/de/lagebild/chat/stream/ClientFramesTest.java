package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientFramesTest {

    private final ClientFrames frames = new ClientFrames(new ObjectMapper());

    @Test
    void knownFramesBecomeTheirRecords() {
        UUID room = UUID.randomUUID();
        UUID chat = UUID.randomUUID();

        assertThat(frames.decode("{\"type\":\"hello\",\"epoch\":\"e\",\"cursors\":{\"" + room + "\":7}}").frame())
                .isEqualTo(new ClientFrame.Hello("e", Map.of(room, 7L)));
        assertThat(frames.decode("{\"type\":\"hello\"}").frame()).isEqualTo(new ClientFrame.Hello(null, null));
        assertThat(frames.decode("{\"type\":\"watch\",\"chatId\":\"" + chat + "\"}").frame())
                .isEqualTo(new ClientFrame.Watch(chat));
        assertThat(frames.decode("{\"type\":\"unwatch\",\"chatId\":\"" + chat + "\"}").frame())
                .isEqualTo(new ClientFrame.Unwatch(chat));
    }

    @Test
    void anythingElseIsAnErrorWithItsCode() {
        assertThat(frames.decode("{not json").errorCode()).isEqualTo("bad_frame");
        assertThat(frames.decode("[1,2]").errorCode()).isEqualTo("bad_frame");
        assertThat(frames.decode("{\"chatId\":\"x\"}").errorCode()).isEqualTo("bad_frame");
        assertThat(frames.decode("{\"type\":\"dance\"}").errorCode()).isEqualTo("unknown_frame");
        assertThat(frames.decode("{\"type\":\"watch\",\"chatId\":\"not-a-uuid\"}").errorCode()).isEqualTo("bad_frame");
        assertThat(frames.decode("{\"type\":\"hello\",\"cursors\":{\"x\":\"y\"}}").errorCode()).isEqualTo("bad_frame");
    }
}
