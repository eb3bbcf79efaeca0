/**
 * Detection: turns extracted text into {@link dev.mamori.detect.Finding}s.
 *
 * <p>Text is normalised once ({@link dev.mamori.detect.NormalizedText}: NFKC, dash folding) and every
 * detector matches on the normalised form while reporting spans of the original. Detector kinds
 * (regex, keyword list, table column, Japanese person name) and validators (check digits, Luhn,
 * calendar dates) are code, looked up by registered name; their patterns, keywords and thresholds
 * come from rule packs (see {@code dev.mamori.rules}). Findings carry an explanation of why they
 * fired and never expose the raw value outside this process.
 */
package dev.mamori.detect;
