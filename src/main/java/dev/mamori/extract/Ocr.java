package dev.mamori.extract;

import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;

/**
 * Where OCR plugs in. Without it ({@link #NONE}) pages that hold no text (scans, faxes) are counted
 * and make their document {@link Uninspectable#IMAGE_ONLY_PAGES}; with it, the OCR'd text is read
 * and such pages are inspected. An implementation configures Tika for its engine (for Tesseract:
 * the PDF OCR strategy and a {@code TesseractOCRConfig}). Implementations are thread-safe.
 */
public interface Ocr {

    /** No OCR: image-only pages are reported, never guessed at. */
    Ocr NONE = new Ocr() {
        @Override
        public boolean reads() {
            return false;
        }

        @Override
        public void configure(ParseContext context) {
            PDFParserConfig pdf = new PDFParserConfig();
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR); // AUTO looks for an OCR parser that is not there
            context.set(PDFParserConfig.class, pdf);
        }
    };

    /** True when pages without a text layer are read by OCR. */
    boolean reads();

    /** Sets up the context of one parse. */
    void configure(ParseContext context);
}
