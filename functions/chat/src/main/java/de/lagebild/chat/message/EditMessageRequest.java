package de.lagebild.chat.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The new text of a message (text, or the caption of a poi, photo or file message). */
public record EditMessageRequest(@NotBlank @Size(max = 4000) String body) {
}
