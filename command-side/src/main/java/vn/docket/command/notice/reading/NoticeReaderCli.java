package vn.docket.command.notice.reading;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command line: {@code java ... NoticeReaderCli notice.docx [units.json]} prints the reading as
 * JSON, or the clerk's message and exit code 2 when the file cannot be read.
 */
public final class NoticeReaderCli {

    private NoticeReaderCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: NoticeReaderCli <notice.txt|.docx|.pdf> [units.json]");
            System.exit(64);
        }
        UnitDirectory directory = args.length > 1 ? UnitDirectory.load(Path.of(args[1])) : UnitDirectory.bundled();
        NoticeReader reader = new NoticeReader(directory);
        Path file = Path.of(args[0]);
        try {
            NoticeReading reading = reader.read(Files.readAllBytes(file), file.getFileName().toString());
            System.out.println(NoticeJson.mapper().writeValueAsString(reading));
        } catch (NoticeReadingException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
