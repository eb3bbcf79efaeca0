package dev.mamori.output;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %safeMsg} in Mamori's logback patterns: the message through {@link SafeText}, so a file
 * name with a newline cannot forge a log line and one with an ESC sequence cannot drive the
 * terminal of whoever runs {@code tail -f} on the log.
 */
public final class SafeMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SafeText.of(event.getFormattedMessage());
    }
}
