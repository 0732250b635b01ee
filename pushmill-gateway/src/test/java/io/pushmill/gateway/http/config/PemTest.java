package io.pushmill.gateway.http.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM keys in the three forms Go reads (PKCS#8, PKCS#1, SEC1) become a usable key store. */
class PemTest {
  private static final byte[] P256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 3, 1, 7};

  @TempDir static Path dir;
  private static TestCertificates.Generated rsa;
  private static TestCertificates.Generated ec;

  @BeforeAll
  static void generate() throws Exception {
    rsa = TestCertificates.generate(dir, "rsa", "RSA", "dns:localhost");
    ec = TestCertificates.generate(dir, "ec", "EC", "dns:localhost");
  }

  @Test
  void a_pkcs8_key_and_its_certificate_make_a_key_store() throws Exception {
    KeyStore ks =
        Pem.keyStore(
            Pem.certificates(Files.readString(rsa.certPem()), "cert"),
            Pem.privateKey(Files.readString(rsa.keyPem())),
            "pw".toCharArray());

    assertThat(ks.getCertificate("gateway")).isEqualTo(rsa.certificate());
    assertThat(ks.getKey("gateway", "pw".toCharArray())).isEqualTo(rsa.key());
  }

  @Test
  void a_pkcs1_rsa_key_is_read() {
    byte[] pkcs1 = innerKey(rsa.key().getEncoded());

    assertThat(Pem.privateKey(TestCertificates.pem("RSA PRIVATE KEY", pkcs1))).isEqualTo(rsa.key());
  }

  @Test
  void a_sec1_ec_key_with_its_curve_is_read() {
    byte[] d = unsigned(((ECPrivateKey) ec.key()).getS(), 32);
    byte[] sec1 = tlv(0x30, concat(new byte[] {2, 1, 1}, tlv(4, d), tlv(0xa0, tlv(6, P256))));

    var key = (ECPrivateKey) Pem.privateKey(TestCertificates.pem("EC PRIVATE KEY", sec1));

    assertThat(key.getS()).isEqualTo(((ECPrivateKey) ec.key()).getS());
    Pem.keyStore(List.of(ec.certificate()), key, "pw".toCharArray());
  }

  @Test
  void a_key_of_another_certificate_is_refused() throws Exception {
    assertThatThrownBy(() -> Pem.keyStore(List.of(rsa.certificate()), ec.key(), "pw".toCharArray()))
        .isInstanceOf(WebConfigException.class)
        .hasMessage("failed to load X509KeyPair: private key does not match public key");
  }

  @Test
  void missing_or_encrypted_pem_data_is_named() {
    assertThatThrownBy(() -> Pem.certificates("nothing here", "the certificate"))
        .hasMessage("failed to load the certificate: no certificate PEM data found");
    assertThatThrownBy(
            () -> Pem.privateKey(TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[] {1})))
        .hasMessage("failed to load the key: encrypted keys are not supported");
    assertThatThrownBy(() -> Pem.privateKey(TestCertificates.pem("CERTIFICATE", new byte[] {1})))
        .hasMessage("failed to load the key: no private key PEM data found");
  }

  /** The OCTET STRING of a PKCS#8 structure: the algorithm-specific key. */
  private static byte[] innerKey(byte[] pkcs8) {
    int pos = skipHeader(pkcs8, 0);
    pos = skip(pkcs8, pos); // version
    pos = skip(pkcs8, pos); // algorithm
    int start = skipHeader(pkcs8, pos);
    return Arrays.copyOfRange(pkcs8, start, skip(pkcs8, pos));
  }

  private static int skipHeader(byte[] d, int pos) {
    int len = d[pos + 1] & 0xff;
    return pos + 2 + (len > 0x80 ? len & 0x7f : 0);
  }

  private static int skip(byte[] d, int pos) {
    int len = d[pos + 1] & 0xff;
    int off = pos + 2;
    if (len > 0x80) {
      int n = len & 0x7f;
      len = new BigInteger(1, Arrays.copyOfRange(d, off, off + n)).intValue();
      off += n;
    }
    return off + len;
  }

  private static byte[] unsigned(BigInteger v, int size) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[size];
    int copy = Math.min(b.length, size);
    System.arraycopy(b, b.length - copy, out, size - copy, copy);
    return out;
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    out.write(content.length);
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
