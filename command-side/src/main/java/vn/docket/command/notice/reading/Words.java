package vn.docket.command.notice.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The word lists the reader works with ({@code /notice/words.json}): data, so that a new kind of
 * body or a new verb is a line in a file, not a change to the code.
 */
final class Words {

    private static final JsonNode WORDS = load();

    private Words() {
    }

    /** A list of the file, longest entry first, so that "phó chủ tịch" is tried before "chủ tịch". */
    static List<String> list(String name) {
        List<String> out = new ArrayList<>();
        WORDS.path(name).forEach(w -> out.add(w.asText()));
        if (out.isEmpty()) {
            throw new IllegalStateException("notice/words.json has no list '" + name + "'");
        }
        out.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(out);
    }

    private static JsonNode load() {
        try (InputStream in = Words.class.getResourceAsStream("/notice/words.json")) {
            if (in == null) {
                throw new IllegalStateException("notice/words.json is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
