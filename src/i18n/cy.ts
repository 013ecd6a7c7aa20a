import type { Messages } from "./types";

export const cy: Messages = {
  locale: "cy-GB",
  languageName: "Cymraeg",
  questions: {
    csat: {
      text: "At ei gilydd, pa mor fodlon oeddech chi â’r help a roesom i chi?",
      labels: { 1: "Anfodlon iawn", 2: "Anfodlon", 3: "Ddim yn fodlon nac yn anfodlon", 4: "Bodlon", 5: "Bodlon iawn" },
    },
    ces: {
      text: (org) => `Gwnaeth ${org} hi’n hawdd i mi gael yr help yr oedd ei angen arnaf.`,
      labels: {
        1: "Anghytuno’n gryf",
        2: "Anghytuno",
        3: "Anghytuno rhywfaint",
        4: "Ddim yn cytuno nac yn anghytuno",
        5: "Cytuno rhywfaint",
        6: "Cytuno",
        7: "Cytuno’n gryf",
      },
    },
    csi: {
      text: "Sut oedd delio â ni yn gwneud i chi deimlo?",
      labels: { 1: "Anhapus iawn", 2: "Anhapus", 3: "Ddim yn hapus nac yn anhapus", 4: "Hapus", 5: "Hapus iawn" },
    },
    fcr: { text: "A gafodd eich ymholiad ei ddatrys yn llwyr?", labels: { yes: "Do", partly: "Yn rhannol", no: "Naddo" } },
    comment: {
      text: "Oes unrhyw beth arall yr hoffech ei ddweud wrthym?",
      hint: "Peidiwch â chynnwys manylion personol fel eich rhif ffôn, eich cyfeiriad e-bost na’ch cyfeiriad cartref.",
    },
  },
  page: {
    title: "Dywedwch wrthym sut hwyl gawson ni",
    intro: "Mae’n cymryd tua munud. Gallwch hepgor unrhyw gwestiwn.",
    optional: "(dewisol)",
    chosen: (label) => `Fe ddewisoch chi “${label}”. Atebwch y cwestiynau eraill os hoffech chi, yna anfonwch eich atebion i gadarnhau.`,
    submit: "Anfon fy atebion",
    saveChanges: "Cadw fy newidiadau",
    languageLabel: "Iaith",
    charactersLeft: (max) => `Gallwch ysgrifennu hyd at ${max} o nodau.`,
  },
  thanks: {
    title: "Diolch am eich adborth",
    body: "Mae eich atebion wedi’u cadw. Rydym yn darllen pob sylw ac yn eu defnyddio i wella ein gwasanaethau.",
    changeUntil: (date) => `Gallwch newid eich atebion tan ${date}.`,
    changeLink: "Newid fy atebion",
  },
  edit: {
    title: "Newid eich atebion",
    intro: (date) => `Dyma’r atebion a roesoch chi. Gallwch eu newid tan ${date}.`,
    closed: "Diolch, mae eich atebion gennym eisoes. Nid oes modd eu newid mwyach.",
  },
  errors: {
    summaryTitle: "Mae problem",
    csat: "Dewiswch un o’r pum ateb am ba mor fodlon oeddech chi",
    ces: "Dewiswch un o’r saith ateb am ba mor hawdd oedd hi",
    csi: "Dewiswch un o’r pum ateb am sut oeddech chi’n teimlo",
    fcr: "Dewiswch do, yn rhannol neu naddo",
    commentTooLong: (max) => `Rhaid i’ch sylw fod yn ${max} o nodau neu lai`,
    nothingAnswered: "Atebwch o leiaf un cwestiwn neu gadewch sylw",
    formExpiredTitle: "Mae’r ffurflen hon wedi dod i ben",
    formExpiredBody: "Er eich diogelwch, mae ffurflenni’n peidio â gweithio ar ôl ychydig. Agorwch y ddolen eto ac anfonwch eich atebion.",
    automatedTitle: "Ni chofnodwyd y sgôr hwn",
    automatedBody: "Roedd yn edrych fel pe bai wedi’i anfon gan raglen awtomatig, fel gwiriwr dolenni, felly ni chafodd ei gyfrif. Os oeddech am ein sgorio, agorwch y ddolen yn eich porwr gwe a phwyso Cadarnhau.",
    tooManyTitle: "Gormod o geisiadau",
    tooManyBody: "Arhoswch funud a rhowch gynnig arall arni.",
    titlePrefix: "Gwall: ",
  },
  link: {
    invalidTitle: "Nid yw’r ddolen hon yn ddilys mwyach",
    invalidBody:
      "Efallai nad yw’r ddolen yn gyflawn, neu efallai ei bod wedi cael ei disodli. Os hoffech roi adborth, defnyddiwch y ddolen yn y neges ddiweddaraf a anfonwyd atoch.",
    expiredTitle: "Mae’r ddolen hon wedi dod i ben",
    expiredBody: "Dim ond am gyfnod penodol ar ôl i chi gysylltu â ni y mae dolenni arolwg yn gweithio. Diolch am fod eisiau rhoi adborth i ni.",
  },
};
