package dev.mamori.cli;

import dev.mamori.bundle.BundleException;
import dev.mamori.bundle.BundleKeys;
import dev.mamori.bundle.BundleWriter;
import dev.mamori.bundle.RuleBundle;
import dev.mamori.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori rules keygen|sign|verify-bundle}: the admin's side of signed rule distribution. */
final class BundleCommands {

    private BundleCommands() {
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Make the organisation's Ed25519 key pair for signing rule bundles: KEY (private, owner-only; "
                    + "keep it off the laptops) and KEY.pub (public; give it to the agents as rules.bundle.public-key).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written", "2:not written"})
    static final class Keygen implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "KEY", description = "Private key file to write (KEY.pub beside it).")
        Path out;

        @Override
        public Integer call() {
            PrintWriter err = QuarantineCommand.stderr();
            Path pub = out.resolveSibling(out.getFileName() + ".pub");
            if (Files.exists(out) || Files.exists(pub)) {
                err.println("mamori rules keygen: " + (Files.exists(out) ? out : pub) + " exists; not overwritten");
                return ExitCodes.FATAL;
            }
            try {
                BundleKeys.write(BundleKeys.generate(), out, pub);
            } catch (IOException e) {
                err.println("mamori rules keygen: cannot write " + out + ": " + e.getMessage());
                return ExitCodes.FATAL;
            }
            QuarantineCommand.stdout().println("private key " + out + " (keep it secret), public key " + pub);
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Make a signed rule bundle of packs, with a version agents only ever move forward from. "
                    + "The packs are checked first (loaded with the bundled ones, every sample run).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:bundle written", "2:packs refused or not written"})
    static final class Sign implements Callable<Integer> {
        @Option(names = "--key", required = true, paramLabel = "KEY", description = "The private key (from rules keygen).")
        Path key;

        @Option(names = "--version", required = true, paramLabel = "VERSION",
                description = "Bundle version, higher than any before, e.g. 2026.12.1.")
        String version;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Bundle file to write.")
        Path out;

        @Parameters(arity = "1..*", paramLabel = "PACK", description = "Pack files or folders.")
        List<Path> packs;

        @Override
        public Integer call() {
            PrintWriter err = QuarantineCommand.stderr();
            RulesOption check = new RulesOption();
            check.addRules = new ArrayList<>(packs);
            RuleSet set = check.load(Clock.systemDefaultZone(), err);
            if (set == null) {
                return ExitCodes.FATAL;
            }
            var problems = dev.mamori.rules.SampleCheck.run(set);
            if (!problems.isEmpty()) {
                problems.forEach(err::println);
                err.println("mamori rules sign: samples fail; no bundle written");
                return ExitCodes.FATAL;
            }
            try {
                byte[] bundle = BundleWriter.sign(packs, version, Instant.now(), BundleKeys.readPrivate(key));
                Files.write(out, bundle);
                QuarantineCommand.stdout().printf("bundle %s written to %s (%d bytes)%n", version, out, bundle.length);
                return ExitCodes.CLEAN;
            } catch (IOException e) {
                err.println("mamori rules sign: " + e.getMessage());
                return ExitCodes.FATAL;
            }
        }
    }

    @Command(name = "verify-bundle", mixinStandardHelpOptions = true,
            description = "Check a rule bundle as an agent would: signature, hashes, version.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the bundle verifies", "2:refused"})
    static final class Verify implements Callable<Integer> {
        @Option(names = "--key", required = true, paramLabel = "KEY.pub", description = "The organisation's public key.")
        Path key;

        @Parameters(paramLabel = "FILE", description = "The bundle.")
        Path bundle;

        @Override
        public Integer call() {
            try {
                RuleBundle b = RuleBundle.verify(Files.readAllBytes(bundle), BundleKeys.readPublic(key), bundle.toString());
                QuarantineCommand.stdout().printf("OK: bundle %s of %s, packs %s%n", b.version(), b.created(),
                        String.join(", ", b.packs().keySet()));
                return ExitCodes.CLEAN;
            } catch (BundleException e) {
                QuarantineCommand.stderr().println("REFUSED: " + e.getMessage());
                return ExitCodes.FATAL;
            } catch (IOException e) {
                QuarantineCommand.stderr().println("mamori rules verify-bundle: cannot read " + bundle + ": " + e.getMessage());
                return ExitCodes.FATAL;
            }
        }
    }
}
