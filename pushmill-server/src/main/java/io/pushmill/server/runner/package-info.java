/** Building a {@code Runner} from flags, with the server's job tokens around it. */
package io.pushmill.server.runner;
