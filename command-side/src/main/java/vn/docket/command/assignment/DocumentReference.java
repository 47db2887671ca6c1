package vn.docket.command.assignment;

import vn.docket.platform.Sha256;
import vn.docket.platform.Text;
import vn.docket.platform.refusal.RuleBroken;

/** What a draft is: its name and its SHA-256 (lower case) or a link to it, or both. */
record DocumentReference(String name, String sha256, String url) {

    static DocumentReference of(String name, String sha256, String url) {
        String cleanName = Text.clean(name);
        if (cleanName == null) {
            throw new RuleBroken("document-name-required", "A draft needs the document's name.");
        }
        String sha = Text.clean(sha256);
        String link = Text.clean(url);
        if (sha == null && link == null) {
            throw new RuleBroken("document-reference-required", "A draft needs the document's SHA-256 or a link to it.");
        }
        if (sha != null && !Sha256.isHex(sha)) {
            throw new RuleBroken("document-sha256-format", "documentSha256 must be 64 hexadecimal characters.");
        }
        if (link != null && !link.matches("(?i)https?://\\S+")) {
            throw new RuleBroken("document-url-format", "documentUrl must be an http or https link.");
        }
        return new DocumentReference(cleanName, sha == null ? null : sha.toLowerCase(), link);
    }
}
