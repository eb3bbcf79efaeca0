package dev.mamori.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Syslog (RFC 5424) over UDP or TCP. TCP frames messages by octet counting (RFC 6587) and keeps
 * one connection; a failed write drops the connection so the batch is retried on a new one. UDP
 * cannot acknowledge: a datagram handed to the network counts as delivered.
 */
public final class SyslogSink implements Sink {

    /** local0: the facility for site-specific applications. */
    private static final int FACILITY = 16;

    private final String host;
    private final int port;
    private final boolean tcp;
    private final String hostname;
    private Socket socket;

    public SyslogSink(String host, int port, boolean tcp, String hostname) {
        this.host = host;
        this.port = port;
        this.tcp = tcp;
        this.hostname = hostname;
    }

    @Override
    public String name() {
        return "syslog";
    }

    /**
     * Largest message sent over UDP, in bytes: rsyslog's default maximum message size, well under
     * the datagram limit (65,507). Longer alerts are shortened, never refused: a datagram the
     * network cannot take would otherwise be retried forever and hold up every alert behind it.
     */
    static final int MAX_UDP_BYTES = 8_192;
    /** Characters of a path or sample kept in a shortened alert. */
    private static final int SHORT_CHARS = 256;

    /**
     * The message as sent over UDP: as it is when it fits in {@link #MAX_UDP_BYTES}, else with its
     * path and samples shortened (marked {@code truncated="true"}), and as a last resort cut at the
     * limit (the header and structured data, with the alert id, always survive).
     */
    static byte[] udpMessage(Alert a, String hostname) {
        byte[] whole = message(a, hostname).getBytes(StandardCharsets.UTF_8);
        if (whole.length <= MAX_UDP_BYTES) {
            return whole;
        }
        Alert shortAlert = new Alert(a.seq(), a.id(), a.time(), a.host(), a.user(), shorten(a.path()), a.exitPoint(),
                a.sha256(), a.size(), a.severity(), a.counts(), a.records(),
                a.samples().stream().limit(4).map(SyslogSink::shorten).toList(), a.rules(), a.appiReportable(), a.action(),
                a.quarantineId(), a.agentVersion(), a.packs(), a.members().stream().limit(4).map(SyslogSink::shorten).toList(),
                a.memberCount());
        byte[] shortened = message(shortAlert, hostname).replaceFirst("\\]", " truncated=\"true\"]")
                .getBytes(StandardCharsets.UTF_8);
        if (shortened.length <= MAX_UDP_BYTES) {
            return shortened;
        }
        int cut = MAX_UDP_BYTES;
        while (cut > 0 && (shortened[cut] & 0xC0) == 0x80) {
            cut--; // not inside a UTF-8 sequence
        }
        return java.util.Arrays.copyOf(shortened, cut);
    }

    private static String shorten(String s) {
        if (s.length() <= SHORT_CHARS) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(SHORT_CHARS - 1)) ? SHORT_CHARS - 1 : SHORT_CHARS;
        return s.substring(0, cut) + "…(" + s.length() + " chars)";
    }

    /** The RFC 5424 message for one alert: header, structured data with the key fields, ECS JSON as MSG. */
    static String message(Alert a, String hostname) {
        int pri = FACILITY * 8 + switch (a.severity()) {
            case "high" -> 2; // critical
            case "medium" -> 4; // warning
            default -> 5; // notice
        };
        String sd = "[mamori@32473 id=\"" + a.id() + "\" severity=\"" + a.severity() + "\" exit=\"" + a.exitPoint()
                + "\" records=\"" + a.records() + "\" appi=\"" + a.appiReportable() + "\"]";
        return "<" + pri + ">1 " + DateTimeFormatter.ISO_INSTANT.format(a.time()) + " " + nil(hostname) + " mamori "
                + ProcessHandle.current().pid() + " ALERT " + sd + " " + AlertJson.line(a);
    }

    private static String nil(String s) {
        return s == null || s.isBlank() ? "-" : s.replace(' ', '_');
    }

    /**
     * Sends the alert chain's head ("seq:hash") as its own message (MSGID CHAIN), so that the SIEM
     * holds the copy an auditor checks with {@code mamori verify --head}.
     */
    public synchronized void sendChainHead(String head, java.time.Instant at) throws IOException {
        String msg = "<" + (FACILITY * 8 + 6) + ">1 " + DateTimeFormatter.ISO_INSTANT.format(at) + " " + nil(hostname)
                + " mamori " + ProcessHandle.current().pid() + " CHAIN [mamori@32473 head=\"" + head + "\"] alert chain head "
                + head;
        send(List.of(msg));
    }

    @Override
    public synchronized void deliver(List<Alert> batch) throws IOException {
        if (tcp) {
            List<String> messages = new java.util.ArrayList<>();
            for (Alert a : batch) {
                messages.add(message(a, hostname));
            }
            send(messages);
        } else {
            try (DatagramSocket udp = new DatagramSocket()) {
                for (Alert a : batch) {
                    byte[] msg = udpMessage(a, hostname);
                    udp.send(new DatagramPacket(msg, msg.length, new InetSocketAddress(host, port)));
                }
            }
        }
    }

    private void send(List<String> messages) throws IOException {
        if (tcp) {
            try {
                if (socket == null || socket.isClosed()) {
                    socket = new Socket();
                    socket.connect(new InetSocketAddress(host, port), 5_000);
                }
                OutputStream out = socket.getOutputStream();
                for (String m : messages) {
                    byte[] msg = m.getBytes(StandardCharsets.UTF_8);
                    out.write((msg.length + " ").getBytes(StandardCharsets.US_ASCII));
                    out.write(msg);
                }
                out.flush();
            } catch (IOException e) {
                close();
                throw e;
            }
        } else {
            try (DatagramSocket udp = new DatagramSocket()) {
                for (String m : messages) {
                    byte[] msg = m.getBytes(StandardCharsets.UTF_8);
                    udp.send(new DatagramPacket(msg, msg.length, new InetSocketAddress(host, port)));
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // a broken connection is being dropped anyway
            }
            socket = null;
        }
    }
}
