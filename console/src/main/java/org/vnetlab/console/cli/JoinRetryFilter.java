package org.vnetlab.console.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops Pekko's "Couldn't join seed nodes after [N] attempts" warning: a worker waiting for its
 * next coordinator would print it every second for as long as it waits. The worker says once that
 * it waits, and a first join that fails ends in an error naming the address.
 */
public final class JoinRetryFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getMessage();
        return message != null && message.contains("Couldn't join seed nodes after") ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }
}
