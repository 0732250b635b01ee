package io.pushmill.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.Script;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code workspaces/tarball}: the workspace as {@code wmill sync} lays it out, zipped. Each script
 * is its source ({@code u/admin/x.py}) and {@code u/admin/x.script.json}; with
 * {@code include_schedules=true} each schedule is {@code <path>.schedule.json}. The JSON holds
 * exactly the keys a local {@code .script.yaml}/{@code .schedule.yaml} holds, so that an unchanged
 * tree diffs as unchanged. Only {@code archive_type=zip} is offered; {@code wmill} asks for it first.
 */
final class SyncArchive {
  private final Runner runner;

  SyncArchive(Runner runner) {
    this.runner = runner;
  }

  void register(Routes routes) {
    routes.get("/w/{ws}/workspaces/tarball", this::archive);
  }

  private Reply archive(ApiRequest r) {
    String type = r.query("archive_type").orElse("zip");
    if (!type.equals("zip")) {
      throw ApiException.badRequest("Invalid Archive Type '" + type + "': Pushmill offers zip");
    }
    String ws = r.workspace();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Script s : all(q -> runner.scripts(ws, q))) {
        String base = s.path().value();
        put(zip, base + ScriptJson.extension(s.language()), s.content());
        put(zip, base + ".script.json", pretty(ScriptJson.metadata(s)));
      }
      if (r.booleanQuery("include_schedules").orElse(false)) {
        for (Schedule s : all(q -> runner.schedules(ws, q))) {
          put(zip, s.path().value() + ".schedule.json", pretty(ScheduleJson.export(s)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("zipping workspace " + ws + " failed", e);
    }
    return new Reply.Binary(200, "application/zip", bytes.toByteArray());
  }

  /** Every page of a list. */
  private static <T> List<T> all(Function<ListQuery, List<T>> page) {
    List<T> all = new ArrayList<>();
    int perPage = JobQuery.MAX_PER_PAGE;
    for (int n = 1; ; n++) {
      List<T> items = page.apply(ListQuery.all().withPage(n, perPage));
      all.addAll(items);
      if (items.size() < perPage) {
        return all;
      }
    }
  }

  private static String pretty(ObjectNode o) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
