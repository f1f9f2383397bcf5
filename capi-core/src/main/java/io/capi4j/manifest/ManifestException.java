package io.capi4j.manifest;

/**
 * A manifest that cannot be read or parsed: the file is missing or unreadable, is not UTF-8 text, is not valid
 * YAML or JSON, or holds a document that is not a Kubernetes object. The message names the file, the document
 * and the line.
 */
public final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int document;
  private final int line;
  private final String reason;

  public ManifestException(String source, int document, int line, String reason) {
    super(format(source, document, line, reason));
    this.source = source;
    this.document = document;
    this.line = line;
    this.reason = reason;
  }

  private static String format(String source, int document, int line, String reason) {
    StringBuilder sb = new StringBuilder(source);
    if (document > 0) {
      sb.append(": document ").append(document);
    }
    if (line > 0) {
      sb.append(document > 0 ? ", line " : ": line ").append(line);
    }
    return sb.append(": ").append(reason).toString();
  }

  /** The file or source name. */
  public String source() {
    return source;
  }

  /** The 1-based document number, or 0 when the error is not inside a document. */
  public int document() {
    return document;
  }

  /** The 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }
}
