package dev.mamori.detect;

/**
 * A CharSequence that throws once a deadline (in the reading thread's CPU time, see {@link ThreadTime}) has passed, so that {@code java.util.regex} (which
 * backtracks, and can take exponential time on an admin's careless pattern) stops on time.
 * The clock is read only every 4096 character reads to keep matching fast.
 */
final class TimeBoundedText implements CharSequence {

    private final String text;
    private final long deadlineNanos;
    private final String ruleId;
    private int reads;

    TimeBoundedText(String text, long deadlineNanos, String ruleId) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
        this.ruleId = ruleId;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFF) == 0 && ThreadTime.nanos() > deadlineNanos) {
            throw new BudgetExceededException("rule '" + ruleId + "' exceeded its time budget");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
