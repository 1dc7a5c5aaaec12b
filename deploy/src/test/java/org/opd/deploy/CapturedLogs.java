package org.opd.deploy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/** Every log event of this JVM while started, as the text an operator would read: message, MDC, exceptions. */
final class CapturedLogs extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void start() {
        super.start();
        root().addAppender(this);
    }

    @Override
    public void stop() {
        root().detachAppender(this);
        super.stop();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            line.append(' ').append(thrown.getMessage());
        }
        lines.add(line.toString());
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
