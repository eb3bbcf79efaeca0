/**
 * How many distinct persons a set of files concerns, and whether APPI's report criteria are met:
 * files are extracted (in worker processes when asked) and judged like a scan, person records are
 * linked through keyed hashes of their identifying pairs, and an assessment says REQUIRED, NOT_MET
 * or CANNOT_JUDGE (nothing, or not everything, could be read). Used by {@code mamori impact} and
 * by the report's APPI section. Holds no raw personal data beyond one run's memory.
 */
package dev.mamori.impact;
