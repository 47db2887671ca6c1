package vn.docket.command.notice.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.docket.calendar.WorkingDayCalendar;
import vn.docket.command.notice.reading.NoticeLayout.RawItem;
import vn.docket.events.NoticeParticulars;

/**
 * Reads a meeting-conclusion notice ("Thông báo kết luận"), or a letter or summary that assigns
 * tasks, into structured data for a clerk to check. Plain Java, no Spring: usable from the web layer and from {@link NoticeReaderCli}.
 * Thread-safe once built.
 */
public final class NoticeReader {

    private final UnitDirectory directory;
    private final WorkingDays workingDays;

    public NoticeReader(UnitDirectory directory, WorkingDays workingDays) {
        this.directory = directory;
        this.workingDays = workingDays;
    }

    /**
     * Counting working days on the Vietnamese calendar the server uses (public holidays, Tết, swapped days), so
     * that the command line's preview and the server's give the same deadline.
     */
    public NoticeReader(UnitDirectory directory) {
        this(directory, WorkingDayCalendar.bundled()::isWorkingDay);
    }

    /** With the bundled unit directory and the Vietnamese working-day calendar. */
    public NoticeReader() {
        this(UnitDirectory.bundled());
    }

    public UnitDirectory directory() {
        return directory;
    }

    /**
     * @param content           the uploaded file's bytes (.txt in any Unicode form or Windows-1258, .docx, .pdf)
     * @param nameOrContentType the file name or MIME type; only a hint, the bytes decide
     * @throws NoticeReadingException when the file has no readable text (message for the clerk); a
     *                                readable text always gives a reading, with warnings for what was not found
     */
    public NoticeReading read(byte[] content, String nameOrContentType) {
        return readText(TextExtractor.extract(content, nameOrContentType));
    }

    /** Reads text that is already extracted (it is normalised here all the same). */
    public NoticeReading readText(String text) {
        String normalised = TextNormaliser.normalise(text, false);
        List<String> lines = Arrays.asList(normalised.split("\n"));
        ItemSplitter splitter = new ItemSplitter(directory);
        NoticeLayout split = splitter.split(lines);
        Warnings warnings = new Warnings();
        List<RawItem> tasks = new ArrayList<>();
        for (RawItem raw : split.items()) {
            if (splitter.isTask(raw)) {
                // One numbered item may hand parts of its work to other actors: one item per actor.
                for (List<String> part : raw.numbered() ? splitter.byActor(raw) : List.of(raw.paragraphs())) {
                    tasks.add(new RawItem(tasks.size() + 1, part, raw.numbered()));
                }
            } else {
                String words = raw.paragraphs().get(0);
                String shown = words.length() > 80 ? words.substring(0, 80) + "…" : words;
                warnings.add("items", Doubt.of("paragraph-not-task", "Đoạn không giao việc (đồng ý, đánh giá, nhắc nhở), không lập"
                        + " mục: \"" + shown + "\"", "text", shown));
            }
        }
        NoticeLayout layout = new NoticeLayout(split.head(), tasks, split.tail());
        if (layout.items().isEmpty()) {
            // A readable document is never refused: the clerk gets its particulars and adds the items.
            warnings.add("items", Doubt.of("no-items", "Không tìm thấy việc nào được giao cho đơn vị hay người cụ thể; hãy đọc văn"
                    + " bản và thêm các mục bằng tay"));
        }
        NoticeParticulars facts = new HeaderReader(directory).read(layout, warnings);
        // A date without a year ("trước ngày 3-12") takes the year of the document, else of any full date in it (a page's date).
        LocalDate yearReference = facts.issuedOn() != null ? facts.issuedOn()
                : facts.meetingOn() != null ? facts.meetingOn() : VietnameseDates.first(normalised).orElse(null);
        ItemReader.Context context = new ItemReader.Context(facts.issuedOn(), facts.meetingOn(), yearReference,
                HeaderReader.levelOf(facts.issuer()), ItemReader.leadIn(layout.head(), directory));
        ItemReader itemReader = new ItemReader(directory, new DeadlineReader(workingDays));
        List<NoticeItem> items = new ArrayList<>();
        for (RawItem raw : layout.items()) {
            items.add(itemReader.read(raw, context, items.isEmpty() ? List.of() : items.get(items.size() - 1).leads(), warnings));
        }
        return new NoticeReading(facts, items, warnings.all());
    }
}
