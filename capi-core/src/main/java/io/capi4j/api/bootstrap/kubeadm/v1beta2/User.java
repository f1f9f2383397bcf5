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
 * One of {@code spec.users}: a user cloud-init creates. Its password is either inline ({@code passwd}, hashed) or read
 * from a Secret ({@code passwdFrom}), never both.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableUser.class)
@JsonDeserialize(as = ImmutableUser.class)
public abstract class User implements UnknownFields, WithUser {
  /** User name; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  /** The GECOS field. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String gecos() {
    return "";
  }

  /** Additional groups. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String groups() {
    return "";
  }

  /** Home directory. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String homeDir() {
    return "";
  }

  /** Whether the user is inactive (not supported with Ignition). */
  public abstract Optional<Boolean> inactive();

  /** Login shell. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String shell() {
    return "";
  }

  /** Hashed password. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String passwd() {
    return "";
  }

  /** Where to read the hashed password from. */
  public abstract Optional<PasswdSource> passwdFrom();

  /** Primary group. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String primaryGroup() {
    return "";
  }

  /** Whether password login is disabled. */
  public abstract Optional<Boolean> lockPassword();

  /** Sudo rule, e.g. {@code ALL=(ALL) NOPASSWD:ALL}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String sudo() {
    return "";
  }

  /** SSH public keys allowed to log in. */
  public abstract List<String> sshAuthorizedKeys();

  /** Whether {@code passwdFrom} is defined (upstream's {@code PasswdFrom.IsDefined()}: present and not empty). */
  @JsonIgnore
  public boolean isPasswdFromDefined() {
    return passwdFrom().map(PasswdSource::isDefined).orElse(false);
  }

  /** {@code inactive: true}. */
  @JsonIgnore
  public boolean isInactive() {
    return inactive().orElse(false);
  }

  public static ImmutableUser.Builder builder() {
    return ImmutableUser.builder();
  }
}
