package vn.docket.command.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.docket.command.notice.reading.NoticeItem;
import vn.docket.command.notice.reading.NoticeReader;
import vn.docket.command.notice.reading.NoticeReading;
import vn.docket.events.DeliverableKind;
import vn.docket.events.MeetingVerdict;

/** A preview confirmed unchanged registers what the reader read, nothing lost on the way. */
class NoticeReadOutTest {

    @Test
    void a_reading_confirmed_as_read_keeps_every_particular_of_the_notice_and_its_items() throws IOException {
        // Notice 311/TB-UBND: item 1 has requirements, four units owing the lead their parts, and dated deadlines.
        NoticeReading reading = new NoticeReader().read(Files.readAllBytes(Path.of(System.getProperty("docket.shared-dir",
                "../../shared"), "notices", "000_3625d3d5715c8dde.txt")), "000_3625d3d5715c8dde.txt");

        NoticeReadOut read = NoticeReadOut.asRead(reading, "ab".repeat(32));

        assertThat(read.notice()).isEqualTo(reading.notice());
        assertThat(read.sourceSha256()).isEqualTo("ab".repeat(32));
        NoticeItem readItem = reading.items().get(0);
        assertThat(readItem.contributions()).as("the text has a contribution to carry over").isNotEmpty();
        NoticeReadOut.Item item = read.items().get(0);
        assertThat(item.ordinal()).isEqualTo(1);
        assertThat(item.kind()).isEqualTo(DeliverableKind.PLAN);
        assertThat(item.verdict()).isEqualTo(MeetingVerdict.REVISION_REQUIRED);
        assertThat(Arrays.asList(item.title(), item.presentedBy(), item.requirements(), item.lead(), item.leads(),
                item.coordinators(), item.deadline(), item.deadlineText(), item.submitTo()))
                .isEqualTo(Arrays.asList(readItem.title(), readItem.presentedBy(), readItem.requirements(), readItem.lead(),
                        readItem.leads(), readItem.coordinators(), readItem.deadline(),
                        readItem.deadlineText(), readItem.submitTo()));
        assertThat(item.contributions()).extracting(c -> Arrays.asList(c.units(), c.deliverTo(), c.deadline(), c.deadlineText()))
                .isEqualTo(readItem.contributions().stream()
                        .map(c -> Arrays.asList(c.units(), c.deliverTo(), c.deadline(), c.deadlineText())).toList());
    }
}
