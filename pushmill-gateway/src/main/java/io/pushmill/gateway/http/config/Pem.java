package io.pushmill.gateway.http.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM certificates and keys as Go's {@code tls.X509KeyPair} reads them (certificate chains; PKCS#8,
 * PKCS#1 RSA and SEC1 EC private keys), turned into the in-memory key stores Jetty needs.
 */
final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
  private static final byte[] RSA_OID = {
    0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 1, 1, 1
  };
  private static final byte[] EC_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 2, 1};

  private record Block(String type, byte[] der) {}

  private Pem() {}

  static List<X509Certificate> certificates(String pem, String what) {
    List<X509Certificate> certs = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Block b : blocks(pem)) {
        if (b.type.equals("CERTIFICATE")) {
          certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der)));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new WebConfigException("failed to load " + what + ": not a valid certificate", e);
    }
    if (certs.isEmpty()) {
      throw new WebConfigException("failed to load " + what + ": no certificate PEM data found");
    }
    return certs;
  }

  static PrivateKey privateKey(String pem) {
    for (Block b : blocks(pem)) {
      byte[] pkcs8 =
          switch (b.type) {
            case "PRIVATE KEY" -> b.der;
            case "RSA PRIVATE KEY" -> Der.pkcs8(Der.sequence(Der.oid(RSA_OID), Der.NULL), b.der);
            case "EC PRIVATE KEY" ->
                Der.pkcs8(Der.sequence(Der.oid(EC_OID), Der.sec1Curve(b.der)), b.der);
            case "ENCRYPTED PRIVATE KEY" ->
                throw new WebConfigException(
                    "failed to load the key: encrypted keys are not supported");
            default -> null;
          };
      if (pkcs8 != null) {
        return decode(pkcs8);
      }
    }
    throw new WebConfigException("failed to load the key: no private key PEM data found");
  }

  private static PrivateKey decode(byte[] pkcs8) {
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new WebConfigException("failed to load the key: unsupported private key");
  }

  /** A key store holding the key with its chain, after checking that they belong together. */
  static KeyStore keyStore(List<X509Certificate> chain, PrivateKey key, char[] password) {
    matches(chain.getFirst(), key);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("gateway", key, password, chain.toArray(new Certificate[0]));
      return ks;
    } catch (Exception e) {
      throw new WebConfigException("failed to load X509KeyPair: " + e.getMessage(), e);
    }
  }

  /** A trust store holding these certificates. */
  static KeyStore trustStore(List<X509Certificate> cas) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < cas.size(); i++) {
        ks.setCertificateEntry("ca" + i, cas.get(i));
      }
      return ks;
    } catch (Exception e) {
      throw new WebConfigException("failed to load the client CA: " + e.getMessage(), e);
    }
  }

  private static void matches(X509Certificate cert, PrivateKey key) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm();
        };
    try {
      byte[] data = new byte[32];
      new SecureRandom().nextBytes(data);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(data);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(data);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // fall through: the key cannot sign for this certificate
    }
    throw new WebConfigException(
        "failed to load X509KeyPair: private key does not match public key");
  }

  private static List<Block> blocks(String pem) {
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      String body = m.group(2).replaceAll("(?m)^[A-Za-z-]+:.*$", "").replaceAll("\\s", "");
      try {
        blocks.add(new Block(m.group(1), Base64.getDecoder().decode(body)));
      } catch (IllegalArgumentException e) {
        throw new WebConfigException("a PEM block of type " + m.group(1) + " is not valid base64");
      }
    }
    return blocks;
  }

  /** Just enough DER to wrap PKCS#1 and SEC1 keys into PKCS#8. */
  static final class Der {
    static final byte[] NULL = {0x05, 0x00};

    private Der() {}

    static byte[] pkcs8(byte[] algorithm, byte[] key) {
      return sequence(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key));
    }

    static byte[] sequence(byte[]... parts) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] p : parts) {
        out.writeBytes(p);
      }
      return tlv(0x30, out.toByteArray());
    }

    static byte[] oid(byte[] content) {
      return tlv(0x06, content);
    }

    /** The named-curve OID in a SEC1 key's {@code [0]} parameters, as a whole TLV. */
    static byte[] sec1Curve(byte[] sec1) {
      int[] seq = header(sec1, 0);
      int pos = seq[1];
      int end = seq[1] + seq[2];
      while (pos < end) {
        int[] h = header(sec1, pos);
        if ((sec1[pos] & 0xff) == 0xa0) {
          int[] inner = header(sec1, h[1]);
          byte[] out = new byte[inner[1] + inner[2] - h[1]];
          System.arraycopy(sec1, h[1], out, 0, out.length);
          return out;
        }
        pos = h[1] + h[2];
      }
      throw new WebConfigException("failed to load the key: the EC key names no curve");
    }

    /** {tag, content offset, content length} of the TLV at {@code pos}. */
    private static int[] header(byte[] d, int pos) {
      int len = d[pos + 1] & 0xff;
      int off = pos + 2;
      if (len > 0x80) {
        int n = len & 0x7f;
        len = 0;
        for (int i = 0; i < n; i++) {
          len = (len << 8) | (d[off + i] & 0xff);
        }
        off += n;
      }
      return new int[] {d[pos] & 0xff, off, len};
    }

    private static byte[] tlv(int tag, byte[] content) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
      out.write(tag);
      int len = content.length;
      if (len < 0x80) {
        out.write(len);
      } else if (len < 0x100) {
        out.write(0x81);
        out.write(len);
      } else if (len < 0x10000) {
        out.write(0x82);
        out.write(len >> 8);
        out.write(len);
      } else {
        out.write(0x83);
        out.write(len >> 16);
        out.write(len >> 8);
        out.write(len);
      }
      out.writeBytes(content);
      return out.toByteArray();
    }
  }

  static String read(java.nio.file.Path file, String what) {
    try {
      return java.nio.file.Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (java.io.IOException e) {
      throw new WebConfigException(
          "failed to read " + what + " (" + file + "): " + e.getMessage(), e);
    }
  }
}
