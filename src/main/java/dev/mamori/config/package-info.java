/**
 * Configuration files (rule packs, the agent config): typed, located access to YAML, where every
 * mistake becomes a {@link dev.mamori.config.ConfigProblem} naming the file, line and column, with a
 * "did you mean" for misspelt keys.
 */
package dev.mamori.config;
