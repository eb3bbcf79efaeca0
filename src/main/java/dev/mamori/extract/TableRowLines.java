package dev.mamori.extract;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Keeps each table row on one line of the extracted text. Tika ends every paragraph with a line
 * break, and OpenDocument (and Word) put each cell's text in a paragraph: a spreadsheet's row came
 * out one cell per line, so no column had a header and a roster lost its rows. Inside a cell a
 * line break becomes a space; the tab Tika writes before each cell and the break after each row
 * stay, so a row reads {@code \tcell\tcell\n}, as Excel sheets already do.
 */
final class TableRowLines extends ContentHandlerDecorator {

    private int cellDepth;
    /** Text was written in this cell: a break after it separates paragraphs. */
    private boolean written;
    /** A break was met after text: one space goes before the cell's next text (never at its end). */
    private boolean pendingSpace;

    TableRowLines(ContentHandler handler) {
        super(handler);
    }

    @Override
    public void startElement(String uri, String localName, String name, org.xml.sax.Attributes atts) throws SAXException {
        if (isCell(localName)) {
            cellDepth++;
            written = false;
            pendingSpace = false;
        }
        super.startElement(uri, localName, name, atts);
    }

    @Override
    public void endElement(String uri, String localName, String name) throws SAXException {
        if (isCell(localName) && cellDepth > 0) {
            cellDepth--;
            pendingSpace = false;
        }
        super.endElement(uri, localName, name);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (cellDepth > 0) {
            joined(ch, start, length, false);
        } else {
            super.characters(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (cellDepth > 0) {
            joined(ch, start, length, true);
        } else {
            super.ignorableWhitespace(ch, start, length);
        }
    }

    /** Writes text inside a cell with each run of line breaks between its texts as one space. */
    private void joined(char[] ch, int start, int length, boolean ignorable) throws SAXException {
        int from = start;
        int end = start + length;
        for (int i = start; i < end; i++) {
            if (ch[i] == '\n' || ch[i] == '\r') {
                write(ch, from, i - from, ignorable);
                pendingSpace |= written;
                from = i + 1;
            }
        }
        write(ch, from, end - from, ignorable);
    }

    private void write(char[] ch, int start, int length, boolean ignorable) throws SAXException {
        if (length == 0) {
            return;
        }
        if (pendingSpace) {
            pendingSpace = false;
            super.characters(new char[] {' '}, 0, 1);
        }
        written = true;
        if (ignorable) {
            super.ignorableWhitespace(ch, start, length);
        } else {
            super.characters(ch, start, length);
        }
    }

    private static boolean isCell(String localName) {
        return "td".equals(localName) || "th".equals(localName);
    }
}
