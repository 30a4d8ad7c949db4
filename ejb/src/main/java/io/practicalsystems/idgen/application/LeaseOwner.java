package io.practicalsystems.idgen.application;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** A lease owner token unique per process start, readable in Redis ("host:pid:random"). */
final class LeaseOwner {

    private LeaseOwner() {
    }

    static String describe() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName(); // "pid@host"
        return jvm.replace('@', ':') + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
