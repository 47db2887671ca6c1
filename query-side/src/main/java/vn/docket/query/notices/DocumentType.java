package vn.docket.query.notices;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of document a registered notice is, read from its number's symbol as Vietnamese offices write it: a
 * conclusion notice is "311/TB-UBND", a letter (công văn) has no type in its symbol ("9387/UBND-KT", "184/UBND"), and
 * a Party body writes the type before the slash ("45-KL/TU"). Docket registers letters and decisions that assign tasks
 * as well as conclusion notices; calling them all "Thông báo" misnames most of the real documents a clerk brings in.
 * The abbreviations are those of Nghị định 30/2020/NĐ-CP (Phụ lục III) and of the Party's rules for its documents,
 * also without the letter Đ, as they are often typed (but "DA" is a project, Dự án).
 */
public enum DocumentType {
    NOTICE("TB"),
    CONCLUSION("KL"),
    LETTER("CV"),
    TELEGRAM("CĐ", "CD"),
    DECISION("QĐ", "QD"),
    DIRECTIVE("CT"),
    RESOLUTION("NQ"),
    PLAN("KH"),
    REPORT("BC"),
    GUIDANCE("HD"),
    PROGRAMME("CTR"),
    SCHEME("ĐA"),
    DECREE("NĐ", "ND"),
    CIRCULAR("TT"),
    MINUTES("BB");

    /**
     * The other types of Phụ lục III (proposals, submissions, contracts, invitations, slips, ...) and the Party's
     * rules and regulations: no letter, and no type Docket names, so such a number names none.
     */
    private static final Set<String> OTHER_TYPES = Set.of("QC", "QYĐ", "QYD", "QĐI", "QDI", "TC", "PA", "DA", "TTR",
            "HĐ", "GN", "TTH", "UQ", "GM", "GT", "NP", "PG", "PC", "PB");

    /** "45-KL/TU": the number, a hyphen, the type, a slash, the issuing body. */
    private static final Pattern PARTY = Pattern.compile("^\\d+[\\p{L}]?-([\\p{L}]+)/.+");
    /** "311/TB-UBND", "15/2020/NĐ-CP", "184/UBND": the number, a slash (and a year), then the symbol's first part. */
    private static final Pattern STATE = Pattern.compile("^\\d+[\\p{L}]?/(?:\\d{4}/)?([\\p{L}.]+)(?:-.*)?$");
    private static final Map<String, DocumentType> BY_CODE;

    static {
        Map<String, DocumentType> codes = new java.util.HashMap<>();
        for (DocumentType type : values()) {
            for (String code : type.codes) {
                codes.put(code, type);
            }
        }
        BY_CODE = Map.copyOf(codes);
    }

    private final String[] codes;

    DocumentType(String... codes) {
        this.codes = codes;
    }

    /**
     * The type a number names; null for no number, one whose shape says nothing (no symbol at all), or a type Docket
     * does not name. A state symbol whose first part is no type is a letter: that part is its issuing body.
     */
    public static DocumentType of(String number) {
        if (number == null) {
            return null;
        }
        String symbol = Normalizer.normalize(number, Normalizer.Form.NFC).replaceAll("\\s+", "");
        Matcher party = PARTY.matcher(symbol);
        if (party.matches()) {
            return BY_CODE.get(party.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher state = STATE.matcher(symbol);
        if (state.matches()) {
            String code = state.group(1).toUpperCase(Locale.ROOT);
            return OTHER_TYPES.contains(code) ? null : BY_CODE.getOrDefault(code, LETTER);
        }
        return null;
    }
}
