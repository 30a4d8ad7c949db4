package io.practicalsystems.feed.live;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One message on the live channel: a post pushed to some users' home feeds ({@code recipients}), or a PULL post
 * ({@code pulled}), which reaches whoever follows its author. Text on the wire: {@code push <post> <author> <ids,…>}
 * or {@code pull <post> <author>}.
 */
public record LiveAnnouncement(long postId, long authorId, boolean pulled, List<Long> recipients) {

    public LiveAnnouncement {
        recipients = List.copyOf(recipients);
    }

    /** A post pushed to these users' home feeds. */
    public static LiveAnnouncement pushed(long postId, long authorId, List<Long> recipients) {
        return new LiveAnnouncement(postId, authorId, false, recipients);
    }

    public String encode() {
        return pulled ? "pull " + postId + " " + authorId
                : "push " + postId + " " + authorId + " "
                        + recipients.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The announcement in {@code text}; IllegalArgumentException if it is not one. */
    public static LiveAnnouncement decode(String text) {
        String[] parts = text.split(" ", -1);
        if (parts.length == 3 && parts[0].equals("pull")) {
            return new LiveAnnouncement(Long.parseLong(parts[1]), Long.parseLong(parts[2]), true, List.of());
        }
        if (parts.length == 4 && parts[0].equals("push")) {
            List<Long> ids = new ArrayList<>();
            for (String id : parts[3].isEmpty() ? new String[0] : parts[3].split(",")) {
                ids.add(Long.parseLong(id));
            }
            return new LiveAnnouncement(Long.parseLong(parts[1]), Long.parseLong(parts[2]), false, ids);
        }
        throw new IllegalArgumentException("not a live announcement: " + text);
    }
}
