/**
 * What Mamori writes for people and spreadsheets, made safe for its reader: {@link SafeCsv} is the
 * only way Mamori writes CSV (RFC 4180 quoting, formula prefixes neutralised so a file named
 * {@code =HYPERLINK(...)} stays text in Excel), and {@link SafeText} escapes control and bidi
 * characters in values (file names, reasons, errors) printed to a terminal or a text page, so a
 * name with a newline or an ESC sequence never splits a line or reaches the terminal raw.
 * Machine formats (JSON, JSON Lines) are left to their encoders, which escape on their own.
 */
package dev.mamori.output;
