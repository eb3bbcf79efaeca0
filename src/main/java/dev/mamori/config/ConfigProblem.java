package dev.mamori.config;

/** One thing wrong in a rule pack or config file, located for the admin's editor: {@code file:line:col: message}. */
public record ConfigProblem(String file, int line, int column, String message, boolean warning) {

    public static ConfigProblem error(String file, int line, int column, String message) {
        return new ConfigProblem(file, line, column, message, false);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (warning ? "warning: " : "") + message;
    }
}
