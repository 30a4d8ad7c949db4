package io.practicalsystems.shortener;

/**
 * The HTTP status a short link answers with.
 *
 * <p>{@link #TEMPORARY} (302) is the {@link #DEFAULT}: browsers cache a 301 and go straight to the destination next
 * time without asking the shortener, so repeat clicks are never counted and the destination can never be changed
 * or expired for that browser. {@link #PERMANENT} suits links that must pass search-engine ranking on and need no
 * analytics.
 */
public enum RedirectType {
    PERMANENT(301),
    TEMPORARY(302);

    public static final RedirectType DEFAULT = TEMPORARY;
    public static final String FIELD = "redirectType";

    private final int status;

    RedirectType(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** @throws InvalidLinkException with field {@value #FIELD} for anything but 301 or 302 */
    public static RedirectType fromStatus(int status) {
        for (RedirectType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        throw new InvalidLinkException(FIELD, "must be 301 (permanent) or 302 (temporary), got " + status);
    }
}
