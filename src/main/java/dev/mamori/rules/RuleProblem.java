package dev.mamori.rules;

/** One thing wrong in a rule pack, located for the admin's editor: {@code file:line:col: message}. */
public record RuleProblem(String file, int line, int column, String message, boolean warning) {

    public static RuleProblem error(String file, int line, int column, String message) {
        return new RuleProblem(file, line, column, message, false);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (warning ? "warning: " : "") + message;
    }
}
