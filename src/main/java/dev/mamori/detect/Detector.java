package dev.mamori.detect;

import java.util.List;

/**
 * One configured rule able to find one information type in a text. Implementations are immutable
 * and thread-safe: one instance serves every scanning thread.
 */
public interface Detector {

    RuleSpec spec();

    /** Every literal (in search form) this rule looks for: the engine finds them all in one pass. */
    default java.util.Set<String> literals() {
        return spec().literals();
    }

    /**
     * Finds this rule's matches in the text.
     *
     * @throws BudgetExceededException when the rule runs past its time budget on this text
     */
    List<Finding> detect(ScanText text);
}
