package vn.docket.command.notice.reading;

import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the pre-Unicode Vietnamese encodings still found in office files. TCVN3 (ABC) and
 * VNI put their letters on Latin-1 code points, so such text shows up either as bytes that are
 * not UTF-8 or, after a careless copy, as UTF-8 full of "Th«ng b¸o" / "Thoâng baùo". Windows-1258
 * is converted (Java ships the charset); TCVN3 and VNI are refused with a message naming them,
 * because their upper case lives in separate fonts and a conversion could silently corrupt names.
 */
final class LegacyEncodings {

    enum Guess { UNICODE, WINDOWS_1258, TCVN3, VNI, UNKNOWN }

    /**
     * TCVN3 puts its most frequent letters (à á ả ã ạ ă â ê ô ơ ư đ) on Latin-1 symbols that VNI
     * never uses and Vietnamese prose never contains.
     */
    private static final String TCVN3_MARKS = "¸µ¶·¹«¬®ª©¨¾»¼½";
    /** VNI writes tone marks, đ and ư as these Latin-1 letters, none of them Vietnamese. */
    private static final String VNI_MARKS = "øûïñöäëØÛÏÑÖÄË";
    private static final Pattern VIETNAMESE_LETTER = Pattern.compile("[\u1EA0-\u1EF9ơưđăƠƯĐĂ]");
    private static final Pattern COMMON_WORDS = Pattern.compile(
            "(?iuU)\\b(của|và|các|được|thành phố|thực hiện|năm|ngày|tháng|với|cho|theo|trong|đã|có|là)\\b");

    private LegacyEncodings() {
    }

    /** Guess for text that decoded cleanly as UTF-8 (or UTF-16). */
    static Guess guessDecoded(String text) {
        int vietnamese = count(VIETNAMESE_LETTER, text);
        int threshold = Math.max(3, vietnamese / 4);
        if (countChars(text, TCVN3_MARKS) > threshold) {
            return Guess.TCVN3;
        }
        if (countChars(text, VNI_MARKS) > threshold) {
            return Guess.VNI;
        }
        return Guess.UNICODE;
    }

    /** Guess for bytes that are not UTF-8. */
    static Guess guessBytes(byte[] bytes) {
        String latin1 = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (Charset.isSupported("windows-1258")) {
            String cp1258 = Normalizer.normalize(new String(bytes, Charset.forName("windows-1258")), Normalizer.Form.NFC);
            int words = count(COMMON_WORDS, cp1258);
            int leftovers = count(Pattern.compile("\\p{Mn}"), cp1258);
            if (words >= 3 && leftovers == 0 && count(VIETNAMESE_LETTER, cp1258) > 0) {
                return Guess.WINDOWS_1258;
            }
        }
        Guess asText = guessDecoded(latin1);
        return asText == Guess.UNICODE ? Guess.UNKNOWN : asText;
    }

    static String decodeWindows1258(byte[] bytes) {
        return Normalizer.normalize(new String(bytes, Charset.forName("windows-1258")), Normalizer.Form.NFC);
    }

    static String describe(Guess guess) {
        return switch (guess) {
            case TCVN3 -> "TCVN3 (ABC, phông .VnTime)";
            case VNI -> "VNI (phông VNI-Times)";
            case WINDOWS_1258 -> "Windows-1258";
            default -> "không rõ";
        };
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int countChars(String text, String set) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (set.indexOf(text.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }
}
