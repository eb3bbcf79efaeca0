package dev.mamori.detect;

/** A rule ran past its time budget on one text; the engine reports it and goes on with other rules. */
public final class BudgetExceededException extends RuntimeException {

    public BudgetExceededException(String message) {
        super(message, null, false, false);
    }
}
