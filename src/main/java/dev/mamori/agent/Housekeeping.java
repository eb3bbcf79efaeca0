package dev.mamori.agent;

import dev.mamori.alert.AlertStore;
import dev.mamori.state.StateStore;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's periodic chores, run once a second on a thread of their own (never behind a walk
 * that waits on a full queue): commit the state store, import triage decisions, write
 * {@code status.json}, publish the alert chain's head. Nothing here can end the schedule.
 */
final class Housekeeping implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    /** What the status writer needs: the running agent's counters, written if they changed. */
    interface StatusWriter {
        void write() throws IOException;
    }

    private final AgentConfig config;
    private final StateStore state;
    private final AlertStore alertStore;
    private final AtomicLong uncommitted;
    private final StatusWriter status;
    private final TriageInbox inbox;
    private String loggedHead = "";
    private long headLoggedAt;

    Housekeeping(AgentConfig config, StateStore state, AlertStore alertStore, AtomicLong uncommitted,
                 StatusWriter status) {
        this.config = config;
        this.state = state;
        this.alertStore = alertStore;
        this.inbox = new TriageInbox(config.dataDir().resolve(Agent.TRIAGE_INBOX), alertStore);
        this.uncommitted = uncommitted;
        this.status = status;
    }

    @Override
    public void run() {
        try {
            if (uncommitted.getAndSet(0) > 0) {
                state.commit();
            }
            inbox.importAll();
            status.write();
            logChainHead();
        } catch (Throwable e) { // a scheduled task that throws is never run again
            LOG.warn("housekeeping: {}", e.toString());
        }
    }

    /** Every ten minutes, when it moved: the alert chain's head, for an auditor's external copy (mamori verify --head). */
    private void logChainHead() {
        long now = System.nanoTime();
        String head = alertStore.head();
        if (head.startsWith("0:")) {
            return; // no alert yet: nothing to vouch for
        }
        if (!head.equals(loggedHead) && (loggedHead.isEmpty() || now - headLoggedAt > 600_000_000_000L)) {
            LOG.info("alert chain head {}", head);
            loggedHead = head;
            headLoggedAt = now;
        }
    }
}
