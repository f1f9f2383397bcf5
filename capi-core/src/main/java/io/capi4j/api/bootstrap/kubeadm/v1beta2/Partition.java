package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One of {@code diskSetup.partitions}: how to partition a device.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePartition.class)
@JsonDeserialize(as = ImmutablePartition.class)
public abstract class Partition implements UnknownFields, WithPartition {
  public static final String TABLE_TYPE_MBR = "mbr";
  public static final String TABLE_TYPE_GPT = "gpt";

  /** The device name; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String device() {
    return "";
  }

  /** Required. True: one partition spanning the device; false: leave the partitioning alone. */
  public abstract Optional<Boolean> layout();

  /** Skip checks and partition even when a partition or file system exists (default false). */
  public abstract Optional<Boolean> overwrite();

  /** {@code mbr} (cloud-init's default, an MS-DOS table) or {@code gpt}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String tableType() {
    return "";
  }



  public static ImmutablePartition.Builder builder() {
    return ImmutablePartition.builder();
  }
}
