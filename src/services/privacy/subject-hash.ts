import { createHmac } from "node:crypto";

/** Addresses compare case-insensitively; phone numbers by their digits, +44 and 0 alike. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("44") ? `0${digits.slice(2)}` : digits;
}

/** A keyed hash naming a person without holding their address; the pepper never leaves config. */
export function subjectHash(kind: "email" | "phone", value: string, pepper: string): string {
  const normalised = kind === "email" ? normaliseEmail(value) : normalisePhone(value);
  return createHmac("sha256", pepper).update(`subject:${kind}:${normalised}`).digest("base64url");
}
