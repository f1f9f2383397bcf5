package io.capi4j.api.core.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Map;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** The metadata of a template (upstream {@code clusterv1.ObjectMeta}): only labels and annotations. */
@Value.Immutable
@JsonSerialize(as = ImmutableTemplateMeta.class)
@JsonDeserialize(as = ImmutableTemplateMeta.class)
public abstract class TemplateMeta implements UnknownFields, WithTemplateMeta {
  public abstract Map<String, String> labels();

  public abstract Map<String, String> annotations();

  public static TemplateMeta empty() {
    return builder().build();
  }

  public static ImmutableTemplateMeta.Builder builder() {
    return ImmutableTemplateMeta.builder();
  }
}
