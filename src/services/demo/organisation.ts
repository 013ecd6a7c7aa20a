/**
 * The demonstration council: 4 departments, 12 teams, 8 services, 60 staff, and the story
 * each team's figures tell over the year (see story.ts). Codes are stable so a demo database
 * can be addressed through the API like a real one.
 */
import type { Channel } from "../../schemas/common";

export const DEMO_DEPARTMENTS = [
  { code: "CUSTOMER", name: "Customer Services" },
  { code: "REVENUES", name: "Revenues and Benefits" },
  { code: "PLACE", name: "Environment and Place" },
  { code: "HOUSING", name: "Housing and Communities" },
] as const;

/**
 * Targets a council might set, so the Overview and the quarterly report show green, amber and
 * red from the start: CSAT 85% and FCR 60% are a public transport operator's published policy;
 * Revenues and Benefits has its own, lower CSAT target while its Benefits team recovers.
 */
export const DEMO_TARGETS = [
  { code: "csat-85", measure: "csat", value: 85 },
  { code: "ces-mean-5-5", measure: "ces_mean", value: 5.5 },
  { code: "csi-index-75", measure: "csi_index", value: 75 },
  { code: "fcr-60", measure: "fcr", value: 60 },
  { code: "response-rate-15", measure: "response_rate", value: 15 },
  { code: "revenues-csat-75", measure: "csat", value: 75, department: "REVENUES" },
] as const;

export const DEMO_SERVICES = [
  { code: "council-tax", name: "Council Tax" },
  { code: "waste", name: "Waste and Recycling" },
  { code: "highways", name: "Highways" },
  { code: "benefits", name: "Benefits" },
  { code: "housing", name: "Housing" },
  { code: "parking", name: "Parking" },
  { code: "libraries", name: "Libraries" },
  { code: "planning", name: "Planning" },
] as const;
export type DemoServiceCode = (typeof DEMO_SERVICES)[number]["code"];

export type DemoTeam = {
  code: string;
  name: string;
  department: (typeof DEMO_DEPARTMENTS)[number]["code"];
  /** Relative number of contacts. */
  volume: number;
  /** Which services the team's contacts are about, with weights. */
  services: Partial<Record<DemoServiceCode, number>>;
  channels: Partial<Record<Channel, number>>;
  /** Latent satisfaction (0–1) at the start of the year, and its change by the year's end. */
  quality: number;
  trend: number;
  /** Share of contacts in community languages (Welsh, Polish, Portuguese, Arabic). */
  otherLanguages: number;
};

const BACK_OFFICE = { email: 0.45, phone: 0.35, letter: 0.15, web_chat: 0.05 };

export const DEMO_TEAMS: DemoTeam[] = [
  {
    code: "CC-GENERAL",
    name: "Contact Centre: General Enquiries",
    department: "CUSTOMER",
    volume: 20,
    services: { waste: 3, highways: 2, parking: 2, "council-tax": 2, housing: 1, benefits: 1, libraries: 1, planning: 1 },
    channels: { phone: 0.72, web_chat: 0.22, email: 0.06 },
    quality: 0.76,
    trend: 0,
    otherLanguages: 0.08,
  },
  {
    code: "CC-REVENUES",
    name: "Contact Centre: Revenues Line",
    department: "CUSTOMER",
    volume: 12,
    services: { "council-tax": 7, benefits: 3 },
    channels: { phone: 0.8, web_chat: 0.15, email: 0.05 },
    quality: 0.74,
    trend: 0,
    otherLanguages: 0.08,
  },
  {
    code: "HUB",
    name: "Customer Service Centre",
    department: "CUSTOMER",
    volume: 8,
    services: { benefits: 3, housing: 3, "council-tax": 2, parking: 1 },
    channels: { face_to_face: 0.9, phone: 0.1 },
    quality: 0.84,
    trend: 0,
    otherLanguages: 0.18,
  },
  {
    code: "COUNCIL-TAX",
    name: "Council Tax",
    department: "REVENUES",
    volume: 8,
    services: { "council-tax": 1 },
    channels: BACK_OFFICE,
    quality: 0.73,
    trend: 0,
    otherLanguages: 0.06,
  },
  {
    // The story: a new assessment process beds in and the team improves all year.
    code: "BENEFITS",
    name: "Benefits Assessment",
    department: "REVENUES",
    volume: 9,
    services: { benefits: 1 },
    channels: BACK_OFFICE,
    quality: 0.58,
    trend: 0.28,
    otherLanguages: 0.12,
  },
  {
    code: "WASTE",
    name: "Waste and Recycling",
    department: "PLACE",
    volume: 10,
    services: { waste: 1 },
    channels: { phone: 0.45, email: 0.3, web_chat: 0.2, letter: 0.05 },
    quality: 0.77,
    trend: 0,
    otherLanguages: 0.06,
  },
  {
    // The story: a new online reporting portal goes wrong and satisfaction slides.
    code: "HIGHWAYS",
    name: "Highways and Street Care",
    department: "PLACE",
    volume: 6,
    services: { highways: 1 },
    channels: { email: 0.45, phone: 0.3, web_chat: 0.2, letter: 0.05 },
    quality: 0.86,
    trend: -0.24,
    otherLanguages: 0.05,
  },
  {
    code: "PARKING",
    name: "Parking Services",
    department: "PLACE",
    volume: 6,
    services: { parking: 1 },
    channels: BACK_OFFICE,
    quality: 0.66,
    trend: 0,
    otherLanguages: 0.06,
  },
  {
    code: "PLANNING",
    name: "Planning and Building Control",
    department: "PLACE",
    volume: 4,
    services: { planning: 1 },
    channels: { email: 0.6, phone: 0.25, letter: 0.15 },
    quality: 0.71,
    trend: 0,
    otherLanguages: 0.04,
  },
  {
    code: "HOUSING-OPTIONS",
    name: "Housing Options",
    department: "HOUSING",
    volume: 6,
    services: { housing: 1 },
    channels: { phone: 0.45, face_to_face: 0.3, email: 0.2, letter: 0.05 },
    quality: 0.7,
    trend: 0,
    otherLanguages: 0.2,
  },
  {
    code: "HOUSING-REPAIRS",
    name: "Housing Repairs",
    department: "HOUSING",
    volume: 7,
    services: { housing: 1 },
    channels: { phone: 0.6, email: 0.2, web_chat: 0.15, letter: 0.05 },
    quality: 0.63,
    trend: 0,
    otherLanguages: 0.12,
  },
  {
    code: "LIBRARIES",
    name: "Libraries",
    department: "HOUSING",
    volume: 4,
    services: { libraries: 1 },
    channels: { face_to_face: 0.7, email: 0.2, phone: 0.1 },
    quality: 0.92,
    trend: 0,
    otherLanguages: 0.08,
  },
];

export const STAFF_PER_TEAM = 5;

const FIRST_NAMES = [
  "Amy",
  "Ben",
  "Carys",
  "Dafydd",
  "Emma",
  "Faisal",
  "Gareth",
  "Hannah",
  "Imran",
  "Jess",
  "Kasia",
  "Liam",
  "Megan",
  "Nia",
  "Owen",
  "Priya",
  "Rhys",
  "Sophie",
  "Tomasz",
  "Uzma",
  "Vicky",
  "Will",
  "Yasmin",
  "Zoe",
  "Aled",
  "Bethan",
  "Chloe",
  "Daniel",
  "Ellie",
  "Fatima",
  "George",
  "Harriet",
  "Ioan",
  "Joanna",
  "Kieran",
  "Lowri",
  "Marek",
  "Nadia",
  "Oliver",
  "Paula",
];
const LAST_NAMES = [
  "Jones",
  "Williams",
  "Davies",
  "Evans",
  "Thomas",
  "Roberts",
  "Hughes",
  "Lewis",
  "Morgan",
  "Griffiths",
  "Price",
  "Khan",
  "Nowak",
  "Silva",
  "Patel",
  "Edwards",
  "Walker",
  "Taylor",
  "Wright",
  "Hassan",
  "Owen",
  "Phillips",
  "Kowalski",
  "Ahmed",
];

/** Sixty distinct names, the same for every seed (the seed changes what they are rated). */
export function demoStaffNames(count: number): { code: string; name: string; email: string }[] {
  const out: { code: string; name: string; email: string }[] = [];
  const used = new Set<string>();
  for (let i = 0; out.length < count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length]!;
    const code = `${first}.${last}`.toLowerCase();
    if (used.has(code)) continue;
    used.add(code);
    out.push({ code, name: `${first} ${last}`, email: `${code}@council.example` });
  }
  return out;
}
