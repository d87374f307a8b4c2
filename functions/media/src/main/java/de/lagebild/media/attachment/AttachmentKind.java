package de.lagebild.media.attachment;

import com.fasterxml.jackson.annotation.JsonValue;
import de.lagebild.common.messages.MessageKind;
import java.util.Locale;

/** A photo (re-encoded, with a thumbnail) or a file (a checked PDF), as the schema names them. */
public enum AttachmentKind {
    PHOTO(MessageKind.PHOTO), FILE(MessageKind.FILE);

    private final MessageKind messageKind;

    AttachmentKind(MessageKind messageKind) {
        this.messageKind = messageKind;
    }

    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public MessageKind messageKind() {
        return messageKind;
    }

    public static AttachmentKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
