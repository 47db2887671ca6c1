package vn.docket.events;

/**
 * A document file Docket stores (its name and SHA-256 sit beside it in the event). {@code pageCount} is null
 * where a format has no pages Docket can count (.docx, .odt, .txt); {@code textLayer} is false for a scanned
 * PDF, which is stored but has no text to read or compare.
 */
public record DocumentFile(String mediaType, long size, Integer pageCount, int wordCount, boolean textLayer) {
}
