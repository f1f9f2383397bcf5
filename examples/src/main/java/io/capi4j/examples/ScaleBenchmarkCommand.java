package io.capi4j.examples;

import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.SimulatedInfrastructures;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.Providers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scale-benchmark}: the seed article's Azure scale-up benchmark (5 → 20 workers on Standard_D2s_v3) in
 * capi4j's simulation, for a MachineDeployment, a MachinePool on a scaling group and a managed pool, side by side
 * with the article's figures.
 */
@Command(
    name = "scale-benchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Scales workers from --from to --to three ways in capi4j's simulation (a MachineDeployment, a MachinePool on",
      "a scaling group, a managed pool) and prints, from patching spec.replicas, when the first, the median (P50),",
      "the P90 and the last new Node became Ready, next to the seed article's Azure figures; then the objects each",
      "ownership model leaves in the management cluster and an arrival timeline.",
      "Exit 0: every flow converged; 1: a flow did not converge; 2: bad arguments."
    })
final class ScaleBenchmarkCommand implements Callable<Integer> {
  /** The article's setting: Azure, Standard_D2s_v3, 5 to 20 workers. */
  static final String ARTICLE_PROFILE = "azure-standard-d2s-v3";
  static final int ARTICLE_FROM = 5;
  static final int ARTICLE_TO = 20;

  /** The article's figures in seconds: first, all, P50, P90 per column. */
  static final Map<String, double[]> ARTICLE = new LinkedHashMap<>();

  static {
    ARTICLE.put("MachineDeployment", new double[] {139, 146, 139, 146});
    ARTICLE.put("MachinePool", new double[] {113, 167, 140, 167});
    ARTICLE.put("AKS", new double[] {92, 157, 98, 103});
  }

  static final String[] METRICS = {"first new node ready", "all new nodes ready", "P50 per node", "P90 per node"};
  static final String[] JSON_KEYS = {"firstReadySeconds", "allReadySeconds", "p50Seconds", "p90Seconds"};

  @Option(names = "--from", defaultValue = "5", description = "Ready workers before the patch (default ${DEFAULT-VALUE})")
  int from;

  @Option(names = "--to", defaultValue = "20", description = "spec.replicas after the patch (default ${DEFAULT-VALUE})")
  int to;

  @Option(names = "--profile", defaultValue = ARTICLE_PROFILE, description = "simulation profile (default ${DEFAULT-VALUE})")
  String profile;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print only the figures, as JSON")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "also write scale-benchmark.svg (new Nodes Ready over time) there")
  Path out;

  @Spec CommandSpec spec;

  /** A column of the table: a flow and its label. */
  record Column(String key, String label, ScaleBenchmark.Run run) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (from < 0 || to <= from) {
      err.println("error: need 0 <= --from < --to (got " + from + " and " + to + ")");
      return 2;
    }
    if (to > 5000) {
      err.println("error: --to is at most 5000");
      return 2;
    }
    Optional<SimulatedInfrastructure> found = SimulatedInfrastructures.forProfile(profile);
    if (found.isEmpty()) {
      err.println("error: unknown profile \"" + profile + "\"; known: " + SimulatedInfrastructures.load().stream()
          .flatMap(s -> s.profiles().stream()).sorted().toList());
      return 2;
    }
    SimulatedInfrastructure infra = found.get();
    ProviderDescriptor d = Providers.load().all().stream().map(p -> p.descriptor())
        .filter(x -> x.name().equals(infra.provider())).findFirst().orElseThrow();
    ScaleBenchmark bench = new ScaleBenchmark(infra, profile, from, to, seed);
    String groupBacking = d.scalingGroupPools().isEmpty() ? "scaling group" : d.scalingGroupPools().get(0).backing();
    String managedBacking = d.managedPools().isEmpty() ? "managed pool" : d.managedPools().get(0).backing();
    boolean poolMachines = !d.scalingGroupPools().isEmpty() && d.scalingGroupPools().get(0).machineKind().isPresent();

    List<Column> cols = new ArrayList<>();
    cols.add(new Column("MachineDeployment", "MachineDeployment",
        bench.run(ScaleBenchmark.Model.MACHINE_DEPLOYMENT, false)));
    cols.add(new Column("MachinePool", "MachinePool (" + groupBacking + ")",
        bench.run(ScaleBenchmark.Model.MACHINE_POOL, poolMachines)));
    if (bench.hasManagedPool()) {
      cols.add(new Column(managedBacking, managedBacking, bench.run(ScaleBenchmark.Model.MANAGED_POOL, false)));
    }
    boolean converged = cols.stream().allMatch(c -> c.run().converged());
    if (json) {
      printJson(o, cols);
    } else {
      ScaleBenchmark.Run plain = poolMachines ? bench.run(ScaleBenchmark.Model.MACHINE_POOL, false) : null;
      printReport(o, infra, cols, plain, poolMachines);
    }
    if (out != null) {
      Files.createDirectories(out);
      Path svg = out.resolve("scale-benchmark.svg");
      Files.writeString(svg, svg(cols), StandardCharsets.UTF_8);
      if (!json) {
        o.println();
        o.println("wrote " + svg);
      }
    }
    o.flush();
    for (Column c : cols) {
      if (!c.run().converged()) {
        err.println(c.label() + " did not reach " + to + " Ready Nodes within " + ScaleBenchmark.LIMIT.toHours() + "h"
            + (c.run().failures().isEmpty() ? "" : "; reconcile failures: " + c.run().failures().get(0)));
      }
    }
    err.flush();
    return converged ? 0 : 1;
  }

  /** The four figures of a run in seconds: first, all, P50, P90 (NaN when missing). */
  static double[] figures(ScaleBenchmark.Run r) {
    return new double[] {
      secs(r.arrival(1)), secs(r.arrivals().isEmpty() ? Optional.empty() : r.arrival(r.arrivals().size())),
      secs(r.percentile(50)), secs(r.percentile(90))
    };
  }

  private static double secs(Optional<Duration> d) {
    return d.map(x -> Math.round(x.toMillis() / 100.0) / 10.0).orElse(Double.NaN);
  }

  private boolean articleSetting() {
    return ARTICLE_PROFILE.equals(profile) && from == ARTICLE_FROM && to == ARTICLE_TO;
  }

  private static void printJson(PrintWriter o, List<Column> cols) {
    StringBuilder sb = new StringBuilder("{");
    for (int c = 0; c < cols.size(); c++) {
      double[] f = figures(cols.get(c).run());
      sb.append(c == 0 ? "" : ", ").append('"').append(cols.get(c).key()).append("\": {");
      for (int i = 0; i < f.length; i++) {
        sb.append(i == 0 ? "" : ", ").append('"').append(JSON_KEYS[i]).append("\": ")
            .append(Double.isNaN(f[i]) ? "null" : String.format(Locale.ROOT, "%.1f", f[i]));
      }
      sb.append('}');
    }
    o.println(sb.append('}'));
  }

  private void printReport(PrintWriter o, SimulatedInfrastructure infra, List<Column> cols, ScaleBenchmark.Run plain,
      boolean poolMachines) {
    int added = to - from;
    o.printf("scale-benchmark: %d -> %d workers, profile %s (%s), seed %d%n", from, to, profile, infra.provider(), seed);
    o.println("Time from patching spec.replicas to each new Node Ready (virtual time of capi4j's simulation).");
    boolean article = articleSetting();
    o.println(article
        ? "In brackets: the seed article's figure on Azure and our deviation from it."
        : "The article measured " + ARTICLE_FROM + " -> " + ARTICLE_TO + " on " + ARTICLE_PROFILE + ": no comparison.");
    o.println();
    List<String[]> rows = new ArrayList<>();
    String[] head = new String[cols.size() + 1];
    head[0] = "Metric";
    for (int c = 0; c < cols.size(); c++) {
      head[c + 1] = cols.get(c).label();
    }
    rows.add(head);
    for (int m = 0; m < METRICS.length; m++) {
      String[] row = new String[cols.size() + 1];
      row[0] = m == 1 ? "all " + added + " new nodes ready" : METRICS[m];
      for (int c = 0; c < cols.size(); c++) {
        double v = figures(cols.get(c).run())[m];
        double[] a = article ? ARTICLE.get(cols.get(c).key()) : null;
        String cell = Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%s", clock(v));
        if (a != null && !Double.isNaN(v)) {
          cell += String.format(Locale.ROOT, " (%s, %+.1f%%)", clock(a[m]), 100 * (v - a[m]) / a[m]);
        }
        row[c + 1] = cell;
      }
      rows.add(row);
    }
    table(o, rows);

    o.println();
    o.printf("Objects in the management cluster after the scale-up (%d workers), counted in the simulation:%n", to);
    ScaleBenchmark.Run md = cols.get(0).run();
    ScaleBenchmark.Run mp = cols.get(1).run();
    o.printf("  %-40s %4d  %s%n", "MachineDeployment", md.total(), kinds(md));
    if (plain != null) {
      o.printf("  %-40s %4d  %s%n", "MachinePool", plain.total(), kinds(plain));
    }
    o.printf("  %-40s %4d  %s%n", poolMachines ? "MachinePool with MachinePool Machines" : "MachinePool", mp.total(),
        kinds(mp));

    o.println();
    o.println("Arrival timeline: new Nodes Ready per " + BUCKET_SECONDS + "s after the patch (digits: how many; * = 10+)");
    timeline(o, cols);
  }

  static final int BUCKET_SECONDS = 5;

  private static void timeline(PrintWriter o, List<Column> cols) {
    double max = cols.stream().flatMap(c -> c.run().arrivals().stream()).mapToDouble(d -> d.toMillis() / 1000.0)
        .max().orElse(0);
    int buckets = (int) Math.ceil((max + 1) / BUCKET_SECONDS);
    buckets = (int) Math.ceil(buckets / 6.0) * 6;
    int width = cols.stream().mapToInt(c -> c.label().length()).max().orElse(10) + 2;
    StringBuilder axis = new StringBuilder(" ".repeat(width));
    for (int b = 0; b < buckets; b += 6) {
      String label = (b * BUCKET_SECONDS) + "s";
      axis.append(String.format("%-6s", "|" + label));
    }
    o.println(axis.toString().stripTrailing());
    for (Column c : cols) {
      int[] n = new int[buckets];
      for (Duration d : c.run().arrivals()) {
        n[Math.min(buckets - 1, (int) (d.toMillis() / 1000 / BUCKET_SECONDS))]++;
      }
      StringBuilder sb = new StringBuilder(String.format("%-" + width + "s", c.label()));
      for (int x : n) {
        sb.append(x == 0 ? '.' : x > 9 ? '*' : (char) ('0' + x));
      }
      o.println(sb);
    }
    for (Column c : cols) {
      StringBuilder sb = new StringBuilder(String.format("%-" + width + "s", c.label()));
      sb.append(c.run().arrivals().stream().map(d -> String.format(Locale.ROOT, "%.0f", d.toMillis() / 1000.0))
          .reduce((a, b) -> a + " " + b).orElse("-")).append(" s");
      o.println(sb);
    }
  }

  /** How the count splits into objects per worker and the rest, e.g. {@code = 4 per worker x 20 + 4 (...)}. */
  private String kinds(ScaleBenchmark.Run r) {
    List<String> perWorker = new ArrayList<>();
    List<String> others = new ArrayList<>();
    int rest = 0;
    for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
      if (e.getValue() == to) {
        perWorker.add(e.getKey());
      } else {
        others.add(e.getKey() + (e.getValue() == 1 ? "" : " x" + e.getValue()));
        rest += e.getValue();
      }
    }
    return "= " + (perWorker.isEmpty() ? "" : perWorker.size() + " per worker x " + to + " ("
        + String.join(", ", perWorker) + ") + ") + rest + " (" + String.join(", ", others) + ")";
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%.1fs", seconds) + (s >= 60 ? String.format(Locale.ROOT, " = %dm%02ds", s / 60, s % 60) : "");
  }

  private static void table(PrintWriter o, List<String[]> rows) {
    int[] w = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    for (int n = 0; n < rows.size(); n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < w.length; i++) {
        sb.append(String.format("%-" + w[i] + "s", rows.get(n)[i])).append(i == w.length - 1 ? "" : "  ");
      }
      o.println(sb.toString().stripTrailing());
      if (n == 0) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
          line.append("-".repeat(w[i])).append(i == w.length - 1 ? "" : "  ");
        }
        o.println(line);
      }
    }
  }

  /** An SVG line chart: new Nodes Ready (y) over seconds since the patch (x), one step line per flow. */
  static String svg(List<Column> cols) {
    int w = 720;
    int h = 420;
    int left = 60;
    int right = 190;
    int top = 40;
    int bottom = 50;
    double maxT = cols.stream().flatMap(c -> c.run().arrivals().stream()).mapToDouble(d -> d.toMillis() / 1000.0)
        .max().orElse(1);
    maxT = Math.max(30, Math.ceil(maxT / 30.0) * 30);
    int maxN = cols.stream().mapToInt(c -> c.run().arrivals().size()).max().orElse(1);
    maxN = Math.max(1, maxN);
    double pw = w - left - right;
    double ph = h - top - bottom;
    String[] colors = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
        .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    s.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append("  <text x=\"").append(left).append("\" y=\"24\" font-size=\"14\">New nodes Ready after patching spec.replicas (capi4j simulation)</text>\n");
    // Axes and grid.
    for (int t = 0; t <= maxT; t += 30) {
      double x = left + pw * t / maxT;
      s.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, top, x, h - bottom));
      s.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ds</text>%n", x, h - bottom + 16, t));
    }
    int step = Math.max(1, (int) Math.ceil(maxN / 10.0));
    for (int n = 0; n <= maxN; n += step) {
      double y = top + ph - ph * n / maxN;
      s.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, y, left + pw, y));
      s.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", left - 6, y + 4, n));
    }
    s.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">seconds since the patch</text>%n", left + pw / 2, h - 12));
    s.append(String.format(Locale.ROOT, "  <text x=\"16\" y=\"%.1f\" transform=\"rotate(-90 16 %.1f)\" text-anchor=\"middle\">new nodes Ready</text>%n",
        top + ph / 2, top + ph / 2));
    s.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n", left, top, pw, ph));
    for (int c = 0; c < cols.size(); c++) {
      String color = colors[c % colors.length];
      StringBuilder pts = new StringBuilder();
      double px = left;
      double py = top + ph;
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
      int n = 0;
      for (Duration d : cols.get(c).run().arrivals()) {
        double x = left + pw * (d.toMillis() / 1000.0) / maxT;
        n++;
        double y = top + ph - ph * n / maxN;
        pts.append(String.format(Locale.ROOT, " %.1f,%.1f %.1f,%.1f", x, py, x, y));
        py = y;
      }
      pts.append(String.format(Locale.ROOT, " %.1f,%.1f", left + pw, py));
      s.append("  <polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"")
          .append(pts).append("\"/>\n");
      double ly = top + 20 + 22 * c;
      s.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
          left + pw + 14, ly, left + pw + 38, ly, color));
      s.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\">%s</text>%n", left + pw + 44, ly + 4,
          escape(cols.get(c).label())));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
