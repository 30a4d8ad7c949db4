package io.practicalsystems.platform.rest.ratelimit;

import io.practicalsystems.platform.loginthrottle.ClientAddress;

/**
 * Who a request counts against: {@code key:<id>} for a verified API key, else {@code ip:<address>}. Pure logic, no
 * Jakarta types, so every rule below is unit-tested.
 *
 * <ul>
 *   <li>Only a key that was verified counts as a key (see {@code platform.rest.apikeys.ApiKeyFilter}, which puts
 *       its public ID under {@link #VERIFIED_API_KEY_PROPERTY}): a made-up key is refused before any bucket is
 *       chosen, so inventing a key per request never buys a fresh bucket.</li>
 *   <li>IPv4 addresses count per address. IPv6 addresses count per /64: one subscriber usually gets a whole /64
 *       (often more) and can pick a fresh address for every request, so per-address IPv6 limits are no limit.</li>
 *   <li>X-Forwarded-For is ignored unless trusted, see {@link #of}.</li>
 * </ul>
 */
public final class ClientIdentity {

    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";
    /** Request property holding the public ID of the request's verified API key (absent: anonymous). */
    public static final String VERIFIED_API_KEY_PROPERTY = "io.practicalsystems.apikeys.verified-key-id";

    private ClientIdentity() {
    }

    /**
     * @param verifiedKeyId     the public ID of the request's verified API key, or null (anonymous)
     * @param remoteAddress     the peer address of the TCP connection, from the servlet container
     * @param forwardedFor      the X-Forwarded-For header, may be null
     * @param trustForwardedFor whether a proxy we control sits in front of every server and appends the real client
     *                          address to X-Forwarded-For. Only then is the header used, and only its LAST entry (the
     *                          one our proxy appended): everything to the left of it was sent by the client and is
     *                          whatever the client wants it to be. Trusting the header without such a proxy lets any
     *                          client send a new made-up address with every request and so get a fresh bucket every
     *                          time — the limit would not exist. Behind such a proxy, not trusting it puts every
     *                          client into the proxy's one bucket.
     */
    public static String of(String verifiedKeyId, String remoteAddress, String forwardedFor,
                            boolean trustForwardedFor) {
        if (verifiedKeyId != null) {
            return "key:" + verifiedKeyId;
        }
        return address(remoteAddress, forwardedFor, trustForwardedFor);
    }

    /** The client as {@code ip:<address>}, whatever key it presents; parameters as for {@link #of}. */
    public static String address(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null) {
            String last = lastEntry(forwardedFor);
            String ip = ClientAddress.normalize(last);
            if (ip != null) {
                return "ip:" + ip;
            }
        }
        String ip = ClientAddress.normalize(remoteAddress);
        return "ip:" + (ip != null ? ip : remoteAddress == null || remoteAddress.isBlank() ? "unknown"
                : remoteAddress.trim());
    }

    private static String lastEntry(String header) {
        int comma = header.lastIndexOf(',');
        return header.substring(comma + 1).trim();
    }
}
