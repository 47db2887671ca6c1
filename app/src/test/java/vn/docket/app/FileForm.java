package vn.docket.app;

import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A file with its form fields, sent as the web app sends it: multipart/form-data, the file's name on its part. */
final class FileForm {

    private FileForm() {
    }

    static HttpEntity<MultiValueMap<String, Object>> of(byte[] content, String filename, Map<String, String> fields) {
        return of(content, filename, fields, null);
    }

    /** @param idempotencyKey sent as {@code Idempotency-Key} when not null */
    static HttpEntity<MultiValueMap<String, Object>> of(byte[] content, String filename, Map<String, String> fields,
                                                       String idempotencyKey) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        fields.forEach(form::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return new HttpEntity<>(form, headers);
    }
}
