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
 *
 * <p>Structured data uses the IANA-registered SD-IDs {@code origin} and {@code meta} (RFC 5424
 * §7). A private SD-ID needs the organisation's own IANA enterprise number ({@code name@PEN}); the
 * agent sends {@code [mamori@PEN id= severity= exit= records= appi=]} only when one is configured,
 * never a borrowed number. The MSG is the ECS JSON, UTF-8 and so marked with a BOM.
 */
public final class SyslogSink implements Sink {

    /** local0: the facility for site-specific applications. */
    private static final int FACILITY = 16;

    /** RFC 5424 TIME-SECFRAC has at most six digits; always UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    /** Marks the MSG as UTF-8 (RFC 5424 §6.4). */
    static final String BOM = "\uFEFF";

    /** How messages travel: UDP datagrams (RFC 5426), TCP (RFC 6587 octet counting) or TLS (RFC 5425). */
    public enum Transport { UDP, TCP, TLS }

    private final String host;
    private final int port;
    private final boolean tcp;
    /** For TLS: whom the receiver's certificate must chain to; null for UDP and TCP. */
    private final javax.net.ssl.SSLContext tls;
    private final String hostname;
    /** The site's IANA private enterprise number for the {@code mamori@} SD-ID; 0 when it has none. */
    private final int enterpriseNumber;
    private Socket socket;

    public SyslogSink(String host, int port, boolean tcp, String hostname, int enterpriseNumber) {
        this(host, port, tcp ? Transport.TCP : Transport.UDP, null, hostname, enterpriseNumber);
    }

    /**
     * @param tls for {@link Transport#TLS}, the trust its receiver's certificate must chain to (its
     *            name is checked against {@code host} as HTTPS does); ignored otherwise
     */
    public SyslogSink(String host, int port, Transport transport, javax.net.ssl.SSLContext tls, String hostname,
                      int enterpriseNumber) {
        this.host = host;
        this.port = port;
        this.tcp = transport != Transport.UDP;
        this.tls = transport == Transport.TLS ? tls : null;
        this.hostname = hostname;
        this.enterpriseNumber = enterpriseNumber;
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
    static byte[] udpMessage(Alert a, String hostname, int enterpriseNumber) {
        byte[] whole = message(a, hostname, enterpriseNumber, false).getBytes(StandardCharsets.UTF_8);
        if (whole.length <= MAX_UDP_BYTES) {
            return whole;
        }
        Alert shortAlert = new Alert(a.seq(), a.id(), a.time(), a.host(), a.user(), shorten(a.path()), a.exitPoint(),
                a.sha256(), a.size(), a.severity(), a.counts(), a.records(),
                a.samples().stream().limit(4).map(SyslogSink::shorten).toList(), a.rules(), a.appiReportable(), a.action(),
                a.quarantineId(), a.agentVersion(), a.packs(), a.members().stream().limit(4).map(SyslogSink::shorten).toList(),
                a.memberCount());
        byte[] shortened = message(shortAlert, hostname, enterpriseNumber, true).getBytes(StandardCharsets.UTF_8);
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

    /**
     * The RFC 5424 message for one alert: header; structured data (origin, the alert's sequence
     * number as meta sequenceId, and with an enterprise number the key fields, {@code truncated}
     * when shortened); the ECS JSON as MSG.
     */
    static String message(Alert a, String hostname, int enterpriseNumber, boolean truncated) {
        int pri = FACILITY * 8 + switch (a.severity()) {
            case HIGH -> 2; // critical
            case MEDIUM -> 4; // warning
            case LOW, NONE -> 5; // notice
        };
        StringBuilder sd = new StringBuilder();
        element(sd, "origin", "software", "mamori", "swVersion", a.agentVersion());
        if (a.seq() > 0 && a.seq() <= Integer.MAX_VALUE) {
            element(sd, "meta", "sequenceId", Long.toString(a.seq()));
        }
        if (enterpriseNumber > 0) {
            List<String> params = new java.util.ArrayList<>(List.of("id", a.id(), "severity", a.severity().label(), "exit",
                    a.exitPoint().label(), "records", Integer.toString(a.records()), "appi", Boolean.toString(a.appiReportable())));
            if (truncated) {
                params.addAll(List.of("truncated", "true"));
            }
            element(sd, "mamori@" + enterpriseNumber, params.toArray(String[]::new));
        }
        return header(pri, a.time(), "ALERT", hostname) + sd + " " + BOM + AlertJson.line(a);
    }

    private static String header(int pri, java.time.Instant at, String msgId, String hostname) {
        return "<" + pri + ">1 " + TIMESTAMP.format(at) + " " + headerField(hostname) + " mamori "
                + ProcessHandle.current().pid() + " " + msgId + " ";
    }

    /** One SD-ELEMENT; a null value leaves its parameter out. */
    private static void element(StringBuilder sd, String id, String... nameValues) {
        sd.append('[').append(id);
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                sd.append(' ').append(nameValues[i]).append("=\"").append(paramValue(nameValues[i + 1])).append('"');
            }
        }
        sd.append(']');
    }

    /** A PARAM-VALUE: '"', '\\' and ']' escaped with a backslash (RFC 5424 §6.3.3). */
    static String paramValue(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A header field: printable US-ASCII only (RFC 5424 §6), anything else '_', empty '-'. */
    static String headerField(String s) {
        if (s == null || s.isBlank()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(255).forEach(c -> out.append(c > 32 && c < 127 ? (char) c : '_'));
        return out.toString();
    }

    /**
     * Sends the alert chain's head ("seq:hash") as its own message (MSGID CHAIN), so that the SIEM
     * holds the copy an auditor checks with {@code mamori verify --head}.
     */
    @Override
    public synchronized void deliverChainHead(String host, String head, java.time.Instant at) throws IOException {
        StringBuilder sd = new StringBuilder();
        element(sd, "origin", "software", "mamori");
        if (enterpriseNumber > 0) {
            element(sd, "mamori@" + enterpriseNumber, "head", head);
        }
        send(List.of(header(FACILITY * 8 + 6, at, "CHAIN", hostname) + sd + " " + BOM + "alert chain head " + head));
    }

    @Override
    public synchronized void deliver(List<Alert> batch) throws IOException {
        if (tcp) {
            List<String> messages = new java.util.ArrayList<>();
            for (Alert a : batch) {
                messages.add(message(a, hostname, enterpriseNumber, false));
            }
            send(messages);
        } else {
            try (DatagramSocket udp = new DatagramSocket()) {
                for (Alert a : batch) {
                    byte[] msg = udpMessage(a, hostname, enterpriseNumber);
                    udp.send(new DatagramPacket(msg, msg.length, new InetSocketAddress(host, port)));
                }
            }
        }
    }

    private void send(List<String> messages) throws IOException {
        if (tcp) {
            try {
                if (socket == null || socket.isClosed()) {
                    socket = connect();
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

    /** A TCP connection, or over it TLS whose certificate chains to the trusted CA and names {@code host}. */
    private Socket connect() throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host, port), 5_000);
        if (tls == null) {
            return plain;
        }
        javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
        javax.net.ssl.SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host we meant
        s.setSSLParameters(p);
        s.setSoTimeout(30_000);
        try {
            s.startHandshake();
        } catch (IOException e) {
            s.close();
            throw new IOException("TLS to syslog " + host + ":" + port + " refused: " + e.getMessage(), e);
        }
        return s;
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
