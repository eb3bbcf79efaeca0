package dev.mamori.agent;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Desktop notifications with the platform's own tool (notify-send, osascript); off by default. */
final class DesktopNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);

    private DesktopNotifier() {
    }

    static void notify(dev.mamori.platform.OperatingSystem os, String title, String body) {
        List<String> cmd = switch (os) {
            case MAC -> List.of("osascript", "-e", "display notification \"" + body.replace("\"", "'") + "\" with title \""
                    + title + "\"");
            case LINUX -> List.of("notify-send", title, body);
            case WINDOWS -> List.of(); // no notifier without a desktop session helper
        };
        if (cmd.isEmpty()) {
            return;
        }
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.debug("no desktop notification: {}", e.getMessage());
        }
    }
}
