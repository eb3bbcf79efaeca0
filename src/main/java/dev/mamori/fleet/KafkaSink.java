package dev.mamori.fleet;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertJson;
import dev.mamori.alert.Sink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces each alert as the ECS JSON every sink sends, keyed by host so that one host's alerts
 * land in one partition. The producer is idempotent with {@code acks=all}, and each batch is one
 * Kafka transaction: {@link #deliver} returns only when the transaction is committed (every
 * in-sync replica has every record), and throws otherwise. Why a transaction: when a broker goes
 * away mid-batch, an idempotent producer alone can fail the batch's first records and still write
 * later ones, which would put a host's alerts out of order on the topic. An aborted (or never
 * committed) transaction is invisible to {@code read_committed} consumers such as the collector,
 * and {@link dev.mamori.alert.Delivery} sends the whole batch again, in order. After any failure
 * the producer is dropped; the next one, with the same transactional id, fences the old one and
 * aborts whatever it left open. At least once: a commit whose answer was lost is sent again (the
 * collector drops the repeat). Called by one delivery thread at a time.
 */
public final class KafkaSink implements Sink {

    /**
     * Record header: the number of the alert the host's store holds before this one (0: none), so
     * the collector can tell numbers taken by triage decisions from alerts lost (a spool that was
     * full, say). Absent when the sink was built without the store's numbering.
     */
    public static final String PREVIOUS = "mamori.prev";
    /** Record header of a record that is not an alert; its value says what it is ({@link #CHAIN_HEAD}). */
    public static final String KIND = "mamori.kind";
    /** A chain-head record: the value is the host's store head, "seq:hash", after the alerts before it. */
    public static final String CHAIN_HEAD = "chain-head";

    private final KafkaOptions options;
    private final Properties config;
    /** The number of the alert the store holds before a given one (see {@link dev.mamori.alert.AlertStore#alertBefore}). */
    @FunctionalInterface
    public interface Predecessor {
        long before(long seq) throws IOException;
    }

    private final Predecessor predecessor;
    private Producer<String, String> producer;

    /**
     * @param clientId names this agent to the brokers; also its transactional id, so it must be
     *                 unique per host and stable across restarts
     * @throws IOException when the options cannot be turned into a client (an unreadable password file)
     */
    public KafkaSink(KafkaOptions options, String clientId) throws IOException {
        this(options, clientId, null);
    }

    /**
     * @param predecessor the delivering store's numbering, for the {@link #PREVIOUS} header (null: no header)
     */
    public KafkaSink(KafkaOptions options, String clientId, Predecessor predecessor) throws IOException {
        this.options = options;
        this.predecessor = predecessor;
        Properties p = options.clientProperties();
        p.put("client.id", clientId);
        p.put("transactional.id", clientId);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        long timeout = options.timeout().toMillis();
        p.put("linger.ms", "5");
        p.put("request.timeout.ms", Long.toString(Math.max(1_000, timeout / 2)));
        p.put("delivery.timeout.ms", Long.toString(timeout + 5)); // at least linger + request timeout
        p.put("max.block.ms", Long.toString(timeout)); // how long init, send and commit wait for unreachable brokers
        p.put("reconnect.backoff.max.ms", "5000");
        // an agent that dies mid-batch leaves its transaction open, and read_committed consumers of that
        // partition wait for it: the coordinator aborts it after this (a restarted agent fences it at once)
        p.put("transaction.timeout.ms", Long.toString(Math.max(10_000, 2 * timeout)));
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        this.config = p;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void deliverChainHead(String host, String head, java.time.Instant at) throws IOException {
        ProducerRecord<String, String> r = new ProducerRecord<>(options.topic(), null, at.toEpochMilli(), host, head);
        r.headers().add(KIND, CHAIN_HEAD.getBytes(StandardCharsets.US_ASCII));
        sendInOneTransaction(List.of(r));
    }

    @Override
    public void deliver(List<Alert> batch) throws IOException {
        List<ProducerRecord<String, String>> records = new ArrayList<>(batch.size());
        // a delivery batch is consecutive in the store: only its first alert's predecessor is looked up
        long prev = predecessor == null || batch.isEmpty() ? 0 : predecessor.before(batch.get(0).seq());
        for (Alert a : batch) {
            ProducerRecord<String, String> r = new ProducerRecord<>(options.topic(), a.host(), AlertJson.line(a));
            if (predecessor != null) {
                // the store's numbers also count records never sent (triage decisions): this says which came before
                r.headers().add(PREVIOUS, Long.toString(prev).getBytes(StandardCharsets.US_ASCII));
            }
            records.add(r);
            prev = a.seq();
        }
        sendInOneTransaction(records);
    }

    /** Sends the records in one transaction and returns when every one is acknowledged. */
    private void sendInOneTransaction(List<ProducerRecord<String, String>> records) throws IOException {
        try {
            Producer<String, String> p = producer();
            p.beginTransaction();
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<String, String> r : records) {
                acks.add(p.send(r));
            }
            p.commitTransaction(); // flushes; throws if any record failed
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            drop();
            throw new IOException("kafka " + options.bootstrap() + ": not acknowledged: " + e.getCause().getMessage(), e.getCause());
        } catch (KafkaException e) {
            drop();
            throw new IOException("kafka " + options.bootstrap() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            drop();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            KafkaProducer<String, String> p = new KafkaProducer<>(config);
            try {
                p.initTransactions();
            } catch (KafkaException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            producer = p;
        }
        return producer;
    }

    private void drop() {
        if (producer != null) {
            try {
                // an open transaction would hold back every read_committed consumer of its partitions
                // until it times out; the next producer aborts it too, but there may be no next one
                producer.abortTransaction();
            } catch (RuntimeException alreadyBroken) {
                // fenced, not begun, or the broker is gone: the transaction coordinator times it out
            }
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(options.timeout());
            producer = null;
        }
    }
}
