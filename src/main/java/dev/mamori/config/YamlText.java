package dev.mamori.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a YAML file an admin wrote (a rule pack, the agent config) into a node tree, turning every
 * way it can be unreadable — bytes that are not UTF-8, characters YAML forbids, bad syntax — into
 * a located problem instead of an exception. Duplicate keys are refused.
 */
public final class YamlText {

    private YamlText() {
    }

    /**
     * @return the root node; empty for an empty file or when a problem was added
     * @throws IOException when the file cannot be read at all
     */
    public static Optional<Node> parse(Path file, List<ConfigProblem> problems) throws IOException {
        String name = file.toString();
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes);
            int[] at = lineAndColumn(new String(bytes, 0, bad, StandardCharsets.UTF_8), -1);
            problems.add(ConfigProblem.error(name, at[0], at[1], String.format(Locale.ROOT,
                    "not UTF-8 (byte 0x%02X): save the file as UTF-8", bytes[bad] & 0xFF)));
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return Optional.ofNullable(new Yaml(options).compose(new java.io.StringReader(text)));
        } catch (MarkedYAMLException e) {
            problems.add(YamlMap.at(name, e.getProblemMark(), "not valid YAML: " + e.getProblem()));
        } catch (ReaderException e) {
            int[] at = lineAndColumn(text, e.getPosition());
            problems.add(ConfigProblem.error(name, at[0], at[1], String.format(Locale.ROOT,
                    "character U+%04X is not allowed in YAML (a control character?)", e.getCodePoint())));
        } catch (YAMLException e) {
            problems.add(ConfigProblem.error(name, 1, 1, "not valid YAML: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static int firstMalformed(byte[] bytes) {
        for (int end = 1; end <= bytes.length; end++) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, end));
            } catch (CharacterCodingException e) {
                // the sequence that starts before end is bad; find where it starts
                int start = end - 1;
                while (start > 0 && (bytes[start] & 0xC0) == 0x80 && end - start < 4) {
                    start--;
                }
                return start;
            }
        }
        return Math.max(0, bytes.length - 1);
    }

    /** 1-based line and column of {@code position} in {@code text} (-1: the end). */
    private static int[] lineAndColumn(String text, int position) {
        int end = position < 0 ? text.length() : Math.min(position, text.length());
        int line = 1;
        int col = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
