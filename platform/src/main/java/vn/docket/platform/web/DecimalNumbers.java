package vn.docket.platform.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A number in a query parameter ({@code page}, {@code size}) is decimal digits. Spring's own reader takes
 * {@code 0x10} as 16 and {@code 010} as 8: a page the client did not ask for, silently. An editor, not a
 * converter, because Spring falls back to its lenient editor when a converter refuses.
 */
@ControllerAdvice
class DecimalNumbers {

    @InitBinder
    void decimalIntegers(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : Integer.valueOf(text.strip(), 10));
            }
        });
    }
}
