/**
 * Reports for auditors: one self-contained HTML file (inline SVG charts, no network, no external
 * scripts), CSV in UTF-8 with BOM for Excel, or JSON, of the alerts in a date range, in Japanese or
 * English. Holds masked evidence only.
 */
package dev.mamori.report;
