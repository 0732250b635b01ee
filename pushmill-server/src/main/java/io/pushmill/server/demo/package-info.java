/** The tutorial's demo that {@code pushmill up} and {@code pushmill server --demo} install. */
package io.pushmill.server.demo;
