/**
 * Signed rule bundles: how an organisation's rule packs reach its laptops. {@link BundleWriter}
 * makes a bundle (packs, a manifest with their hashes and a version, an Ed25519 signature over the
 * manifest); {@link RuleBundle} reads one and trusts nothing in it before the signature and every
 * hash check out; {@link BundleUpdater} fetches bundles over HTTPS, refuses older or equal versions
 * (no rollback) and installs a verified one into the agent's data folder, keeping the last good one.
 * Depends on nothing but the JDK and Jackson; the agent's command loop applies installed bundles
 * through its normal reload path.
 */
package dev.mamori.bundle;
