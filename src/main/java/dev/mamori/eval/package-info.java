/**
 * Evaluation: precision and recall of the rules against a labelled folder of files
 * ({@code labels.json}, format in the README). Used by the test suite on the bundled evaluation
 * set and, later, by {@code mamori rules eval} on an admin's own samples.
 */
package dev.mamori.eval;
