package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docket.jar preview}: what a clerk reads on the command line is what the server's preview reads. */
class NoticeReaderCliTest {

    @Test
    void the_command_line_counts_working_days_on_the_vietnamese_calendar_as_the_server_does(@TempDir Path dir)
            throws Exception {
        // Signed on Tuesday 10/02/2026: five working days are 11, 12 and 13 February, then Tết (14-22 February),
        // then 23 and 24 February. Skipping weekends only would give 17 February, in the middle of Tết.
        Path letter = dir.resolve("cong-van.txt");
        Files.writeString(letter, """
                UBND THÀNH PHỐ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 215/UBND-VP
                Hòa Bình, ngày 10 tháng 02 năm 2026
                Kính gửi: Sở Y tế.
                Giao Sở Y tế kiểm tra an toàn thực phẩm tại các chợ đầu mối, báo cáo UBND thành phố trong thời hạn 05 ngày làm việc kể từ ngày ký.
                Nơi nhận:
                - Như trên;
                """, StandardCharsets.UTF_8);

        JsonNode item = NoticeJson.mapper().readTree(preview(letter)).path("items").path(0);

        assertThat(item.path("lead").asText()).isEqualTo("Sở Y tế");
        assertThat(item.path("deadline").asText()).isEqualTo("2026-02-24");
    }

    private static String preview(Path file) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = NoticeReaderCli.run(new String[] {file.toString()}, new PrintStream(printed, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(exit).isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_missing_file_or_a_folder_is_refused_in_one_line_with_exit_code_2(@TempDir Path dir) throws Exception {
        for (Path wrong : new Path[] {dir.resolve("thong-bao.docx"), dir}) {
            ByteArrayOutputStream said = new ByteArrayOutputStream();

            int exit = NoticeReaderCli.run(new String[] {wrong.toString()}, System.out,
                    new PrintStream(said, true, StandardCharsets.UTF_8));

            assertThat(exit).isEqualTo(2);
            assertThat(said.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                    .startsWith(wrong.toAbsolutePath().toString())
                    .containsAnyOf(" does not exist: check the name and the folder.", " is a folder, not a file");
        }
    }
}
