package vn.docket.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Turns a Jackson failure into words that name the field, without leaking Java class names. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (cause instanceof UnrecognizedPropertyException) {
                return "field '" + field + "' is not one this request takes (mistyped?)";
            }
            return "field '" + field + "' has a value of the wrong type or format";
        }
        // Jackson says "Duplicate field 'title'" (StrictJson refuses a name given twice): the field, not a column.
        if (cause instanceof JsonProcessingException duplicate && duplicate.getOriginalMessage() != null
                && duplicate.getOriginalMessage().startsWith("Duplicate field '")) {
            return "field " + duplicate.getOriginalMessage().substring("Duplicate field ".length()) + " is given twice";
        }
        if (cause instanceof JsonProcessingException processing && processing.getLocation() != null) {
            return "syntax error at line " + processing.getLocation().getLineNr()
                    + ", column " + processing.getLocation().getColumnNr();
        }
        return cause == null ? "the body is missing" : "the body cannot be read";
    }
}
