package io.practicalsystems.kv.sim;

import org.junit.jupiter.api.Test;

class StatsProbe {
    @Test
    void print() {
        for (long seed = 1; seed <= 6; seed++) {
            SimRun.Result r = SimRun.run(seed);
            System.out.println("PROBE seed " + seed + " " + r.mode() + " ok=" + r.ok() + " " + r.stats());
            if (!r.ok()) System.out.println(r.report());
        }
    }
}
