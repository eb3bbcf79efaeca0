/**
 * Verdicts: from a document's findings to what it means. Groups findings into personal records
 * (a name with an address, phone or birth date in the same table row or nearby) and applies the
 * severity policy from the rule packs.
 */
package dev.mamori.verdict;
