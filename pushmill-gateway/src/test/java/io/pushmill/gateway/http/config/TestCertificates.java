package io.pushmill.gateway.http.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made with the JDK's {@code keytool}, written as PEM files the way an
 * operator would hand them to the gateway.
 */
public final class TestCertificates {
  private static final char[] PASSWORD = "changeit".toCharArray();

  /** A key pair, its certificate, the PEM files and the PKCS#12 store they came from. */
  public record Generated(
      PrivateKey key, X509Certificate certificate, Path certPem, Path keyPem, Path keyStore) {

    /** A client context that trusts this certificate, optionally presenting {@code client}. */
    public SSLContext trustingContext(Generated client) throws Exception {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("server", certificate);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManagerFactory kmf = null;
      if (client != null) {
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(client.keyStore), PASSWORD);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return ctx;
    }
  }

  private TestCertificates() {}

  /**
   * Generates a self-signed certificate.
   *
   * @param keyAlgorithm {@code RSA} or {@code EC}
   * @param san keytool's SAN extension value, e.g. {@code ip:127.0.0.1,dns:localhost}
   */
  public static Generated generate(Path dir, String name, String keyAlgorithm, String san)
      throws Exception {
    Path store = dir.resolve(name + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                keytool,
                "-genkeypair",
                "-alias",
                "key",
                "-keyalg",
                keyAlgorithm,
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=" + san,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit"));
    if (keyAlgorithm.equals("EC")) {
      command.addAll(List.of("-groupname", "secp256r1"));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    KeyStore ks = load(store);
    PrivateKey key = (PrivateKey) ks.getKey("key", PASSWORD);
    X509Certificate cert = (X509Certificate) ks.getCertificate("key");
    Path certPem = dir.resolve(name + ".pem");
    Path keyPem = dir.resolve(name + ".key");
    Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
    return new Generated(key, cert, certPem, keyPem, store);
  }

  /** A PEM block. */
  public static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static KeyStore load(Path store) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }
}
