package dev.mamori.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertAction;
import dev.mamori.alert.AlertJson;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.HealthProblem;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the alerts topic as a member of a consumer group into one alert store. Each poll's
 * alerts, the findings about them and the next offset of every partition they came from are
 * written in a single store commit (the offsets and the {@link HostLedger} in the commit's user
 * data); only then are the offsets committed to Kafka too. A collector that dies anywhere resumes
 * from its store's offsets, so the store holds every alert exactly once: what was committed is
 * not read again, what was not is read again. On assignment a partition starts at the later of
 * the store's offset and the group's (another collector of the group may have taken it further
 * meanwhile, into its own store). One thread: {@link #run} polls until {@link #stop}.
 */
public final class Collector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Commit user data: {@code kafka.offset.<topic>-<partition>} = next offset to read. */
    static final String OFFSET = "kafka.offset.";
    static final String HOSTS = "fleet.hosts";

    private final KafkaOptions options;
    private final AlertStore store;
    private final Clock clock;
    private final KafkaConsumer<String, String> consumer;
    private final HostLedger ledger;
    private volatile boolean running = true;
    private long stored;
    private long repeats;
    private long findings;

    /**
     * @param instance static group member id: a restarted collector with the same id takes its
     *                 partitions back at once instead of waiting for the dead member's session
     *                 to expire
     */
    public Collector(KafkaOptions options, String group, String instance, int maxPollRecords, AlertStore store,
                     Clock clock) throws IOException {
        this.options = options;
        this.store = store;
        this.clock = clock;
        this.ledger = HostLedger.fromJson(store.commitData().get(HOSTS));
        Properties p = options.clientProperties();
        p.put("group.id", group);
        p.put("group.instance.id", instance);
        p.put("client.id", "mamori-collect-" + instance);
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        p.put("max.poll.records", Integer.toString(maxPollRecords));
        p.put("session.timeout.ms", "10000");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try {
            this.consumer = new KafkaConsumer<>(p);
        } catch (KafkaException e) {
            throw new IOException("kafka: cannot create the consumer: " + e.getMessage(), e);
        }
    }

    /** Alerts stored, repeats dropped and findings raised since this collector started. */
    public String counts() {
        return stored + " alert(s) stored, " + repeats + " repeat(s) dropped, " + findings + " finding(s)";
    }

    /** What the collector knows of each host (read it from the poll thread, or after {@link #run}). */
    public HostLedger ledger() {
        return ledger;
    }

    /** Polls and stores until {@link #stop}; a store that cannot be written ends it with the exception. */
    public void run() throws IOException {
        subscribe();
        try {
            while (running) {
                pollOnce(Duration.ofSeconds(1));
            }
        } catch (WakeupException stopping) {
            // stop() was called
        }
    }

    void subscribe() {
        consumer.subscribe(List.of(options.topic()), new Resume());
    }

    /** Partitions this collector holds now (poll thread only). */
    int assignedPartitions() {
        return consumer.assignment().size();
    }

    /** Makes {@link #run} return after the batch in hand is stored. Any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** One poll: stores what arrived and commits. Returns the number of records read. */
    int pollOnce(Duration wait) throws IOException {
        ConsumerRecords<String, String> records = consumer.poll(wait);
        List<Alert> batch = new ArrayList<>();
        Set<String> batchIds = new HashSet<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            var kind = r.headers().lastHeader(KafkaSink.KIND);
            if (kind != null && KafkaSink.CHAIN_HEAD.equals(new String(kind.value(), StandardCharsets.US_ASCII))) {
                // the host's own anchor: kept per host, for 'mamori verify --head' on that laptop
                ledger.chainHead(r.key(), r.value(), java.time.Instant.ofEpochMilli(r.timestamp()));
                LOG.info("host {}: alert chain head {}", r.key(), r.value());
                continue;
            }
            Alert a;
            try {
                a = AlertJson.fromJson(JSON.readTree(r.value()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}-{}@{}: not an alert, skipped ({})", r.topic(), r.partition(), r.offset(), e.getClass().getSimpleName());
                continue;
            }
            List<String> packsBefore = ledger.packsBefore(a);
            var prevHeader = r.headers().lastHeader(KafkaSink.PREVIOUS);
            long previous = prevHeader == null ? 0 : parse(new String(prevHeader.value(), StandardCharsets.US_ASCII));
            HostLedger.Admission admission = ledger.admit(a, previous, id -> batchIds.contains(id) || containsId(id));
            if (!admission.store()) {
                repeats++;
                continue;
            }
            if (packsBefore != null) {
                LOG.info("host {} now runs rule packs {} (was {})", a.host(), a.packs(), packsBefore);
            }
            batch.add(a);
            batchIds.add(a.id());
            if (admission.finding() != null) {
                LOG.warn("host {}: {}", a.host(), admission.finding());
                batch.add(finding(a, admission.finding(), r));
                findings++;
            }
        }
        Map<String, String> data = new TreeMap<>(store.commitData());
        for (TopicPartition tp : consumer.assignment()) {
            // past the records returned and any transaction markers after them: the exact resume point
            long position = consumer.position(tp);
            String key = OFFSET + tp.topic() + "-" + tp.partition();
            if (!Long.toString(position).equals(data.get(key))) {
                next.put(tp, new OffsetAndMetadata(position));
                data.put(key, Long.toString(position));
            }
        }
        if (next.isEmpty()) {
            return 0;
        }
        data.put(HOSTS, ledger.toJson());
        store.appendAll(batch, data);
        stored += batch.size();
        try {
            consumer.commitSync(next);
        } catch (KafkaException e) {
            // the store's offsets are the ones that count; the group's only serve other collectors and lag monitoring
            LOG.warn("offsets are stored but not committed to the group ({})", e.getMessage());
        }
        return records.count();
    }

    private static long parse(String n) {
        try {
            return Long.parseLong(n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean containsId(String id) {
        try {
            return store.containsId(id);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A health alert for the host the finding is about; its id is derived from what it reports, so a replay repeats it. */
    private Alert finding(Alert about, String finding, ConsumerRecord<String, String> r) {
        String subject = "kafka:" + r.topic() + "-" + r.partition() + "@" + r.offset();
        UUID id = UUID.nameUUIDFromBytes((about.host() + "\n" + about.id() + "\n" + finding).getBytes(StandardCharsets.UTF_8));
        return new Alert(0, id.toString(), clock.instant(), about.host(), about.user(), subject, ExitPointKind.AGENT, "", 0,
                Severity.MEDIUM, Map.of(), 0, List.of(finding), List.of(HealthProblem.RULE, HealthProblem.SEQUENCE_BROKEN.ruleId()),
                false, AlertAction.HEALTH, null, about.agentVersion(), about.packs());
    }

    /** Seeks each assigned partition to where this store (or the group, if further) stands. */
    private final class Resume implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<String, String> data = store.commitData();
            Map<TopicPartition, OffsetAndMetadata> group = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                String mine = data.get(OFFSET + tp.topic() + "-" + tp.partition());
                OffsetAndMetadata theirs = group.get(tp);
                long offset = Math.max(mine == null ? -1 : Long.parseLong(mine), theirs == null ? -1 : theirs.offset());
                if (offset >= 0) {
                    consumer.seek(tp, offset);
                }
                LOG.info("partition {}: from offset {}", tp, offset < 0 ? "the start" : offset);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing pending: each poll's batch is stored and committed before the next poll
        }
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
