import { describe, expect, test } from "vitest";
import { maskPersonalData } from "../../src/domain/pii";

describe("maskPersonalData masks", () => {
  test.each([
    // emails
    ["email me at jane.doe+council@example.co.uk please", "email me at [email] please"],
    ["J.O'Brien@gov.je", "[email]"],
    ["contact: BOB_99@Mail.Example.com.", "contact: [email]."],
    // mobiles
    ["07700 900123", "[phone]"],
    ["07700900123", "[phone]"],
    ["07700-900-123", "[phone]"],
    ["07700 900 123", "[phone]"],
    ["+44 7700 900123", "[phone]"],
    ["+447700900123", "[phone]"],
    ["0044 7700 900123", "[phone]"],
    ["+44 (0)7700 900123", "[phone]"],
    ["+44 07700 900123", "[phone]"],
    // landlines and non-geographic numbers
    ["+44 (0)1534 447320", "[phone]"],
    ["(01534) 447320", "[phone]"],
    ["020 7946 0018", "[phone]"],
    ["(020) 7946 0018", "[phone]"],
    ["0161 496 0000", "[phone]"],
    ["0161-496-0000", "[phone]"],
    ["0161.496.0000", "[phone]"],
    ["01632 960001", "[phone]"],
    ["0300 123 4567", "[phone]"],
    ["0800 123 456", "[phone]"], // ten-digit freephone
    // numbers next to ordinary numbers and text
    ["call me on 07700 900123 in 2 weeks", "call me on [phone] in 2 weeks"],
    ["ref 12345 07700900123", "ref 12345 [phone]"],
    ["07700 900123 or 07700 900456", "[phone] or [phone]"],
    ["my number is 07700900123.", "my number is [phone]."],
    // postcodes
    ["SW1A 1AA", "[postcode]"],
    ["JE4 8PE", "[postcode]"],
    ["m1 1ae", "[postcode]"],
    ["EC1A1BB", "[postcode]"],
    ["W1A 0AX", "[postcode]"],
    ["B33 8TH", "[postcode]"],
    ["CR2 6XH", "[postcode]"],
    ["DN55 1PT", "[postcode]"],
    ["GIR 0AA", "[postcode]"],
    ["I live at 10 Downing St, London SW1A 2AA.", "I live at 10 Downing St, London [postcode]."],
    // National Insurance numbers
    ["QQ 12 34 56 C", "[NI number]"],
    ["AB123456C", "[NI number]"],
    ["ab123456c", "[NI number]"],
    ["QQ123456C", "[NI number]"],
    ["AB 123456 C", "[NI number]"],
    ["AB-12-34-56-D", "[NI number]"],
    ["my NI is JG 10 37 59", "my NI is [NI number]"], // no suffix, written the NI way, valid prefix
    ["NI: JG103759A, postcode m1 1ae, tel 07700 900123, j@x.org", "NI: [NI number], postcode [postcode], tel [phone], [email]"],
  ])("%j -> %j", (input, output) => {
    expect(maskPersonalData(input)).toBe(output);
  });
});

describe("maskPersonalData leaves ordinary text alone", () => {
  test.each([
    "It took 3 days to get a reply",
    "I paid £45.50 and then £1,250",
    "2 weeks later nothing",
    "ref 12345",
    "case number 123456",
    "Council Tax account CT123456", // a reference, not an NI number without its suffix
    "QQ 12 34 56", // no suffix and not a prefix HMRC issues
    "my reference is 123456 a week ago", // a word before a number is not an NI prefix
    "on 12/03/2025 at 10:30",
    "on 12.03.2025 at 10.30",
    "2025-03-12",
    "01 02 2025",
    "between 9 and 5, 0.5 miles away",
    "I rang 101 and then 999",
    "Room B2 3rd floor",
    "block c1 2nd floor",
    "The M25 and the A1 were closed",
    "I am 45 years old with 2 kids",
    "12345678901",
    "tweet @CouncilHelp",
    "",
  ])("%j", (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });
});
