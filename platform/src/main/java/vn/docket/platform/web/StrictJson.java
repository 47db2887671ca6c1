package vn.docket.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.docket.platform.refusal.RuleBroken;

/**
 * What Docket accepts in a request body: text fields of at most {@value #MAX_TEXT} characters with no
 * control characters (a line break or tab is fine), nesting at most {@value #MAX_DEPTH} deep, numbers
 * where numbers belong. Only HTTP input is this strict; stored events are read with Axon's own mapper.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson implements WebMvcConfigurer {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_DEPTH = 32;

    private final ObjectMapper requests;

    StrictJson(ObjectMapper springMapper, DateWindow dates) {
        this.requests = strict(springMapper, dates);
    }

    /**
     * The mapper request bodies are read with, for a handler that reads a multipart form's fields as JSON: injected
     * only where asked for by name ({@code @Qualifier("requestJson")}), never where Spring's own mapper is wanted.
     */
    @Bean(defaultCandidate = false)
    ObjectMapper requestJson() {
        return requests;
    }

    /**
     * Only Spring MVC reads and writes with the strict mapper. A converter bean would also be taken by every
     * RestTemplate Spring builds (the tests' client among them), which would then refuse an answer carrying a
     * long notification or a field it does not know.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter instanceof MappingJackson2HttpMessageConverter
                ? new MappingJackson2HttpMessageConverter(requests) : converter);
    }

    private static ObjectMapper strict(ObjectMapper springMapper, DateWindow dates) {
        ObjectMapper mapper = springMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // {"title": "x"} followed by garbage or a second object is not one request.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // {"deadlne": "2021-04-30"} is a deadline mistyped, not an assignment without one kept for good.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .registerModule(new SimpleModule("docket-strict-input")
                        .addDeserializer(String.class, new CheckedText())
                        .addDeserializer(LocalDate.class, new IsoDate(dates)));
        // A number or true where text belongs is a client's mistake, not a title "123".
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // [] or "" where a date, a kind or an object belongs is a mistake, not "none".
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[] {LogicalType.DateTime, LogicalType.Enum, LogicalType.POJO}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // [null] is no list of units, reasons or contributions: refused, rather than dropped or left to fail later.
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        // Dates are "2021-04-25", never a count of days since 1970.
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(1_000_000).build());
        // {"title": "A", "title": "B"} is not one request either: Jackson would keep B, another reader A.
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    /**
     * A date is the text "2021-04-25" and nothing else: Jackson's own reader also takes [2021, 4, 25] and
     * reads [] as no date at all, which would turn a client's mistake into a missing deadline.
     */
    static final class IsoDate extends StdDeserializer<LocalDate> {

        private final DateWindow window;

        IsoDate(DateWindow window) {
            super(LocalDate.class);
            this.window = window;
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText().strip();
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date written yyyy-MM-dd");
            }
            // Answered as the rule it breaks (Problems finds it inside Jackson's wrapping), not as bad JSON.
            return window.check(p.currentName() == null ? "The date" : p.currentName(), date);
        }
    }

    /**
     * Rejects text a person could not have typed into a form: control characters, or half of a surrogate pair
     * (JSON's {@code "\\ud800"}), which no UTF-8 encoder can store and read back. Text over {@value #MAX_TEXT}
     * characters breaks the rule too-long.
     */
    static final class CheckedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            if (value.length() > MAX_TEXT) {
                // A note pasted from a long document is a person's mistake, not a malformed request: the page says
                // the text is too long (Problems finds the rule inside Jackson's wrapping).
                throw new RuleBroken("too-long", (p.currentName() == null ? "A text" : "The " + p.currentName())
                        + " has at most " + MAX_TEXT + " characters.");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                    return (String) ctxt.handleWeirdStringValue(String.class, "", "control character in text");
                }
                if (Character.isSurrogate(c)) {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1));
                    if (!paired) {
                        return (String) ctxt.handleWeirdStringValue(String.class, "", "half of a surrogate pair in text");
                    }
                    i++;
                }
            }
            return value;
        }
    }
}
