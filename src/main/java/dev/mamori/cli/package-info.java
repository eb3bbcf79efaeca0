/**
 * The {@code mamori} command line: one picocli class per subcommand, result writers for text,
 * JSON Lines and CSV. Exit codes follow grep and gitleaks: 0 nothing sensitive, 1 sensitive
 * content found, 2 usage or fatal error.
 */
package dev.mamori.cli;
