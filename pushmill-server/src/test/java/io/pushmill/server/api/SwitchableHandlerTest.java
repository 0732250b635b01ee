package io.pushmill.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.junit.jupiter.api.Test;

class SwitchableHandlerTest {
  @Test
  void until_its_handler_is_set_a_bound_server_answers_503_in_text() throws Exception {
    SwitchableHandler handler = new SwitchableHandler();
    ApiServer server = ApiServer.create(handler, List.of(), "switch-test");
    LocalConnector connector = server.localConnector();
    server.start();
    try {
      HttpTester.Response before = get(connector);
      handler.set(new MetricsHandler(List::of));
      HttpTester.Response after = get(connector);

      assertThat(before.getStatus()).isEqualTo(503);
      assertThat(before.get("Content-Type")).startsWith("text/plain");
      assertThat(before.getContent()).isEqualTo("Pushmill is starting; try again in a moment");
      assertThat(after.getStatus()).isEqualTo(200);
    } finally {
      server.close();
    }
  }

  private static HttpTester.Response get(LocalConnector connector) throws Exception {
    return HttpTester.parseResponse(connector.getResponse(
        "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  }
}
