package dev.mamori.cli;

import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ScanSummary;
import java.io.IOException;

/** Writes scan results in one output format. Called from one thread. */
interface ResultWriter extends AutoCloseable {

    void write(DocumentResult result) throws IOException;

    /** Called once after the last result. */
    void finish(ScanSummary summary) throws IOException;

    @Override
    void close() throws IOException;
}
