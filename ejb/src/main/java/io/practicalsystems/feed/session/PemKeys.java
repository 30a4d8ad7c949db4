package io.practicalsystems.feed.session;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys as PEM text, the form OpenSSL writes and Liberty's mpJwt reads ({@code mp.jwt.verify.publickey.location}):
 * a private key as PKCS#8 ({@code BEGIN PRIVATE KEY}), a public key as X.509 SubjectPublicKeyInfo
 * ({@code BEGIN PUBLIC KEY}). {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048} and
 * {@code openssl pkey -pubout} write exactly these.
 */
final class PemKeys {

    static final String PRIVATE_LABEL = "PRIVATE KEY";
    static final String PUBLIC_LABEL = "PUBLIC KEY";

    private PemKeys() {
    }

    static String privateKeyPem(RSAPrivateCrtKey key) {
        return pem(PRIVATE_LABEL, key.getEncoded());
    }

    static String publicKeyPem(RSAPublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    /** Reads a PKCS#8 RSA private key; {@link IllegalArgumentException} saying what is wrong otherwise. */
    static RSAPrivateCrtKey readPrivateKey(String pem) {
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE_LABEL, pem)))
                    instanceof RSAPrivateCrtKey key) {
                return key;
            }
            throw new IllegalArgumentException("not an RSA private key with its CRT parameters (PKCS#8)");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key: " + e.getMessage(), e);
        }
    }

    /** Reads an X.509 SubjectPublicKeyInfo RSA public key; {@link IllegalArgumentException} otherwise. */
    static RSAPublicKey readPublicKey(String pem) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    der(PUBLIC_LABEL, pem)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 RSA public key: " + e.getMessage(), e);
        }
    }

    /** The public half of a private key (a PKCS#8 RSA key carries the modulus and the public exponent). */
    static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(),
                    key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String label, String pem) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no '" + begin + "' … '" + end + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + label + " block is not Base64", e);
        }
    }

    /** Whether two public keys are the same key. */
    static boolean same(RSAPublicKey a, RSAPublicKey b) {
        return a.getModulus().equals(b.getModulus()) && a.getPublicExponent().equals(b.getPublicExponent());
    }
}
