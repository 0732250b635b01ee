package io.pushmill.server.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The JTE templates of {@code src/main/jte}, compiled to classes at build time (package {@code
 * io.pushmill.server.ui.jte}) and rendered with HTML escaping by context: every {@code ${...}} is
 * escaped for where it stands, so label values and log lines cannot inject markup.
 */
final class Templates {
  static final String PACKAGE = "io.pushmill.server.ui.jte";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
      Templates.class.getClassLoader(), PACKAGE);

  /** Renders {@code name} (e.g. {@code gateway.jte}), whose one parameter is {@code model}. */
  String render(String name, Object model) {
    StringOutput out = new StringOutput(16 * 1024);
    engine.render(name, model, out);
    return out.toString();
  }
}
