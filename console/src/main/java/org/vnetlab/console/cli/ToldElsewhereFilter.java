package org.vnetlab.console.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the log events whose message holds one of its {@code <drop>} texts (logback.xml):
 * Pekko's news that a command tells the user itself, once and in one line. With
 * {@code -Dvnetlab.log=DEBUG} the command's failure is logged with its causes all the same.
 */
public final class ToldElsewhereFilter extends Filter<ILoggingEvent> {

    private final List<String> drops = new ArrayList<>();

    /** Text of a message to drop; logback calls it for each {@code <drop>}. */
    public void addDrop(String text) {
        drops.add(text);
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getMessage();
        return message != null && drops.stream().anyMatch(message::contains) ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }
}
