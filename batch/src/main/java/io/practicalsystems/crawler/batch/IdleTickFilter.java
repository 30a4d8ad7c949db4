package io.practicalsystems.crawler.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** The dispatch step's processor: claims pass unchanged, {@link IdleTick}s are filtered out (null). */
@Named("idleTickFilter")
@Dependent
public class IdleTickFilter implements ItemProcessor {

    @Override
    public Object processItem(Object item) {
        return item == IdleTick.INSTANCE ? null : item;
    }
}
