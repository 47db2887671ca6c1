package vn.docket.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A controller's answer as the HTTP body carries it: Spring Boot's mapper (dates as ISO text, not numbers), so that a
 * test can pin the whole body a client reads.
 */
public final class ApiJson {

    public static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private ApiJson() {
    }

    /**
     * The body is the expected one field for field: the same names, values and nulls, arrays in the same order (the
     * order of an object's fields is not compared: no client reads JSON by position).
     */
    public static void assertBody(Object answer, String expected) {
        try {
            // Read back from the text, so that numbers compare as a client reads them (a long 1 is the int 1).
            JsonNode actual = MAPPER.readTree(MAPPER.writeValueAsString(answer));
            assertThat(actual).as(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual))
                    .isEqualTo(MAPPER.readTree(expected));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
