package io.practicalsystems.feed.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiveAnnouncementTest {

    @Test
    void pushedAndPulledAnnouncementsSurviveTheWire() {
        LiveAnnouncement pushed = new LiveAnnouncement(5, 6, false, List.of(1L, 2L, 3L));
        LiveAnnouncement pulled = new LiveAnnouncement(5, 6, true, List.of());
        LiveAnnouncement nobody = new LiveAnnouncement(5, 6, false, List.of());

        assertThat(LiveAnnouncement.decode(pushed.encode())).isEqualTo(pushed);
        assertThat(LiveAnnouncement.decode(pulled.encode())).isEqualTo(pulled);
        assertThat(LiveAnnouncement.decode(nobody.encode())).isEqualTo(nobody);
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> LiveAnnouncement.decode("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveAnnouncement.decode("push x 1 2")).isInstanceOf(NumberFormatException.class);
    }
}
