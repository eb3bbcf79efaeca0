package dev.mamori.detect;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * E-mail addresses: a sane local part and a domain whose last label is alphabetic and is not a
 * file extension ({@code icon@2x.png} is an image name, not an address).
 */
final class EmailValidator implements Validator {

    private final Set<String> rejectTlds;

    EmailValidator(Set<String> rejectTlds) {
        this.rejectTlds = rejectTlds;
    }

    @Override
    public Result validate(String value, Function<String, String> groups) {
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return Result.fail("no local part or domain");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Result.fail("malformed local part");
        }
        int dot = domain.lastIndexOf('.');
        if (dot <= 0 || domain.contains("..")) {
            return Result.fail("domain has no dot");
        }
        String tld = domain.substring(dot + 1);
        if (tld.length() < 2 || !tld.chars().allMatch(Character::isLetter)) {
            return Result.fail("top-level domain '" + tld + "' is not alphabetic");
        }
        if (rejectTlds.contains(tld)) {
            return Result.fail("'." + tld + "' is a file extension");
        }
        return Result.ok((local + "@" + domain).toLowerCase(Locale.ROOT), "well-formed address");
    }
}
