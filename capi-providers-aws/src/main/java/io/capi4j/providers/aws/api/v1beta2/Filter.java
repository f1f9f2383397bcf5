package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An EC2 API filter.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFilter.class)
@JsonDeserialize(as = ImmutableFilter.class)
public abstract class Filter implements UnknownFields, WithFilter {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  public abstract List<String> values();

  public static ImmutableFilter.Builder builder() {
    return ImmutableFilter.builder();
  }
}
