package io.pushmill.server.api;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets a server bind its port before its handler exists: answers 503 in text until
 * {@link #set(Handler)}. The API binds first so that jobs can be told its real address
 * ({@code WM_BASE_URL}) even when it listens on port 0.
 */
public final class SwitchableHandler extends Handler.Abstract {
  private volatile Handler target;

  /** Serves with {@code handler} from now on; it joins this handler's lifecycle. */
  public void set(Handler handler) {
    if (getServer() != null) {
      handler.setServer(getServer());
    }
    addBean(handler, true);
    this.target = handler;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Handler h = target;
    if (h != null) {
      return h.handle(request, response, callback);
    }
    Replies.send(new Reply.Text(503, "Pushmill is starting; try again in a moment"), response,
        callback);
    return true;
  }
}
