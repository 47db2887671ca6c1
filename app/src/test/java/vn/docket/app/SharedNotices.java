package vn.docket.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real notices in ../shared/notices, which tests read but never change. */
final class SharedNotices {

    private SharedNotices() {
    }

    static Path dir() {
        String configured = System.getProperty("docket.shared-dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(shared)) {
            shared = Path.of("..", "shared");
        }
        return shared.resolve("notices");
    }

    static String text(String name) {
        try {
            return Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The real notices are expected in " + dir().toAbsolutePath(), e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException("The real notices are expected in " + dir().toAbsolutePath(), e);
        }
    }
}
