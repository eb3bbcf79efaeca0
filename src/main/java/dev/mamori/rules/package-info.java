/**
 * Rule packs: the YAML files in {@code rules/} that configure detection, exclusions, record
 * grouping and the severity policy. Loading validates everything up front and reports each
 * problem as {@code file:line:col: message}; a pack with any error is refused whole, never
 * partly applied.
 */
package dev.mamori.rules;
