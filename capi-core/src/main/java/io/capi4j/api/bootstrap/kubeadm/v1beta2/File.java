package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One of {@code spec.files}: a file written on the node (cloud-init {@code write_files}). Its content is either inline
 * ({@code content}) or read from a Secret ({@code contentFrom}), never both.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFile.class)
@JsonDeserialize(as = ImmutableFile.class)
public abstract class File implements UnknownFields, WithFile {
  public static final String ENCODING_BASE64 = "base64";
  public static final String ENCODING_GZIP = "gzip";
  public static final String ENCODING_GZIP_BASE64 = "gzip+base64";

  /** Full path of the file on the node; required and unique among the files. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String path() {
    return "";
  }

  /** Owner, e.g. {@code root:root}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String owner() {
    return "";
  }

  /** Permissions, e.g. {@code 0640}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String permissions() {
    return "";
  }

  /** Encoding of {@code content}: {@code base64}, {@code gzip} or {@code gzip+base64}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String encoding() {
    return "";
  }

  /** Whether to append to an existing file. */
  public abstract Optional<Boolean> append();

  /** The content, inline. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String content() {
    return "";
  }

  /** Where to read the content from. */
  public abstract Optional<FileSource> contentFrom();

  /** Whether {@code contentFrom} is defined (upstream's {@code ContentFrom.IsDefined()}: present and not empty). */
  @JsonIgnore
  public boolean isContentFromDefined() {
    return contentFrom().map(FileSource::isDefined).orElse(false);
  }

  public static ImmutableFile.Builder builder() {
    return ImmutableFile.builder();
  }
}
