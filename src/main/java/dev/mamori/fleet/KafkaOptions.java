package dev.mamori.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * How to reach the brokers, shared by the sink and the collector. The password is read from a
 * file when the client is built and goes only into the client's JAAS config, which Kafka's own
 * config logging shows as {@code [hidden]}; {@link #toString} never shows it.
 *
 * @param bootstrap        {@code host:port[,host:port...]}
 * @param topic            the alerts topic
 * @param securityProtocol PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param truststore       CA certificates (PEM, or PKCS12 without password) for TLS; null: the JDK's
 * @param saslMechanism    PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (used with the SASL protocols)
 * @param username         SASL user name
 * @param passwordFile     file holding the SASL password (a trailing newline is ignored)
 * @param timeout          how long one delivery may take before it counts as failed
 */
public record KafkaOptions(String bootstrap, String topic, String securityProtocol, Path truststore,
                           String saslMechanism, String username, Path passwordFile, Duration timeout) {

    public static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    public static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    public KafkaOptions {
        if (!PROTOCOLS.contains(securityProtocol)) {
            throw new IllegalArgumentException("security protocol must be one of " + PROTOCOLS + ", not '" + securityProtocol + "'");
        }
        if (!MECHANISMS.contains(saslMechanism)) {
            throw new IllegalArgumentException("SASL mechanism must be one of " + MECHANISMS + ", not '" + saslMechanism + "'");
        }
    }

    /** Plain connection, no TLS, no SASL. */
    public static KafkaOptions plaintext(String bootstrap, String topic, Duration timeout) {
        return new KafkaOptions(bootstrap, topic, "PLAINTEXT", null, "PLAIN", "", null, timeout);
    }

    boolean sasl() {
        return securityProtocol.startsWith("SASL_");
    }

    boolean tls() {
        return securityProtocol.endsWith("SSL");
    }

    /**
     * The connection and security properties of a Kafka client.
     *
     * @throws IOException when the SASL password file cannot be read (named, its content is not shown)
     */
    Properties clientProperties() throws IOException {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", securityProtocol);
        if (tls() && truststore != null) {
            p.put("ssl.truststore.location", truststore.toString());
            p.put("ssl.truststore.type", truststore.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pem") ? "PEM" : "PKCS12");
        }
        if (sasl()) {
            if (username.isBlank() || passwordFile == null) {
                throw new IOException("SASL needs a user name and a password file");
            }
            String password;
            try {
                password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IOException("cannot read the Kafka password file " + passwordFile + " (" + e.getClass().getSimpleName() + ")");
            }
            String module = saslMechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put("sasl.mechanism", saslMechanism);
            p.put("sasl.jaas.config", module + " required username=\"" + quote(username) + "\" password=\"" + quote(password) + "\";");
        }
        return p;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "kafka " + bootstrap + " topic " + topic + " (" + securityProtocol + (sasl() ? " " + saslMechanism + " as " + username : "") + ")";
    }
}
