/**
 * The agent's memory of files it has scanned (a Lucene index in the data directory): path, size,
 * modification time, content hash and the masked results. A restart does not re-extract an
 * unchanged file, and a renamed file is recognised by its hash.
 */
package dev.mamori.state;
