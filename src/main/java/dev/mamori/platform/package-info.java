/**
 * What differs between Windows, macOS and Linux, behind small interfaces: owner-only file
 * permissions, where removable media and cloud-sync folders appear, desktop notifications.
 * Nothing else in Mamori branches on the operating system.
 */
package dev.mamori.platform;
