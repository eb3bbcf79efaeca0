/**
 * Extraction: from a file to the text of each document in it, with Apache Tika.
 *
 * <p>Archives and mail attachments are opened recursively and every member is reported as its own
 * {@link dev.mamori.extract.ExtractedDocument} ({@code outer.zip!/dir/inner.docx}). Tika's exceptions,
 * worker deaths and limits are mapped here, once, to an {@link dev.mamori.extract.ExtractionStatus}
 * and, for anything not fully read, a typed cause ({@link dev.mamori.extract.Uninspectable}) with a
 * reason; nothing else in Mamori sees them. OCR plugs in through {@link dev.mamori.extract.Ocr};
 * member and file names that are not UTF-8 are made readable here ({@code MemberNames},
 * {@link dev.mamori.extract.PathNames}). Every limit (bytes, characters, depth, members, time, memory) is an
 * {@link dev.mamori.extract.ExtractionLimits} setting. Hostile files are parsed in supervised
 * worker processes ({@link dev.mamori.extract.ForkedExtractor}) that may be killed without harm.
 */
package dev.mamori.extract;
