package dev.mamori.cli;

import dev.mamori.alert.AlertStore;
import dev.mamori.fleet.Collector;
import dev.mamori.fleet.KafkaOptions;
import dev.mamori.platform.OwnerOnly;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Consume every host's alerts from Kafka into one alert store that the auditor commands read "
                + "with --store (a long-running service; stop it with SIGTERM). Offsets are kept in the store's own "
                + "commit: a killed collector resumes without losing or repeating an alert.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:usage error, or the store or the brokers failed"})
final class CollectCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka brokers, comma-separated.")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "mamori-alerts", description = "Alerts topic (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--group", defaultValue = "mamori-collect", description = "Consumer group (default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The alert store written (created if missing).")
    Path store;

    @Option(names = "--instance", paramLabel = "ID",
            description = "This collector's static member id in the group (default: machine name and store folder).")
    String instance;

    @Option(names = "--max-poll-records", defaultValue = "500", description = "Alerts stored per commit at most (default ${DEFAULT-VALUE}).")
    int maxPollRecords;

    @Option(names = "--security-protocol", defaultValue = "PLAINTEXT",
            description = "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (default ${DEFAULT-VALUE}).")
    String securityProtocol;

    @Option(names = "--truststore", paramLabel = "FILE", description = "CA certificates for TLS (PEM or PKCS12).")
    Path truststore;

    @Option(names = "--sasl-mechanism", defaultValue = "PLAIN", description = "PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (default ${DEFAULT-VALUE}).")
    String saslMechanism;

    @Option(names = "--username", defaultValue = "", description = "SASL user name.")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the SASL password.")
    Path passwordFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = QuarantineCommand.stderr();
        KafkaOptions options;
        try {
            options = new KafkaOptions(bootstrap, topic, securityProtocol, truststore, saslMechanism, username, passwordFile,
                    Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            err.println("mamori collect: " + e.getMessage());
            return ExitCodes.FATAL;
        }
        Path dir = store.toAbsolutePath().normalize();
        String member = instance != null ? instance : InetAddress.getLocalHost().getHostName() + ":" + dir;
        CountDownLatch done = new CountDownLatch(1);
        try (AlertStore alerts = new AlertStore(OwnerOnly.directory(dir));
             Collector collector = new Collector(options, group, member, maxPollRecords, alerts, Clock.systemUTC())) {
            Thread hook = new Thread(() -> {
                collector.stop();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mamori-collect-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            err.println("mamori collect: " + options + " into " + dir);
            err.flush();
            try {
                collector.run();
            } finally {
                err.println("mamori collect: stopped, " + collector.counts());
                err.flush();
                done.countDown();
            }
            return ExitCodes.CLEAN;
        } catch (IOException | org.apache.kafka.common.KafkaException e) {
            // stored offsets are exact: a service manager restarting the collector loses and repeats nothing
            err.println("mamori collect: " + e.getMessage());
            return ExitCodes.FATAL;
        }
    }
}
