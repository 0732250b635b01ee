package io.pushmill.server;

/** Entry point of the {@code pushmill} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("pushmill");
  }
}
