package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One of {@code diskSetup.filesystems}: a file system to create.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFilesystem.class)
@JsonDeserialize(as = ImmutableFilesystem.class)
public abstract class Filesystem implements UnknownFields, WithFilesystem {
  /** The device name; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String device() {
    return "";
  }

  /** The file system type, e.g. {@code ext4}; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String filesystem() {
    return "";
  }

  /** The file system label; {@code None} for none. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String label() {
    return "";
  }

  /** The partition: {@code auto|any}, {@code auto}, {@code any}, {@code none} or a number. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String partition() {
    return "";
  }

  /** Whether to destroy an existing file system. */
  public abstract Optional<Boolean> overwrite();

  /** Azure-specific directive: replace a file system of this type. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String replaceFS() {
    return "";
  }

  /** Extra options for the mkfs command. */
  public abstract List<String> extraOpts();

  public static ImmutableFilesystem.Builder builder() {
    return ImmutableFilesystem.builder();
  }
}
