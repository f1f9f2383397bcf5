package io.capi4j.providers.aws.webhooks;

import io.capi4j.providers.aws.api.v1beta2.AWSLifecycleHook;
import io.capi4j.providers.aws.api.v1beta2.AWSResourceReference;
import io.capi4j.providers.aws.api.v1beta2.Volume;
import io.capi4j.providers.aws.util.GoDurations;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.capi4j.webhooks.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rules shared by CAPA's webhooks (upstream {@code api/v1beta2/tags.go}, {@code webhooks/sshkeyname.go},
 * {@code exp/webhooks/validation.go} and the volume checks each webhook repeats), with upstream's messages. Field
 * paths carry list indexes where upstream omits them.
 */
public final class AwsRules {
  private AwsRules() {}

  /** AWS's limit on user tags per resource. */
  public static final int MAX_USER_TAGS = 50;

  private static final Pattern TAG_CHARS = Pattern.compile("^[a-zA-Z0-9\\t\\n\\f\\r _.:=+\\-@/]*$");
  private static final Pattern SSH_KEY_NAME = Pattern.compile("^[\\x21-\\x7e]+([\\x20-\\x7e]*[\\x21-\\x7e]+)*$");

  /** {@code Tags.Validate}: keys 1 to 128 characters, values up to 256, no {@code aws:} prefix, allowed characters, at most 50. */
  public static List<FieldError> validateTags(Map<String, String> tags, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(tags).entrySet()) {
      String k = e.getKey();
      String v = e.getValue();
      int keyLen = k.getBytes(StandardCharsets.UTF_8).length;
      if (keyLen < 1) {
        errs.add(FieldError.invalid(path, k, "key cannot be empty"));
      }
      if (keyLen > 128) {
        errs.add(FieldError.invalid(path, k, "key cannot be longer than 128 characters"));
      }
      if (v.getBytes(StandardCharsets.UTF_8).length > 256) {
        errs.add(FieldError.invalid(path, v, "value cannot be longer than 256 characters"));
      }
      if (k.startsWith("aws:")) {
        errs.add(FieldError.invalid(path, k, "user created tag's key cannot have prefix aws:"));
      }
      if (!TAG_CHARS.matcher(k).matches()) {
        errs.add(FieldError.invalid(path, k,
            "key cannot have characters other than alphabets, numbers, spaces and _ . : / = + - @ ."));
      }
      if (!TAG_CHARS.matcher(v).matches()) {
        errs.add(FieldError.invalid(path, v,
            "value cannot have characters other than alphabets, numbers, spaces and _ . : / = + - @ ."));
      }
    }
    if (tags.size() > MAX_USER_TAGS) {
      errs.add(new FieldError(FieldError.Type.INVALID, path.toString(), tags.size() + " tags",
          "user created tags cannot be more than " + MAX_USER_TAGS));
    }
    return errs;
  }

  /** {@code validateSSHKeyName}: absent or empty is fine, else printable ASCII not starting or ending in whitespace. */
  public static List<FieldError> validateSshKeyName(Optional<String> sshKeyName, FieldPath path) {
    if (sshKeyName.isEmpty() || sshKeyName.get().isEmpty() || SSH_KEY_NAME.matcher(sshKeyName.get()).matches()) {
      return List.of();
    }
    return List.of(FieldError.invalid(path, sshKeyName.get(),
        "Name is invalid. Must be specified in ASCII and must not start or end in whitespace"));
  }

  /**
   * The root volume checks: io1/io2 need iops; throughput only for gp3; throughput within [125, 2000] MiB/s when
   * {@code throughputRange} (AWSMachine, AWSMachinePool), else only non-negative (AWSMachineTemplate). A device
   * name is allowed (upstream only logs it).
   */
  public static List<FieldError> validateRootVolume(Optional<Volume> volume, FieldPath path, boolean throughputRange) {
    List<FieldError> errs = new ArrayList<>();
    if (volume.isEmpty()) {
      return errs;
    }
    Volume v = volume.get();
    if (isProvisioned(v.type()) && v.iops().orElse(0L) == 0) {
      errs.add(FieldError.required(path.child("iops"), "iops required if type is 'io1' or 'io2'"));
    }
    if (v.throughput().isPresent()) {
      long t = v.throughput().get();
      if (!v.type().equals(Volume.TYPE_GP3)) {
        errs.add(FieldError.required(path.child("throughput"), "throughput is valid only for type 'gp3'"));
      }
      if (throughputRange && (t < 125 || t > 2000)) {
        errs.add(FieldError.required(path.child("throughput"), "throughput must be between 125 Mib/s and 2000 MiB/s"));
      } else if (!throughputRange && t < 0) {
        errs.add(FieldError.required(path.child("throughput"), "throughput must be nonnegative"));
      }
    }
    return errs;
  }

  /** The non-root volume checks: io1/io2 need iops; throughput only for gp3 and non-negative; a device name is required. */
  public static List<FieldError> validateNonRootVolumes(List<Volume> volumes, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      FieldPath p = path.index(i);
      if (isProvisioned(v.type()) && v.iops().orElse(0L) == 0) {
        errs.add(FieldError.required(p.child("iops"), "iops required if type is 'io1' or 'io2'"));
      }
      if (v.throughput().isPresent()) {
        if (!v.type().equals(Volume.TYPE_GP3)) {
          errs.add(FieldError.required(p.child("throughput"), "throughput is valid only for type 'gp3'"));
        }
        if (v.throughput().get() < 0) {
          errs.add(FieldError.required(p.child("throughput"), "throughput must be nonnegative"));
        }
      }
      if (v.deviceName().isEmpty()) {
        errs.add(FieldError.required(p.child("deviceName"), "non root volume should have device name"));
      }
    }
    return errs;
  }

  /** CRD rule of a volume: {@code size} is required and at least 8 (GiB). */
  public static void checkVolumeSchema(List<FieldError> errs, Volume v, FieldPath path) {
    if (v.size().isEmpty()) {
      errs.add(FieldError.required(path.child("size"), ""));
    } else {
      Schema.minimum(errs, path.child("size"), v.size(), 8);
    }
  }

  /** Whether the volume type needs iops ({@code io1}, {@code io2}). */
  static boolean isProvisioned(String type) {
    return type.equals(Volume.TYPE_IO1) || type.equals(Volume.TYPE_IO2);
  }

  /** A reference with both an ID and filters. */
  static boolean hasIdAndFilters(AWSResourceReference ref) {
    return ref.id().isPresent() && !ref.filters().isEmpty();
  }

  /** {@code validateLifecycleHooks} ({@code exp/webhooks/validation.go}). */
  public static List<FieldError> validateLifecycleHooks(List<AWSLifecycleHook> hooks, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < hooks.size(); i++) {
      AWSLifecycleHook h = hooks.get(i);
      FieldPath p = path.index(i);
      if (h.name().isEmpty()) {
        errs.add(FieldError.required(p.child("name"), "Name is required"));
      }
      if (h.notificationTargetARN().isPresent() && h.roleARN().isEmpty()) {
        errs.add(FieldError.required(p.child("roleARN"), "RoleARN is required if NotificationTargetARN is provided"));
      }
      if (h.roleARN().isPresent() && h.notificationTargetARN().isEmpty()) {
        errs.add(FieldError.required(p.child("notificationTargetARN"),
            "NotificationTargetARN is required if RoleARN is provided"));
      }
      if (!h.lifecycleTransition().equals(AWSLifecycleHook.TRANSITION_LAUNCHING)
          && !h.lifecycleTransition().equals(AWSLifecycleHook.TRANSITION_TERMINATING)) {
        errs.add(FieldError.invalid(p.child("lifecycleTransition"), h.lifecycleTransition(),
            "LifecycleTransition must be either \"" + AWSLifecycleHook.TRANSITION_LAUNCHING + "\" or \""
                + AWSLifecycleHook.TRANSITION_TERMINATING + "\""));
      }
      if (h.defaultResult().isPresent() && !h.defaultResult().get().equals(AWSLifecycleHook.RESULT_CONTINUE)
          && !h.defaultResult().get().equals(AWSLifecycleHook.RESULT_ABANDON)) {
        errs.add(FieldError.invalid(p.child("defaultResult"), h.defaultResult().get(),
            "DefaultResult must be either " + AWSLifecycleHook.RESULT_CONTINUE + " or " + AWSLifecycleHook.RESULT_ABANDON));
      }
      if (h.heartbeatTimeout().isPresent()) {
        Optional<Duration> d = parseDuration(h.heartbeatTimeout().get());
        if (d.isPresent()) {
          double seconds = d.get().toNanos() / 1e9;
          if (seconds < 30 || seconds > 172800) {
            errs.add(new FieldError(FieldError.Type.INVALID, p.child("heartbeatTimeout").toString(),
                h.heartbeatTimeout().get(), "HeartbeatTimeout must be between 30 and 172800 seconds"));
          }
        }
      }
    }
    return errs;
  }

  /** A Go duration, or empty when it does not parse (the schema check reports that). */
  static Optional<Duration> parseDuration(String text) {
    try {
      return Optional.of(GoDurations.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Decode-time check of a Go duration string: an error naming the field when it does not parse. */
  static void checkDuration(List<FieldError> errs, FieldPath path, String text) {
    try {
      GoDurations.parse(text);
    } catch (IllegalArgumentException e) {
      errs.add(FieldError.invalid(path, text, e.getMessage()));
    }
  }

  /** An {@code Invalid value} whose value is printed as given (e.g. a Go slice literal). */
  static FieldError invalidRaw(FieldPath path, String printedValue, String detail) {
    return new FieldError(FieldError.Type.INVALID, path.toString(), printedValue, detail);
  }

  /** A list of strings printed as Go's {@code %#v}: {@code []string{"a", "b"}}. */
  static String goStrings(List<String> values) {
    return values.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[]string{", "}"));
  }
}
