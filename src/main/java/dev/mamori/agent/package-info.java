/**
 * The background agent: watches folders and exit points, scans files when they arrive, remembers
 * what it has scanned, stores alerts durably and delivers them to sinks, and quarantines files
 * when the policy says so. Configured by the agent config ({@code agent/mamori.yaml}), whose keys
 * are declared once, in {@link dev.mamori.agent.Settings}.
 */
package dev.mamori.agent;
