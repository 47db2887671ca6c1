package vn.docket.command.draftfiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What reading a part's headers costs: a form of 5,000 small file parts (headers of some 200 bytes each, within the
 * library's 512) read through {@link MultipartParts}, 10 rounds to warm up and 21 measured; prints the median and
 * quartiles in microseconds a part. Run: {@code bench/java.sh command-side
 * vn.docket.command.draftfiles.MultipartHeadersBenchmark}. Not a test: it asserts nothing.
 */
public final class MultipartHeadersBenchmark {

    public static void main(String[] args) throws IOException {
        int parts = 5_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] content = new byte[100];
        Arrays.fill(content, (byte) 'x');
        for (int i = 0; i < parts; i++) {
            out.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Dự thảo Kế hoạch lần "
                    + i + " - bảng tổng hợp giải trình.docx\"\r\nContent-Type: application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] body = out.toByteArray();
        double[] micros = new double[21];
        long checksum = 0;
        for (int round = -10; round < micros.length; round++) {
            long start = System.nanoTime();
            checksum += read(body);
            if (round >= 0) {
                micros[round] = (System.nanoTime() - start) / 1e3 / parts;
            }
        }
        Arrays.sort(micros);
        System.out.printf("µs a part, median %.2f (lowest %.2f, quartiles %.2f %.2f, highest %.2f); checksum %d%n",
                micros[10], micros[0], micros[5], micros[15], micros[20], checksum);
    }

    private static long read(byte[] body) throws IOException {
        MultipartParts form = new MultipartParts(new ByteArrayInputStream(body), "multipart/form-data; boundary=b0undary",
                body.length, 1L << 30, 1L << 30);
        byte[] buffer = new byte[8192];
        long sum = 0;
        for (MultipartParts.Part part = form.next(); part != null; part = form.next()) {
            sum += part.fileName().length();
            for (int n = form.read(buffer, 0, buffer.length); n != -1; n = form.read(buffer, 0, buffer.length)) {
                sum += n;
            }
        }
        return sum;
    }
}
