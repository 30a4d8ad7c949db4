package io.practicalsystems.idgen.application;

/** What {@code GET /api/ids/info} reports. Lease expiry is null for a static worker ID. */
public record GeneratorInfo(boolean ready, String status, Integer workerId, String workerIdSource,
                            String leaseExpiresAt, String layout, int timestampBits, int workerBits,
                            int sequenceBits, String epoch, long epochMillis, long lastTimestampMillis,
                            long clockOffsetMillis) {
}
