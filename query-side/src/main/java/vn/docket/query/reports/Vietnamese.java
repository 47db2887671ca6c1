package vn.docket.query.reports;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;

/** How the report writes things for Vietnamese readers. */
final class Vietnamese {

    /** Unit names in Vietnamese alphabetical order (Đ after D, tone marks secondary). */
    static final Comparator<String> ORDER = new Comparator<>() {
        private final Collator collator = Collator.getInstance(Locale.forLanguageTag("vi-VN"));

        @Override
        public int compare(String a, String b) {
            synchronized (collator) {
                return collator.compare(a, b);
            }
        }
    };

    private Vietnamese() {
    }

    /** 01/04/2021: the form used in the header of an official report. */
    static String date(LocalDate d) {
        return String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /**
     * "ngày 10 tháng 5 năm 2021", as written after the place above a signature. Nghị định 30/2020/NĐ-CP (the rules of
     * an official document's form) writes a day below 10 and the months 1 and 2 with a leading 0: "ngày 05 tháng 02
     * năm 2021", so that nobody can add a digit to them afterwards.
     */
    static String longDate(LocalDate d) {
        int day = d.getDayOfMonth();
        int month = d.getMonthValue();
        return "ngày " + (day < 10 ? "0" + day : day) + " tháng " + (month <= 2 ? "0" + month : month) + " năm "
                + d.getYear();
    }
}
