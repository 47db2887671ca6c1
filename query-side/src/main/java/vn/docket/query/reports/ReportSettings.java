package vn.docket.query.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the printed report says about who issues it.
 *
 * @param issuingBody the body the report is issued under, top left of the sheet
 * @param issuer      the office that prepares it, under the issuing body
 * @param place       the place written before the date ("Hà Nội, ngày ...")
 */
@ConfigurationProperties(prefix = "docket.reports")
public record ReportSettings(String issuingBody, String issuer, String place) {

    public ReportSettings {
        issuingBody = issuingBody == null || issuingBody.isBlank() ? "ỦY BAN NHÂN DÂN THÀNH PHỐ" : issuingBody;
        issuer = issuer == null || issuer.isBlank() ? "VĂN PHÒNG HĐND VÀ UBND THÀNH PHỐ" : issuer;
        place = place == null || place.isBlank() ? "Thành phố" : place;
    }
}
