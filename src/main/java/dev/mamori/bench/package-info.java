/**
 * Benchmarks ({@code mamori bench}): detection throughput on one thread, and end-to-end scanning
 * against Tika extraction alone on the same generated corpus in the same run, so the figures are
 * ratios that survive a noisy machine. Not part of the test suite.
 */
package dev.mamori.bench;
