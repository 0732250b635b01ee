package io.pushmill.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import io.pushmill.gateway.http.gocompat.GoJson;
import java.util.Map;

/** {@code --log.format=json}: one JSON object per line, fields in logfmt's order. */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder sb = new StringBuilder(200).append('{');
    boolean first = true;
    for (Map.Entry<String, String> f : LogFields.of(event)) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      GoJson.appendString(sb, f.getKey());
      sb.append(':');
      GoJson.appendString(sb, f.getValue());
    }
    return sb.append("}\n").toString();
  }
}
