package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    private final SessionRegistry registry = new SessionRegistry();
    private final UUID user = UUID.randomUUID();
    private final UUID room = UUID.randomUUID();
    private final StreamSession first = new StreamSession("a", user, new TestSocket(), new FrameBudget(1, 1, 0));
    private final StreamSession second = new StreamSession("b", user, new TestSocket(), new FrameBudget(1, 1, 0));

    @Test
    void findsSocketsByIdUserAndFollowedRoom() {
        registry.add(first);
        registry.add(second);
        registry.follow(first, room, 7, true);

        assertThat(registry.get("a")).isSameAs(first);
        assertThat(registry.ofUser(user)).containsExactlyInAnyOrder(first, second);
        assertThat(registry.followers(room)).containsExactly(first);
        assertThat(registry.isFollowed(room)).isTrue();
        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void followingARoomAgainKeepsTheCursorSoASocketNeverGoesBack() {
        registry.add(first);
        StreamSession.RoomCursor cursor = registry.follow(first, room, 7, true);

        assertThat(registry.follow(first, room, 0, false)).isNull();
        assertThat(first.rooms.get(room)).isSameAs(cursor);
        assertThat(cursor.seq).isEqualTo(7);
    }

    @Test
    void aRemovedSocketIsClosedAndForgottenEverywhere() {
        registry.add(first);
        registry.follow(first, room, 1, false);

        assertThat(registry.remove("a")).isSameAs(first);
        assertThat(first.closed).isTrue();
        assertThat(registry.get("a")).isNull();
        assertThat(registry.ofUser(user)).isEmpty();
        assertThat(registry.isFollowed(room)).isFalse();
        assertThat(registry.remove("a")).isNull();
    }

    @Test
    void unfollowingLeavesTheOtherRoomsAlone() {
        UUID other = UUID.randomUUID();
        registry.add(first);
        registry.follow(first, room, 1, false);
        registry.follow(first, other, 1, false);

        registry.unfollow(first, room);

        assertThat(registry.followedRooms()).containsExactly(other);
        assertThat(first.rooms).containsOnlyKeys(other);
    }
}
