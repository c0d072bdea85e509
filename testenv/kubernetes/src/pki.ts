// Key material: the service-account signing key pair (node:crypto) and random
// bearer tokens. The API server's serving certificate is self-signed by
// kube-apiserver itself (--cert-dir), and we read its CA back afterwards.
import { generateKeyPairSync, randomBytes } from "node:crypto";

export function serviceAccountKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

export function randomToken(): string {
  return randomBytes(24).toString("hex");
}
