package de.lagebild.chat.unitstatus;

import java.util.List;
import java.util.UUID;

/** Every member of a room with their current status there. */
public record StatusBoardView(UUID roomId, List<StatusBoardEntry> members) {
}
