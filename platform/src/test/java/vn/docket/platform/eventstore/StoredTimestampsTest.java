package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class StoredTimestampsTest {

    @Test
    void every_timestamp_the_engine_writes_reads_back_as_the_same_instant() {
        Random random = new Random(20261122);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-2_000_000_000L, 8_000_000_000L); // 1906 to 2223
            // Whole seconds, milliseconds, microseconds and nanoseconds: Instant.toString() writes each differently.
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant written = Instant.ofEpochSecond(seconds, nanos);
            assertThat(StoredTimestamps.parse(written.toString())).as(written.toString()).isEqualTo(written);
        }
        assertThat(StoredTimestamps.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
    }

    @Test
    void timestamps_in_another_form_are_read_as_axon_reads_them() {
        for (String other : new String[] {"2021-04-13T08:30:00+07:00", "+10000-01-01T00:00:00Z", "2021-04-13T08:30Z"}) {
            assertThat(StoredTimestamps.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
    }

    @Test
    void a_date_that_does_not_exist_is_refused_as_axon_refuses_it() {
        assertThatThrownBy(() -> StoredTimestamps.parse("2021-02-30T08:30:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse("2021-04-13T24:00:00Z")).isInstanceOf(DateTimeParseException.class);
    }
}
