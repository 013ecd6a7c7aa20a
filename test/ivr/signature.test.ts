import twilio from "twilio";
import { describe, expect, it, test } from "vitest";
import { candidateUrls, twilioSignature, verifiedUrl } from "../../src/ivr/signature";

const TOKEN = "12345";

describe("twilioSignature matches the twilio package", () => {
  test.each<[string, string, Record<string, string | string[]>]>([
    // Twilio's documented example: https://www.twilio.com/docs/usage/security
    [
      "docs example",
      "https://mycompany.com/myapp.php?foo=1&bar=2",
      { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" },
    ],
    ["no parameters", "https://example.org/ivr/twilio/voice?team=CONTACT", {}],
    ["unicode and symbols", "https://example.org/x?lang=cy", { TranscriptionText: "Diolch — £45 & <great> “help”", Digits: "#" }],
    ["a repeated name", "https://example.org/x", { Tag: ["b", "a", "b"], CallSid: "CA1" }],
    ["empty value", "https://example.org/x", { Digits: "" }],
  ])("%s", (_name, url, params) => {
    expect(twilioSignature(TOKEN, url, params)).toBe(twilio.getExpectedTwilioSignature(TOKEN, url, params));
  });

  it("reproduces the signature in Twilio's documentation", () => {
    const params = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" };
    expect(twilioSignature(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=2", params)).toBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  });
});

describe("candidateUrls and verifiedUrl", () => {
  it("tries the public base URL first, then the URL as received, each with and without the default port", () => {
    expect(candidateUrls("http://10.0.0.5:3000/ivr/twilio/voice?team=A", "https://survey.example/fb")).toEqual([
      "https://survey.example/fb/ivr/twilio/voice?team=A",
      "https://survey.example:443/fb/ivr/twilio/voice?team=A",
      "http://10.0.0.5:3000/ivr/twilio/voice?team=A",
    ]);
    expect(candidateUrls("https://survey.example:443/ivr/twilio/voice", undefined)).toEqual([
      "https://survey.example:443/ivr/twilio/voice",
      "https://survey.example/ivr/twilio/voice",
    ]);
  });

  it("returns the URL that was signed, and null for anything else", () => {
    const params = { CallSid: "CA1", Digits: "3" };
    const urls = candidateUrls("http://10.0.0.5:3000/ivr/twilio/answer?seq=2&q=csat&f=0", "https://survey.example");
    const signedPublic = twilio.getExpectedTwilioSignature(TOKEN, "https://survey.example:443/ivr/twilio/answer?seq=2&q=csat&f=0", params);
    expect(verifiedUrl(TOKEN, signedPublic, urls, params)).toBe("https://survey.example:443/ivr/twilio/answer?seq=2&q=csat&f=0");
    expect(verifiedUrl(TOKEN, signedPublic, urls, { ...params, Digits: "4" })).toBeNull();
    expect(verifiedUrl("another-token", signedPublic, urls, params)).toBeNull();
    expect(verifiedUrl(TOKEN, undefined, urls, params)).toBeNull();
    expect(verifiedUrl(TOKEN, signedPublic.slice(0, -2), urls, params)).toBeNull();
  });

  it("agrees with twilio.validateRequest on what is valid", () => {
    const url = "https://survey.example/ivr/twilio/voice?team=CONTACT&lang=en";
    const params = { CallSid: "CA9", From: "+447700900123" };
    const sig = twilioSignature(TOKEN, url, params);
    expect(twilio.validateRequest(TOKEN, sig, url, params)).toBe(true);
    expect(twilio.validateRequest(TOKEN, sig, url, { ...params, From: "+447700900124" })).toBe(false);
  });
});
