package io.practicalsystems.kv.sim;

import org.junit.jupiter.api.Test;

class StatsProbe {
    @Test
    void print() {
        for (long seed = 3; seed <= 30; seed += 3) {
            SimRun.Result r = SimRun.run(seed);
            System.out.println("PROBE seed " + seed + " " + r.mode() + " ok=" + r.ok() + " " + r.stats());
            if (!r.ok()) System.out.println(r.report());
        }
    }
}
