package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code cloudInit}: how cloud-init user data reaches an AWSMachine.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCloudInit.class)
@JsonDeserialize(as = ImmutableCloudInit.class)
public abstract class CloudInit implements UnknownFields, WithCloudInit {
  public static final String SECRETS_MANAGER = "secrets-manager";
  public static final String SSM_PARAMETER_STORE = "ssm-parameter-store";

  public abstract Optional<Boolean> insecureSkipSecretsManager();

  public abstract Optional<Integer> secretCount();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String secretPrefix() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String secureSecretsBackend() {
    return "";
  }

  public static ImmutableCloudInit.Builder builder() {
    return ImmutableCloudInit.builder();
  }
}
