package io.practicalsystems.crawler.application.dispatch;

import io.practicalsystems.crawler.application.pipeline.StepTimer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The fetch pipeline's step times as MicroProfile Metrics timers: {@code crawler.pipeline.step} tagged
 * {@code step=queue|task|robots|fetch|parse|dedup|store|frontier} (in /metrics?scope=application as
 * {@code crawler_pipeline_step_seconds_sum} and {@code _count}). bench/crawler-load.sh reads them.
 */
@ApplicationScoped
public class PipelineStepMetrics implements StepTimer {

    @Inject
    MetricRegistry registry;

    private final Map<Step, Timer> timers = new EnumMap<>(Step.class);

    @PostConstruct
    void register() {
        for (Step step : Step.values()) {
            timers.put(step, registry.timer("crawler.pipeline.step", new Tag("step", step.tag())));
        }
    }

    @Override
    public void record(Step step, long nanos) {
        timers.get(step).update(Duration.ofNanos(nanos));
    }
}
