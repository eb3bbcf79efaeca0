/**
 * Masking: the one place where raw personal data is turned into evidence that may be shown.
 * Logs, reports and outputs only ever receive what {@link dev.mamori.mask.Masker} returns.
 */
package dev.mamori.mask;
