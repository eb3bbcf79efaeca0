/**
 * Scanning: walks files, extracts each in a worker, detects, judges, and hands every document's
 * result to a sink in the order files were found. The one place that wires extraction, detection
 * and verdicts together; the CLI and the agent both drive it.
 */
package dev.mamori.scan;
