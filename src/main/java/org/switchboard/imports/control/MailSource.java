package org.switchboard.imports.control;

/**
 * Where historical mail is read from, in a fixed order, resumable: every mail carries the
 * position to resume after it, and {@link #open} continues after such a position.
 */
public interface MailSource extends AutoCloseable {

    /**
     * One mail of the source; {@code resumeAfter} restarts the read right after it. {@code parsed}
     * is set once the read-ahead thread has parsed it (then {@code raw} is let go).
     */
    record SourceMail(String part, String position, String resumeAfter, byte[] raw, MailParsing.Parsed parsed) {

        public SourceMail(String part, String position, String resumeAfter, byte[] raw) {
            this(part, position, resumeAfter, raw, null);
        }

        SourceMail withParsed(MailParsing.Parsed result) {
            return new SourceMail(part, position, resumeAfter, null, result);
        }
    }

    /** @param resumeAfter a {@link SourceMail#resumeAfter()} of an earlier read, or null for the start */
    void open(String resumeAfter) throws Exception;

    /** How many mails the part holds in all, when known cheaply; else null. */
    Long total();

    /** The next mail, or null at the end. */
    SourceMail next() throws Exception;

    @Override
    void close();
}
