package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code user.exec}: a command that prints client credentials (see {@code client.authentication.k8s.io}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeConfigAuthExec.class)
@JsonDeserialize(as = ImmutableKubeConfigAuthExec.class)
public abstract class KubeConfigAuthExec implements UnknownFields, WithKubeConfigAuthExec {
  /** The command to execute; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String command() {
    return "";
  }

  /** Arguments of the command. */
  public abstract List<String> args();

  /** Extra environment variables of the command. */
  public abstract List<KubeConfigAuthExecEnv> env();

  /** Preferred ExecCredential version; defaults to {@code client.authentication.k8s.io/v1}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return "";
  }

  /** Whether the command receives the cluster information in {@code KUBERNETES_EXEC_INFO}. */
  public abstract Optional<Boolean> provideClusterInfo();

  /** Upstream's {@code IsDefined}: not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return !command().isEmpty() || !args().isEmpty() || !env().isEmpty() || !apiVersion().isEmpty()
        || provideClusterInfo().isPresent();
  }

  public static ImmutableKubeConfigAuthExec.Builder builder() {
    return ImmutableKubeConfigAuthExec.builder();
  }
}
