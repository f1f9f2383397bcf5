package io.capi4j.providers.azure.util;

import io.capi4j.providers.azure.api.v1beta1.Azure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Azure resource IDs as CAPZ's {@code azureutil.ParseResourceID} reads them: an optional {@code azure://} prefix,
 * then {@code arm.ParseResourceID}'s rules (a leading {@code /}, a first segment {@code subscriptions} or
 * {@code providers}, then key/value pairs).
 */
public final class AzureResourceIds {
  private AzureResourceIds() {}

  /**
   * A parsed resource ID.
   *
   * @param subscriptionID the subscription, or {@code ""} for a tenant-level ID
   * @param resourceGroup the resource group, or {@code ""}
   * @param name the resource's own name (the last segment)
   */
  public record ResourceId(String subscriptionID, String resourceGroup, String name) {}

  /**
   * Parses {@code id}.
   *
   * @throws IllegalArgumentException with the SDK's wording when {@code id} is not a resource ID
   */
  public static ResourceId parse(String id) {
    String s = id.startsWith(Azure.PROVIDER_ID_PREFIX) ? id.substring(Azure.PROVIDER_ID_PREFIX.length()) : id;
    if (s.isEmpty()) {
      throw new IllegalArgumentException("invalid resource ID: id cannot be empty");
    }
    if (!s.startsWith("/")) {
      throw new IllegalArgumentException("invalid resource ID: resource id '" + s + "' must start with '/'");
    }
    List<String> parts = new ArrayList<>();
    for (String p : s.split("/")) {
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    String first = parts.isEmpty() ? "" : parts.get(0).toLowerCase(Locale.ROOT);
    if (parts.size() < 2 || !(first.equals("subscriptions") || first.equals("providers"))) {
      throw new IllegalArgumentException("invalid resource ID: " + s);
    }
    String subscription = "";
    String group = "";
    int i = 0;
    if (first.equals("subscriptions")) {
      subscription = parts.get(1);
      i = 2;
      if (i + 1 < parts.size() && parts.get(i).equalsIgnoreCase("resourceGroups")) {
        group = parts.get(i + 1);
        i += 2;
      }
    }
    int rest = parts.size() - i;
    boolean ok = rest == 0
        || (parts.get(i).equalsIgnoreCase("providers") ? rest >= 4 && (rest - 2) % 2 == 0 : rest % 2 == 0);
    if (!ok) {
      // providers/<namespace> is followed by type/name pairs; any other segments come in key/value pairs.
      throw new IllegalArgumentException("invalid resource ID: " + s);
    }
    return new ResourceId(subscription, group, parts.get(parts.size() - 1));
  }

  /** Whether {@link #parse} accepts {@code id}. */
  public static boolean isValid(String id) {
    try {
      parse(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
