/**
 * Watching folders: recursive registration with the platform's WatchService, new folders and
 * moved-in trees picked up, OVERFLOW answered by a rescan of the place, files reported only once
 * they have stopped changing (debounce), removable media watched as they are mounted.
 */
package dev.mamori.watch;
