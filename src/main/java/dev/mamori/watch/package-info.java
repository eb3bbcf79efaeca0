/**
 * Watching folders: recursive registration with the platform's WatchService, new folders and
 * moved-in trees picked up, OVERFLOW answered by a rescan of the place, files reported only once
 * they have stopped changing (debounce). Which places exist (media come and go) is the agent's
 * business, from {@code platform.ExitPoints}.
 */
package dev.mamori.watch;
