package io.pushmill.gateway.http.config;

import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's TLS setup from {@code tls_server_config}, as far as Java maps Go's options: PEM
 * certificate and key (files or inline), client certificates ({@code client_auth_type}, {@code
 * client_ca_file}, {@code client_allowed_sans}), TLS versions, cipher suites (TLS 1.3 suites stay
 * enabled, as Go ignores the list for TLS 1.3), their order and the curves. {@link #reload} swaps
 * in a changed configuration for new connections.
 */
public final class TlsContextFactory extends SslContextFactory.Server {
  private static final Map<String, String> VERSIONS =
      Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  private static final List<String> ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");
  private static final Map<String, String> CURVES =
      Map.of(
          "CurveP256",
          "secp256r1",
          "CurveP384",
          "secp384r1",
          "CurveP521",
          "secp521r1",
          "X25519",
          "x25519");

  private volatile WebConfig.Tls config;

  /** A factory for this configuration; its certificate and key are loaded at once. */
  public TlsContextFactory(WebConfig.Tls config) {
    setSniRequired(false);
    apply(config);
  }

  /** Applies a changed configuration to new connections. */
  public void reload(WebConfig.Tls changed) throws Exception {
    reload(f -> apply(changed));
  }

  /** Checks that the TLS part of a configuration can be loaded, without using it. */
  public static void validate(WebConfig.Tls config) {
    new TlsContextFactory(config);
  }

  private void apply(WebConfig.Tls c) {
    char[] password = Long.toHexString(Double.doubleToLongBits(Math.random())).toCharArray();
    String certPem =
        c.certFile().map(f -> Pem.read(f, "cert_file")).orElseGet(() -> c.cert().orElseThrow());
    String keyPem =
        c.keyFile().map(f -> Pem.read(f, "key_file")).orElseGet(() -> c.key().orElseThrow());
    setKeyStore(
        Pem.keyStore(
            Pem.certificates(certPem, "the certificate"), Pem.privateKey(keyPem), password));
    setKeyStorePassword(new String(password));
    clientAuth(c);
    setIncludeProtocols(protocols(c));
    if (!c.cipherSuites().isEmpty()) {
      setExcludeCipherSuites();
      setIncludeCipherSuites(cipherSuites(c.cipherSuites()));
    }
    setUseCipherSuitesOrder(c.preferServerCipherSuites());
    this.config = c;
  }

  private void clientAuth(WebConfig.Tls c) {
    boolean hasCa = c.clientCaFile().isPresent() || c.clientCa().isPresent();
    String type = c.clientAuthType();
    if (hasCa && (type.isEmpty() || type.equals("NoClientCert"))) {
      throw new WebConfigException("client CA's have been configured without a Client Auth Policy");
    }
    boolean verify = verifies(c);
    setNeedClientAuth(
        type.equals("RequireAnyClientCert")
            || type.equals("RequireClientCert")
            || type.equals("RequireAndVerifyClientCert"));
    setWantClientAuth(!type.isEmpty() && !type.equals("NoClientCert"));
    if (hasCa) {
      String pem =
          c.clientCaFile()
              .map(f -> Pem.read(f, "client_ca_file"))
              .orElseGet(() -> c.clientCa().orElseThrow());
      setTrustStore(Pem.trustStore(Pem.certificates(pem, "the client CA")));
    } else if (verify) {
      throw new WebConfigException(
          "client_auth_type " + type + " needs client_ca_file or client_ca");
    }
  }

  private static boolean verifies(WebConfig.Tls c) {
    return c.clientAuthType().equals("VerifyClientCertIfGiven")
        || c.clientAuthType().equals("RequireAndVerifyClientCert");
  }

  private static String[] protocols(WebConfig.Tls c) {
    int min = ORDER.indexOf(c.minVersion());
    int max = ORDER.indexOf(c.maxVersion());
    if (min > max) {
      throw new WebConfigException(
          "min_version " + c.minVersion() + " is above max_version " + c.maxVersion());
    }
    List<String> out = new ArrayList<>();
    for (int i = min; i <= max; i++) {
      out.add(VERSIONS.get(ORDER.get(i)));
    }
    return out.toArray(String[]::new);
  }

  private static String[] cipherSuites(List<String> names) {
    List<String> supported;
    try {
      supported =
          Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
    List<String> out = new ArrayList<>();
    for (String n : names) {
      // Go also accepts the ChaCha20 suites without their "_SHA256" suffix; Java needs it.
      String javaName = n.endsWith("CHACHA20_POLY1305") ? n + "_SHA256" : n;
      if (!supported.contains(javaName)) {
        throw new WebConfigException("unknown cipher: " + n);
      }
      out.add(javaName);
    }
    for (String tls13 :
        List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256")) {
      if (supported.contains(tls13) && !out.contains(tls13)) {
        out.add(tls13);
      }
    }
    return out.toArray(String[]::new);
  }

  @Override
  public SSLParameters customize(SSLParameters params) {
    SSLParameters p = super.customize(params);
    WebConfig.Tls c = config;
    if (c != null && !c.curvePreferences().isEmpty()) {
      p.setNamedGroups(c.curvePreferences().stream().map(CURVES::get).toArray(String[]::new));
    }
    return p;
  }

  @Override
  protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls)
      throws Exception {
    WebConfig.Tls c = config;
    // Go's RequestClientCert and RequireAnyClientCert take any certificate without verifying it.
    TrustManager[] managers =
        c != null && !verifies(c)
            ? new TrustManager[] {new SanCheck(null, List.of())}
            : super.getTrustManagers(trustStore, crls);
    List<String> sans = c == null ? List.of() : c.clientAllowedSans();
    if (managers == null || sans.isEmpty()) {
      return managers;
    }
    TrustManager[] wrapped = new TrustManager[managers.length];
    for (int i = 0; i < managers.length; i++) {
      wrapped[i] =
          managers[i] instanceof X509ExtendedTrustManager x ? new SanCheck(x, sans) : managers[i];
    }
    return wrapped;
  }

  /**
   * {@code client_allowed_sans}: a client certificate must carry one of these SANs exactly. A null
   * delegate trusts every certificate; an empty list checks no SAN.
   */
  private static final class SanCheck extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final List<String> allowed;

    SanCheck(X509ExtendedTrustManager delegate, List<String> allowed) {
      this.delegate = delegate;
      this.allowed = allowed;
    }

    private void checkSans(X509Certificate[] chain) throws CertificateException {
      if (allowed.isEmpty()) {
        return;
      }
      try {
        Collection<List<?>> sans = chain[0].getSubjectAlternativeNames();
        if (sans != null) {
          for (List<?> san : sans) {
            if (allowed.contains(String.valueOf(san.get(1)))) {
              return;
            }
          }
        }
      } catch (CertificateParsingException e) {
        throw new CertificateException("error parsing client certificate: " + e.getMessage(), e);
      }
      throw new CertificateException(
          "could not find allowed SANs in client cert, found: " + allowed);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s)
        throws CertificateException {
      if (delegate != null) {
        delegate.checkClientTrusted(chain, authType, s);
      }
      checkSans(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e)
        throws CertificateException {
      if (delegate != null) {
        delegate.checkClientTrusted(chain, authType, e);
      }
      checkSans(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      if (delegate != null) {
        delegate.checkClientTrusted(chain, authType);
      }
      checkSans(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s)
        throws CertificateException {
      if (delegate != null) {
        delegate.checkServerTrusted(chain, authType, s);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e)
        throws CertificateException {
      if (delegate != null) {
        delegate.checkServerTrusted(chain, authType, e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      if (delegate != null) {
        delegate.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
    }
  }
}
