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
        List<String> messages = new java.util.ArrayList<>();
        for (Alert a : batch) {
            messages.add(message(a, hostname));
        }
        send(messages);
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
