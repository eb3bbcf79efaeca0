package dev.mamori.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;

/**
 * Main class of an extraction worker process: reads requests on stdin, answers on stdout, until
 * stdin closes. Started by {@link ForkedExtractor} with a bounded heap and
 * {@code -XX:+ExitOnOutOfMemoryError}, so a parser that runs away costs one file, not the scan.
 */
public final class ExtractionWorker {

    private ExtractionWorker() {
    }

    /** Arguments: maxBytes maxChars maxDepth maxMembers (as in {@link ExtractionLimits}). */
    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        System.setOut(System.err); // a parser's stray print must not corrupt the protocol
        ExtractionLimits limits = new ExtractionLimits(Long.parseLong(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), Duration.ofDays(1), 64);
        TikaExtractor extractor = new TikaExtractor(limits);
        out.writeInt(WorkerProtocol.READY);
        out.flush();
        ExtractionListener events = WorkerProtocol.writer(out);
        while (true) {
            WorkerProtocol.Request request;
            try {
                request = WorkerProtocol.readRequest(in);
            } catch (EOFException e) {
                return; // the scan is over
            }
            extractor.extract(Path.of(request.file()), request.display(), new HashSet<>(request.skip()), events);
            WorkerProtocol.writeEnd(out);
        }
    }
}
