/**
 * The fleet: alerts of many laptops through Kafka to a central alert store. On the agent,
 * {@link dev.mamori.fleet.KafkaSink} is one more {@link dev.mamori.alert.Sink} (the store first,
 * at least once, in order, keyed by host). Centrally, {@link dev.mamori.fleet.Collector} consumes
 * the topic as a consumer group into an ordinary {@link dev.mamori.alert.AlertStore}, keeping its
 * consumer offsets in the store's own commit so a crash neither loses nor duplicates an alert, and
 * checks each host's alert sequence ({@link dev.mamori.fleet.HostLedger}). The auditor commands
 * read that store unchanged.
 */
package dev.mamori.fleet;
