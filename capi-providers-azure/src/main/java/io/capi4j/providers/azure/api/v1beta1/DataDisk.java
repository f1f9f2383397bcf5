package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A data disk of a VM ({@code DataDisk}). */
@Value.Immutable
@JsonSerialize(as = ImmutableDataDisk.class)
@JsonDeserialize(as = ImmutableDataDisk.class)
public abstract class DataDisk implements UnknownFields, WithDataDisk {
  /** Appended to the machine name to name the disk; unique per machine. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String nameSuffix() {
    return "";
  }

  /** Size in GB, 4..32767. */
  @Value.Default
  public int diskSizeGB() {
    return 0;
  }

  public abstract Optional<ManagedDiskParameters> managedDisk();

  /** Logical unit number, 0..63, unique per machine; defaulted to the first free one. */
  public abstract Optional<Integer> lun();

  /** {@code None}, {@code ReadOnly} or {@code ReadWrite}; defaulted. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String cachingType() {
    return "";
  }

  public static ImmutableDataDisk.Builder builder() {
    return ImmutableDataDisk.builder();
  }
}
