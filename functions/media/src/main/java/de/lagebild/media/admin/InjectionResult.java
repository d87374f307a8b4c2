package de.lagebild.media.admin;

import de.lagebild.media.message.MediaMessageView;
import java.util.List;

/** The attachments and messages an injection created, in the order of the files. */
public record InjectionResult(List<MediaMessageView> items) {
}
