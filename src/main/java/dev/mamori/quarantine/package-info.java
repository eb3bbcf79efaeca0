/**
 * Quarantine: a file the policy says must not leave is moved into a protected folder with a record
 * of where it came from, and a short note is left in its place. Nothing is ever deleted: a
 * quarantined file can be restored byte for byte.
 */
package dev.mamori.quarantine;
