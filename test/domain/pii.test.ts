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

describe("maskPersonalData masks payment cards, NHS numbers, bank details, dates of birth and names", () => {
  test.each([
    // payment card numbers (Luhn-valid)
    ["my card 4111 1111 1111 1111 was charged twice", "my card [card number] was charged twice"],
    ["card no. 4111-1111-1111-1111", "card no. [card number]"],
    ["5555555555554444", "[card number]"],
    ["Amex 3782 822463 10005 please refund", "Amex [card number] please refund"],
    ["ref 1234 then card 4111 1111 1111 1111", "ref 1234 then card [card number]"],
    // NHS numbers (modulus 11)
    ["NHS number 943 476 5919", "NHS number [NHS number]"],
    ["my nhs no is 4010232137", "my nhs no is [NHS number]"],
    ["450-557-7104 is on my letter", "[NHS number] is on my letter"],
    // bank details
    ["sort code 12-34-56 account number 12345678", "sort code [sort code] account number [account number]"],
    ["Sort code: 123456, acc no 1234 5678", "Sort code: [sort code], acc no [account number]"],
    ["paid into 20-00-00 43759217 last week", "paid into [sort code] [account number] last week"],
    ["my bank account number is 87654321", "my bank account number is [account number]"],
    ["a/c 55779911 s/c 40-11-62", "a/c [account number] s/c [sort code]"],
    // dates of birth
    ["DOB 12/03/1958", "DOB [date of birth]"],
    ["d.o.b: 3.7.62", "d.o.b: [date of birth]"],
    ["my date of birth is 1958-03-12", "my date of birth is [date of birth]"],
    ["I was born on 3rd of March 1950 and", "I was born on [date of birth] and"],
    ["born March 3, 1950", "born [date of birth]"],
    ["dyddiad geni 12/03/1958", "dyddiad geni [date of birth]"],
    ["data urodzenia: 12.03.1958", "data urodzenia: [date of birth]"],
    ["urodziłam się 12 marca 1958", "urodziłam się [date of birth]"],
    ["nasci em 12 de março de 1958", "nasci em [date of birth]"],
    ["تاريخ الميلاد 12/03/1958", "تاريخ الميلاد [date of birth]"],
    // names given by the customer
    ["Hello, my name is Margaret Thompson and I waited an hour", "Hello, my name is [name] and I waited an hour"],
    ["My name's O'Brien.", "My name's [name]."],
    ["I am Sarah, the tenant at number 4", "I am [name], the tenant at number 4"],
    ["I'm John Smith from flat 2", "I'm [name] from flat 2"],
    ["I am Very unhappy", "I am Very unhappy"],
    ["Fy enw i yw Siân Roberts", "Fy enw i yw [name]"],
    ["fi yw Dafydd", "fi yw [name]"],
    ["Nazywam się Łukasz Nowak i czekałem", "Nazywam się [name] i czekałem"],
    ["Jestem Anna, mieszkam tutaj", "Jestem [name], mieszkam tutaj"],
    ["O meu nome é João Silva", "O meu nome é [name]"],
    ["Eu sou a Maria e esperei", "Eu sou a [name] e esperei"],
    ["اسمي أحمد وأنا غاضب", "اسمي [name] وأنا غاضب"],
  ])("%j -> %j", (input, output) => {
    expect(maskPersonalData(input)).toBe(output);
  });
});

describe("maskPersonalData leaves look-alikes alone", () => {
  test.each([
    "ref 1234 5678", // not a card: far too short
    "4111 1111 1111 1112", // card-shaped, fails the Luhn check
    "order 1234 5678 9012 3456 7", // no run of whole groups inside passes the check
    "1234567890", // ten digits failing the NHS check
    "943 476 5910", // NHS-shaped, wrong check digit
    "it happened on 12-03-25 at the depot", // a date, not a sort code
    "reference 12345678", // eight digits without a bank cue
    "Council Tax account 12345678 was wrong", // an account, but not a bank account number
    "on 12/03/2025 at 10:30", // a date with no birth cue
    "the baby was born", // a cue with no date
    "I am very unhappy",
    "I am not happy with the service",
    "I AM VERY UNHAPPY",
    "I am British and I am Disabled",
    "I'm Not impressed",
    "my name is not on the list",
    "Jestem bardzo zadowolony",
    "Jestem Polakiem",
    "Eu sou muito grato",
    "أنا غاضب جدا", // "I am very angry": no capitals in Arabic to tell a name
    "Alice was very helpful", // staff named in feedback stay
  ])("%j", (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });
});
