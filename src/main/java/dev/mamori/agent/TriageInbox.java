package dev.mamori.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.Triage;
import dev.mamori.alert.TriageAction;
import dev.mamori.output.SafeText;
import dev.mamori.platform.ProcessUser;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decisions handed to the running agent ({@code alerts ack|dismiss|escalate}, {@code quarantine
 * restore}) as one file per request in {@code <data-dir>/triage-inbox/}, which the agent makes,
 * owner-only, when it starts. Who decided is the file's owner as the operating system records it,
 * never what the file says; a request root owns may add who ran {@code sudo}. Each request is
 * validated and recorded in the alert chain once, by its id (the file name), even if its file
 * cannot be deleted; one that is not valid goes to {@code rejected/} with one log line. Nothing
 * a request holds can stop the import or the agent. Not thread-safe: housekeeping's thread only.
 */
final class TriageInbox {

    private static final Logger LOG = LoggerFactory.getLogger(TriageInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long MAX_BYTES = 64 * 1024;
    static final int MAX_NOTE_CHARS = 4_000;
    private static final Pattern REQUEST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.json");
    private static final Pattern LOGIN_NAME = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,31}");

    private final Path inbox;
    private final AlertStore store;
    /** Requests dealt with whose file stayed (it could not be deleted or moved): not read again. */
    private final Set<String> passedOver = new HashSet<>();

    TriageInbox(Path inbox, AlertStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    /** Records every waiting request, oldest name first; returns how many were recorded. */
    int importAll() throws IOException {
        int recorded = 0;
        for (Path f : waiting()) {
            try {
                recorded += importOne(f) ? 1 : 0;
            } catch (IOException | RuntimeException e) { // one request, whatever it holds, never stops the others
                reject(f, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return recorded;
    }

    private List<Path> waiting() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(inbox, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && !name.equals("rejected") && !passedOver.contains(name)) {
                    out.add(f);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private boolean importOne(Path f) throws IOException {
        String name = f.getFileName().toString();
        BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            return reject(f, "not a regular file");
        }
        if (!REQUEST_NAME.matcher(name).matches()) {
            return reject(f, "not a request name (<id>.json)");
        }
        if (attrs.size() > MAX_BYTES) {
            return reject(f, attrs.size() + " bytes, more than a request can hold (" + MAX_BYTES + ")");
        }
        String by = owner(f);
        JsonNode request = JSON.readTree(Files.readAllBytes(f));
        Triage t;
        try {
            t = Triage.read(request, by);
        } catch (IllegalArgumentException unknownAction) {
            return reject(f, unknownAction.getMessage());
        }
        String problem = problem(t);
        if (problem != null) {
            return reject(f, problem);
        }
        String sudo = request.path("user").path("sudo").asText("");
        if (by.equals("root") && LOGIN_NAME.matcher(sudo).matches()) {
            t = new Triage(t.alertId(), t.action(), t.note(), "root (sudo by " + sudo + ")", t.at());
        }
        String requestId = name.substring(0, name.length() - ".json".length());
        boolean recorded = store.triageOnce(t, requestId);
        if (!recorded) {
            LOG.warn("triage request {} was recorded before; not again", SafeText.of(requestId));
        }
        done(f);
        return recorded;
    }

    /** What makes a decision unfit for the trail, or null. */
    private String problem(Triage t) throws IOException {
        if (t.note().length() > MAX_NOTE_CHARS) {
            return "a note of " + t.note().length() + " characters (at most " + MAX_NOTE_CHARS + ")";
        }
        boolean aboutAQuarantine = t.action() == TriageAction.RESTORE && t.alertId().startsWith("quarantine:");
        if (!aboutAQuarantine && !store.containsId(t.alertId())) {
            return "no alert with id " + t.alertId();
        }
        return null;
    }

    /** The request file's owner, from the file system: the identity of the decision. */
    private static String owner(Path f) throws IOException {
        long uid = ProcessUser.uidOf(f);
        return uid >= 0 ? ProcessUser.nameOf(uid) : Files.getOwner(f, LinkOption.NOFOLLOW_LINKS).getName();
    }

    private boolean reject(Path f, String why) {
        LOG.warn("triage request {} refused: {}", SafeText.of(f.getFileName().toString()), SafeText.of(why));
        try {
            Path rejected = Files.createDirectories(inbox.resolve("rejected"));
            Files.move(f, rejected.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            done(f);
        }
        return false;
    }

    private void done(Path f) {
        try {
            Files.delete(f);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot remove the triage request {} ({}); it is not read again", SafeText.of(f.getFileName().toString()),
                    e.getClass().getSimpleName());
            passedOver.add(f.getFileName().toString());
        }
    }
}
