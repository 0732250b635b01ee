package io.pushmill.server.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every differential case, in id order. Ids follow spec §7 rows, then 101–126 for §8 V1–V26. */
final class Catalogue {
  private Catalogue() {}

  static List<DiffCase> all() {
    List<DiffCase> all = new ArrayList<>();
    all.addAll(RoutingCases.cases());
    all.addAll(SemanticsCases.cases());
    all.addAll(TextFormatCases.cases());
    all.addAll(ProtobufCases.cases());
    all.addAll(ConsistencyCases.cases());
    all.addAll(ExpositionCases.cases());
    all.addAll(UncheckedCases.cases());
    all.sort(Comparator.comparingInt(DiffCase::id));
    return List.copyOf(all);
  }
}
