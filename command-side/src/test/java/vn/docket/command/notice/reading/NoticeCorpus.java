package vn.docket.command.notice.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the notices with hand-made answers live: the shared real ones and our own. */
final class NoticeCorpus {

    private NoticeCorpus() {
    }

    /** The real notices, from the system property docket.shared-dir, else ../shared near the working dir. */
    static Path sharedNotices() {
        String property = System.getProperty("docket.shared-dir");
        if (property != null && Files.isDirectory(Path.of(property, "notices"))) {
            return Path.of(property, "notices");
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/notices").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/notices not found: set -Ddocket.shared-dir");
    }

    static Path ownNotices() {
        Path path = Path.of("src/test/resources/notices");
        if (Files.isDirectory(path)) {
            return path;
        }
        return Path.of("command-side/src/test/resources/notices");
    }

    /** Every notice in a directory that has an expected.json beside it. */
    static List<Path> withAnswers(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt"))
                    .filter(p -> Files.exists(expectedFor(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path expectedFor(Path notice) {
        String name = notice.getFileName().toString();
        return notice.resolveSibling(name.substring(0, name.length() - ".txt".length()) + ".expected.json");
    }
}
