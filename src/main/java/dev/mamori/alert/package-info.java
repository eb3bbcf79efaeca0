/**
 * Alerts: one file (or archive member) whose verdict meets the policy. Each alert is stored
 * durably in the agent's own Lucene store first, then delivered to every configured sink (JSON
 * Lines in ECS field names, syslog RFC 5424 over UDP or TCP, an HTTP webhook) at least once and in
 * order: a sink's position in the store is written only after the sink acknowledged the batch.
 */
package dev.mamori.alert;
