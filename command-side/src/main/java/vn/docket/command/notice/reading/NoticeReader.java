package vn.docket.command.notice.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vn.docket.command.notice.reading.NoticeLayout.RawItem;
import vn.docket.command.notice.reading.NoticeReadingException.Problem;

/**
 * Reads a meeting-conclusion notice ("Thông báo kết luận") into structured data for a clerk to
 * check. Plain Java, no Spring: usable from the web layer and from {@link NoticeReaderCli}.
 * Thread-safe once built.
 */
public final class NoticeReader {

    private final UnitDirectory directory;
    private final WorkingDays workingDays;

    public NoticeReader(UnitDirectory directory, WorkingDays workingDays) {
        this.directory = directory;
        this.workingDays = workingDays;
    }

    /** With the bundled unit directory and a weekends-only working-day calendar. */
    public NoticeReader() {
        this(UnitDirectory.bundled(), WorkingDays.weekendsOff());
    }

    public UnitDirectory directory() {
        return directory;
    }

    /**
     * @param content           the uploaded file's bytes (.txt in any Unicode form or Windows-1258, .docx, .pdf)
     * @param nameOrContentType the file name or MIME type; only a hint, the bytes decide
     * @throws NoticeReadingException when the file is not a readable notice (message for the clerk)
     */
    public NoticeReading read(byte[] content, String nameOrContentType) {
        return readText(TextExtractor.extract(content, nameOrContentType));
    }

    /** Reads text that is already extracted (it is normalised here all the same). */
    public NoticeReading readText(String text) {
        String normalised = TextNormaliser.normalise(text, false);
        List<String> lines = Arrays.asList(normalised.split("\n"));
        NoticeLayout layout = new ItemSplitter(directory).split(lines);
        if (layout.items().isEmpty()) {
            throw new NoticeReadingException(Problem.NO_ITEMS,
                    "Không tìm thấy nội dung kết luận nào (mục đánh số hoặc việc giao cho đơn vị): tệp có phải thông báo kết luận không?");
        }
        Warnings warnings = new Warnings();
        NoticeFacts facts = new HeaderReader(directory).read(layout, warnings);
        LocalDate yearReference = facts.issuedOn() != null ? facts.issuedOn() : facts.meetingOn();
        ItemReader.Context context = new ItemReader.Context(facts.issuedOn(), facts.meetingOn(), yearReference,
                HeaderReader.levelOf(facts.issuer()));
        ItemReader itemReader = new ItemReader(directory, new DeadlineReader(workingDays));
        List<NoticeItem> items = new ArrayList<>();
        for (RawItem raw : layout.items()) {
            items.add(itemReader.read(raw, context, warnings));
        }
        return new NoticeReading(facts, items, warnings.all());
    }
}
