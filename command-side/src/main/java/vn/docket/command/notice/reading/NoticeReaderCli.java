package vn.docket.command.notice.reading;

import java.io.IOException;
import java.io.PrintStream;
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
        System.exit(run(args, System.out, System.err));
    }

    /** The exit code: 0 read, 2 the file could not be read, 64 no file named. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length < 1) {
            err.println("usage: NoticeReaderCli <notice.txt|.docx|.pdf> [units.json]");
            return 64;
        }
        for (String arg : args) {
            if (arg.startsWith("--")) {
                // Read as a units file, a setting such as --docket.units.file=... was "does not exist", which it does.
                err.println("preview: " + arg + " is not an option of preview, which takes FILE [UNITS.json] and no"
                        + " options; nothing was read.");
                return 64;
            }
        }
        if (args.length > 2) {
            err.println("preview: '" + args[2] + "' is one word too many; preview takes FILE [UNITS.json].");
            return 64;
        }
        Path file = Path.of(args[0]);
        // A missing file or a folder named by mistake was a Java stack trace on the terminal: one line instead.
        for (String name : args.length > 1 ? new String[] {args[0], args[1]} : new String[] {args[0]}) {
            Path named = Path.of(name);
            if (Files.isDirectory(named)) {
                err.println(named.toAbsolutePath() + " is a folder, not a file: name the file itself.");
                return 2;
            }
            if (!Files.isReadable(named)) {
                err.println(named.toAbsolutePath() + (Files.exists(named) ? " cannot be read (its permissions):"
                        + " give read access, or copy it somewhere readable." : " does not exist: check the name and the folder."));
                return 2;
            }
        }
        UnitDirectory directory = args.length > 1 ? UnitDirectory.load(Path.of(args[1])) : UnitDirectory.bundled();
        NoticeReader reader = new NoticeReader(directory);
        try {
            NoticeReading reading = reader.read(Files.readAllBytes(file), file.getFileName().toString());
            out.println(NoticeJson.mapper().writeValueAsString(reading));
            return 0;
        } catch (NoticeReadingException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
