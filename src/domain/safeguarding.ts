/**
 * Safeguarding: finds a disclosure of suicide or self-harm, abuse, a threat to others, or a child
 * or vulnerable adult at risk in a comment, a phone transcription or a contact request, so that
 * the response opens an urgent case at once (cases.ts). It errs towards a match: a reviewer can
 * dismiss a false alarm, nobody can follow up a missed one.
 *
 * Every language's rules run on every text, whatever the survey's language: a Polish customer
 * may answer an English survey, and a phone transcription has no language at all.
 *
 * Rule syntax, one string per phrase, matched against whole words:
 *   "(kill|killing) myself"   alternatives; they may nest, hold spaces, be empty ("my (own|) life")
 *                             or sit inside a word ("(sa|راح ا)قتلك"); they are expanded once
 *   "suicid*", "*انتحار*"     a word starting, ending or containing the letters (Arabic attaches
 *                             "the", "with", "to" and "will" to the front of a word)
 *   "thought ~ ending it"     up to GAP_WORDS filler words ("thought seriously about ending it");
 *                             a filler is never a negator, a conjunction or punctuation
 * Rules, comments and administrators' phrases are folded the same way (see `tokenise`), so a rule
 * is written as a native speaker writes it: "don't", "llosgi'r", "zabiję się", "أقتل نفسي".
 *
 * A phrase does not match when a negator comes shortly before it in the same clause ("I am not
 * suicidal", "nid wyf am ladd fy hun"), unless the phrase itself is negative ("don't want to
 * live"). It does not match inside a listed idiom ("I nearly killed myself on that kerb"); most
 * idioms ("this bill is killing me") simply have no rule.
 */
import type { Language } from "./languages";

export const SAFEGUARDING_CATEGORIES = ["suicide_self_harm", "abuse", "threat", "at_risk"] as const;
export type SafeguardingCategory = (typeof SAFEGUARDING_CATEGORIES)[number];
export const SAFEGUARDING_LANGUAGES = ["en", "cy", "pl", "pt", "ar"] as const satisfies readonly Language[];
export type SafeguardingLanguage = (typeof SAFEGUARDING_LANGUAGES)[number];
/** `words`: each phrase found, exactly as the customer wrote it, to explain the match. */
export type SafeguardingMatch = { category: SafeguardingCategory; words: string[] };
/** A phrase an administrator adds to the built-in rules; matched literally, as whole words. */
export type ExtraPhrase = { category: SafeguardingCategory; language: string; phrase: string };

type Rules = Record<SafeguardingCategory, readonly string[]>;

// Shared pieces of the English rules.
const EN_WILL = "(i'll|i will|i shall|i'd|i would|going to|gonna|want to|wanna)";
const EN_STAFF = "(staff|(your|the) staff|(that|the) (man|woman|guy|bloke|lady|advisor|adviser|manager|receptionist))";
const EN_VICTIM = `(you|you all|all of you|the lot of you|him|her|them|someone|somebody|anyone|everyone|whoever|${EN_STAFF}|my (wife|husband|partner|neighbour|neighbours|landlord|ex|boss))`;
const EN_ABUSER = "(he|she|they|husband|wife|partner|boyfriend|girlfriend|ex|dad|father|stepdad|stepfather|mum|mother|son|daughter|brother|carer)";
// "left alone" about a son or daughter is as likely an adult on hold: young children only.
const EN_CHILD = "(child|children|kid|kids|baby|babies|toddler|toddlers|little ones|grandchildren)";
const EN_YOUNG = "(child|children|kid|kids|baby|babies|toddler|toddlers|son|daughter|grandson|granddaughter|grandchildren|boy|girl)";
const EN_ELDER =
  "(mother|mum|mom|father|dad|nan|nana|gran|granny|grandmother|grandma|grandfather|grandad|granddad|neighbour|neighbor|aunt|uncle|relative|parents|resident|tenant)";
const EN_ALONE = "(alone|home alone|on (its|their|his|her) own|unattended|unsupervised)";
const EN_HARMED = "(neglected|abused|beaten|starved|groomed|exploited|in danger|at risk|unsafe|starving|not safe|not being fed|not fed)";
// Welsh, Polish, Portuguese and Arabic pieces.
const PL_CHILD = "(dzieci|dziecko|dzieciaki|dzieciak|niemowlę|niemowlak|maluch|maluchy)";
const PT_YOUNG = "(criança|crianças|filho|filha|filhos|filhas|bebê|bebé|menino|menina|meninos|meninas|miúdo|miúdos|neto|neta|netos)";
const PT_ELDER = "(mãe|pai|avó|avô|idoso|idosa|idosos|vizinho|vizinha|tio|tia)";
const AR_WILL = "(سأ|ح|ه|راح أ|رح أ|سوف أ|بدي أ|لأ)";
const AR_YOU = "(ك|كم|ه|ها|هم)";
const AR_CHILDREN = "(الأطفال|أطفال|الأولاد|أولاد|الطفل|طفل|الرضيع|الصغار|أطفالها|أطفاله|أطفالهم|أولادها|أولاده|أولادهم|ابنه|ابنها|ابنتها)";
const AR_ELDER = "(أمي|والدتي|أبي|والدي|جدتي|جدي|المسن|المسنة|المسنين|جاري|جارتي)";

const RULES: Record<SafeguardingLanguage, Rules> = {
  en: {
    suicide_self_harm: [
      "(kill|killing|killed) (myself|meself|my self)",
      "(end|ending|ended|take|taking|took) my (own|) life",
      "(end|ending) it all",
      // "ending it" alone also ends contracts and calls; after a thought it rarely does.
      "(thought|thinking|think|thoughts) ~ ending it",
      "suicid*",
      "(want|wanted|wanting|wish|ready) to die",
      "wanna die",
      "wish (i|i'd) (was|were|had) (dead|died|never been born)",
      "better off (dead|without me)",
      "(don't|do not|no longer) want to (live|be alive)",
      "(don't|do not) want to be here (anymore|any more)",
      "no (reason|point) (to live|in living)",
      "nothing (left|) to live for",
      "(not|isn't) worth living",
      "(can't|cannot) go on (anymore|any more|like this|living)",
      "(harm|harming|harmed) myself",
      // "I hurt myself" or "I cut myself" is usually a fall on a broken pavement; wanting to is not.
      "(want|wanted|urge|urges|tempted|trying|started|thought|thinking|thoughts) ~ (hurt|hurting|cut|cutting|burn|burning) myself",
      "(been|keep|kept) (cutting|burning) myself",
      "self harm*",
      "selfharm*",
      "overdos*",
      "(hang|hanging|hanged) myself",
      "(jump|jumping|throw myself) (off|in front of|under) (a|the) (bridge|train|building|roof|cliff|bus)",
    ],
    abuse: [
      `${EN_ABUSER} ~ (hits|hit|beats|beat|punches|punched|kicks|kicked|slaps|slapped|chokes|choked|strangles|strangled|rapes|raped|assaults|assaulted|abuses|abused|hurts|hurt) me`,
      "domestic (abuse|violence)",
      "(abusive|violent|controlling) (husband|wife|partner|boyfriend|girlfriend|ex|relationship|marriage|father|dad|stepfather|stepdad|mother|mum|son|home)",
      "coercive control*",
      "(i'm|i am|i was|i've been|i have been|we are|we're|we were) (being|) (abused|beaten|assaulted|raped)",
      "(rape|raped|raping|rapes|rapist)",
      "sexual(ly|) (assault|assaulted|abused|abuse)",
      "(scared|afraid|frightened|terrified) (to go|of going) (home|back home)",
      "(scared|afraid|frightened|terrified|fear) of my (husband|wife|partner|boyfriend|girlfriend|ex|dad|father|stepdad|stepfather|son)",
      "(threatens|threatened|threatening) to (kill|hurt|stab|beat) (me|us)",
    ],
    threat: [
      `${EN_WILL} (kill|stab|shoot|murder|strangle|hurt|attack|punch|batter|beat up|smack|deck|hit|knock out) ${EN_VICTIM}`,
      "(burn|burning|torch|bomb|blow up|set fire to) (down|) (the|your|this|that|their) (office|offices|building|place|council|station|depot|centre|center|shop|branch|town hall|jobcentre|job centre) (down|)",
      "(bring|bringing|carry|carrying|got|come back with|coming back with|come in with|coming in with) (a|my) (knife|gun|machete|blade|weapon|shotgun)",
      "(know|found out|find out) where (you|he|she|they) (live|lives)",
      "watch your back",
      "(smash|kick|punch|cave) (your|his|her|their) (face|head|teeth) (in|)",
    ],
    at_risk: [
      `${EN_CHILD} ~ (left|leave|leaves|leaving|is|are|was|were|been|being) ${EN_ALONE}`,
      `(leave|leaves|left|leaving) (the|their|her|his|a|my|those) ${EN_CHILD} ${EN_ALONE}`,
      `${EN_YOUNG} ~ (being|been|is|are|was|were|gets|get) ${EN_HARMED}`,
      // "being hit" goes on; "was hit" is as often a car or a ball.
      `${EN_YOUNG} ~ (being|getting) (hit|hurt|smacked|slapped|kicked|punched)`,
      `${EN_YOUNG} ~ (haven't|hasn't|have not|has not|hadn't|had not) (eaten|been fed)`,
      `(neglecting|neglects|neglected|abusing|abuses|abused|beating|beats|beat|hitting|hits|starving|starves) (the|their|her|his|my|a|that|those) ${EN_YOUNG}`,
      `${EN_ELDER} ~ (being|been|is|are|was|were|gets|get) (neglected|abused|exploited|starved|beaten|starving|not safe|in danger|not being fed)`,
      "(elderly|vulnerable|disabled|frail) ~ (neglected|abused|exploited|starving|in danger|at risk|not safe|left alone)",
    ],
  },
  // Welsh mutates a word's first letter after "fy", "dy", "ei", "am", "â": lladd, ladd; taro, nharo.
  cy: {
    suicide_self_harm: [
      "(lladd|ladd) fy (hun|hunan)",
      "hunanladd*",
      "(eisiau|isio|isie|moyn) marw",
      "am farw",
      "(dim|ddim) (eisiau|isio|isie|moyn) byw",
      "dim pwynt (byw|mewn byw|i fyw)",
      "(diwedd|terfyn) ar (fy mywyd|fy hun|y cyfan|bopeth)",
      "fy mywyd i ben",
      "niweidio fy (hun|hunan)",
      "(hunan-niweid*|hunanniweid*)",
    ],
    abuse: [
      "fy (nharo|mwrw|nghuro|ngham-drin|nghamdrin|nghicio|nhagu|nhreisio)",
      "(cam-drin|camdrin|trais) (domestig|yn y cartref)",
      "(treisio|dreisio|treisiodd)",
      "ofn fy (ngŵr|ngwraig|mhartner|nghariad|nhad|llystad|nghyn-bartner|nghyn-ŵr)",
      "ofn mynd (adref|adre|gartref|nôl adref)",
      "(bygwth|fygwth) fy lladd",
    ],
    threat: [
      // "fy lladd i" is "killing me", the Welsh idiom for a bill or a wait: "i" is no victim here.
      "(lladd|ladd|saethu|trywanu|drywanu) (e|o|hi|nhw|rhywun|pawb|chi|ti)",
      "(dy|eich) (ladd|lladd|saethu|drywanu|trywanu)",
      "(llosgi'r|losgi'r|llosgi y|losgi y|rhoi tân i'r|roi tân i'r) (swyddfa|adeilad|lle|cyngor|ganolfan)",
      "(rhoi'r|roi'r) (swyddfa|adeilad|lle|ganolfan) ar dân",
      "(dod|ddod|dwad|ddwad) (â|ag|efo) (chyllell|cyllell|gwn|dryll|arf)",
      "(gwybod|wybod) (ble|lle) (rwyt ti'n|wyt ti'n|ti'n|rydych chi'n|dych chi'n|chi'n) byw",
    ],
    at_risk: [
      "(gadael|adael|gadawyd|gadewir) ~ ar (eu pennau eu hunain|ei ben ei hun|ei phen ei hun)",
      "(plant|plentyn|babi|phlant|blant) ~ (mewn perygl|heb oedolyn|heb fwyd|ddim yn ddiogel)",
      "cael (ei|eu) (esgeuluso|hesgeuluso|gam-drin|cham-drin|cam-drin|guro|churo|curo)",
      "(esgeuluso|cam-drin|curo|guro) (plant|plentyn|babi|ei blant|ei phlant|eu plant)",
      "(esgeuluso'r|curo'r|guro'r|cam-drin y|gam-drin y) (plant|babi|plentyn)",
    ],
  },
  // Polish inflects: each form is listed, because a stem such as "zabi*" would also take
  // "zabierz się" ("get on with it").
  pl: {
    suicide_self_harm: [
      "(zabić|zabiję|zabije|zabijam|zabiłem|zabiłam|zabiłbym|zabiłabym) się",
      "się (zabić|zabiję|zabije|zabijam)",
      "samobój*",
      "(odebrać|odbiorę|odebrałem|odebrałam) sobie życie",
      "targn* się na (swoje|własne|) życie",
      "(skończyć|skończę|skończyłem|skończyłam) ze sobą",
      "(chcę|chce|chciałbym|chciałabym|wolałbym|wolałabym) (już|) umrzeć",
      "nie (chcę|chce|chciałbym|chciałabym) (już|) żyć",
      "nie mam po co żyć",
      "(tnę|ciąć|okaleczam|okaleczać|okaleczyłem|okaleczyłam|krzywdzę|krzywdzić) się",
      "samookalecz*",
    ],
    abuse: [
      // Not "uderza mnie": that is also "what strikes me is…".
      "mnie (bije|bił|biła|bili|pobił|pobiła|uderzył|uderzyła|kopie|kopał|dusi|dusił|gwałci|zgwałcił|maltretuje|molestuje|molestował|szarpie|popycha)",
      "(bije|bił|biła|pobił|pobiła|uderzył|uderzyła|kopie|dusi|zgwałcił|maltretuje|molestuje) mnie",
      "przemoc* (domow*|w rodzinie)",
      "ofiar* przemocy",
      "(boję|boimy) się (męża|partnera|partnerki|żony|ojca|ojczyma|byłego|chłopaka|go|jego|wracać do domu)",
      "znęca* się (nade mną|nad nami)",
      "(zgwałc*|molestow*)",
      "(grozi|groził|groziła|grożą) (mi|nam) (śmiercią|pobiciem|zabiciem)",
    ],
    threat: [
      "(zabiję|zabije|zatłukę|zadźgam|zastrzelę|pobiję|pobije|uduszę|rozwalę) (go|ją|cię|was|ich|kogoś|tego|tę|tą|pana|panią|wszystkich)",
      "(spalę|podpalę|wysadzę) ~ (biuro|urząd|budynek|siedzibę|ośrodek)",
      "(przyjdę|przyjdziemy|wrócę|przyniosę|wezmę|mam) (z|ze sobą|) (nożem|nóż|bronią|broń|siekierą|pistoletem|pistolet)",
      "wiem gdzie (mieszkasz|pan mieszka|pani mieszka)",
    ],
    at_risk: [
      `${PL_CHILD} ~ (zostaj*|zostawi*|zostawia*|pozostawi*|siedzą|są|jest|zostały) (same|sam|sama|samo|bez opieki)`,
      `(zostawia|zostawiają|zostawiła|zostawił|zostawili) ${PL_CHILD} (same|samo|bez opieki|na noc)`,
      `${PL_CHILD} ~ (zaniedb*|bite|bity|bita|głodne|głodzone|w niebezpieczeństwie|bez jedzenia|maltretowane)`,
      "(bije|biją|bił|biła|krzywdzi|krzywdzą|zaniedbuje|zaniedbują|głodzi) (dzieci|dziecko|syna|córkę|dzieciaki|matkę|ojca|babcię|dziadka)",
      "znęca* się nad (dziećmi|dzieckiem|matką|mamą|ojcem|babcią|dziadkiem)",
      "(mama|matka|tata|ojciec|babcia|dziadek|sąsiad|sąsiadka|staruszka|staruszek|ciocia|wujek) ~ (zaniedban*|zaniedbywan*|maltretowan*|głodzon*|okradan*|wykorzystywan*)",
    ],
  },
  // Portuguese from Portugal and Brazil: "vou-me matar" and "vou me matar" both fold to "vou me matar".
  pt: {
    suicide_self_harm: [
      // Not "vai me matar": "esta conta vai me matar" is "this bill will kill me".
      "(vou|quero|queria|vontade de|pensar em|penso em|pensei em|pensando em|tentei|tentar|decidi) (me matar|matar-me)",
      "mato-me",
      "suicid*",
      "(acabar|acabo|acabei) com (a|) (minha|) (própria|) vida",
      "(tirar|tiro|tirei) a (minha|própria|minha própria) vida",
      "(quero|queria|vontade de|prefiro) morrer",
      "(não|já não) (quero|aguento) (mais|) viver",
      "(acabar|acabo|acabe) com tudo",
      "(vou|quero|tento|tentei|comecei a|voltei a) (me cortar|cortar-me|me machucar|machucar-me|me ferir|ferir-me)",
      "(automutila*|auto-mutila*)",
    ],
    abuse: [
      "me (bate|bateu|batia|espanca|espancou|agride|agrediu|estuprou|violou|violentou)",
      "(bate|bateu|batia|espanca|espancou|agride|agrediu|violou)-me",
      "violência doméstica",
      "vítima de (violência|abuso*|agress*|maus-tratos|violação|estupro)",
      "(fui|sou|estou a ser|estou sendo) (abusad*|agredid*|espancad*|violad*|estuprad*)",
      "medo (do|de) (meu|) (marido|companheiro|namorado|parceiro|pai|padrasto|ex)",
      "(ameaça|ameaçou|ameaçando) (me|) (matar|de morte)",
      "estupr*",
    ],
    threat: [
      "(vou|vamos) (te|lhe|vos) (matar|esfaquear|bater|dar um tiro)",
      "(vou|vamos) (matar|esfaquear|espancar|bater em|dar um tiro em) (ele|ela|você|vocês|alguém|todos|esse|essa|aquele|aquela|o atendente|a atendente|o gerente|a gerente|o funcionário|a funcionária)",
      "(vou|vamos) (matá-lo|matá-la|matá-los|esfaqueá-lo|esfaqueá-la)",
      "mato-te",
      "(pôr|tacar|botar|deitar) fogo (no|na|ao|à) (escritório|prédio|câmara|agência|loja|edifício|repartição|balcão)",
      "(incendiar|queimar) (o|a|esse|essa|este|esta|vosso|vossa|seu|sua) (escritório|prédio|câmara|agência|loja|edifício|repartição)",
      "(trazer|levar|trago|levo|vir com|venho com|aparecer com|apareço com) (uma|a|minha) (faca|arma|pistola|navalha|catana)",
      "sei onde (você|tu|ele|ela|vocês) (mora|moras|vive|vives|moram)",
    ],
    at_risk: [
      `${PT_YOUNG} ~ (ficam|fica|ficou|ficaram|deixad*|estão|está|são) (sozinh*|sem supervisão|abandonad*|sem comer|passando fome|a passar fome|em perigo|em risco)`,
      `(deixa|deixam|deixou|deixaram|deixar) (as|os|a|o|seus|suas|) ${PT_YOUNG} (sozinh*|sem supervisão|abandonad*)`,
      `(${PT_YOUNG}|${PT_ELDER}) ~ (sendo|ser|está|foi|é|estão|são) (negligenciad*|abandonad*|maltratad*|agredid*|explorad*)`,
      "(negligência|maus-tratos|abandono) (de|do|da|dos|das|a|ao|à|aos) (criança|crianças|idoso|idosa|idosos|menor|menores|bebê|bebé)",
      "(bate|bateu|espanca|espancou|batem) (nos|nas|no|na|em) (criança|crianças|filhos|filho|filha|filhas|menino|menina|miúdos)",
    ],
  },
  // Folding (see `tokenise`) makes أ إ آ one alef, ى a yeh, ة a heh, and drops harakat and tatweel.
  ar: {
    suicide_self_harm: [
      // Not "*انتح*": "انتحال" is identity fraud.
      "*انتحار*",
      "*انتحر*",
      "*قتل (نفسي|حالي|روحي)",
      "(أريد|أود|أتمنى|بدي|عايز|عايزة|عاوز|أبغى|أبي) (أن|) (أموت|موت)",
      "أتمنى الموت",
      "*نهي حياتي",
      "*نهاء حياتي",
      "(حدا|حد) لحياتي",
      "لا (أريد|أود|أبغى|بدي) (أن|) (أعيش|عيش)",
      "(لم|ما) (أعد|عدت) (أريد|أرغب) (أن|) (أعيش|عيش)",
      // "*ؤذي" folds to "*وذي"; "إيذاء نفسي" alone is also "psychological harm".
      "*ؤذي نفسي",
      "*يذاء النفس",
      "*اجرح نفسي",
    ],
    abuse: [
      "(*ضربني|*ضربوني)",
      "(العنف|عنف) (الأسري|أسري|المنزلي|منزلي|الزوجي)",
      "(أتعرض|تعرضت) (للعنف|للضرب|للتعنيف|للاعتداء|للاغتصاب|للتحرش)",
      "*عتدى علي",
      "*غتصب*",
      "*تحرش بي",
      "(خائف|خائفة|خايف|خايفة|أخاف) من (زوجي|زوجتي|أبي|والدي|طليقي|شريكي|خطيبي|أخي)",
      "*هددني (بالقتل|بالضرب)",
      "معنف*",
    ],
    threat: [
      // Not "*طعن": "سأطعن في القرار" is "I will appeal the decision".
      `${AR_WILL}(قتل|ذبح|طعن|ضرب|كسر رأس)${AR_YOU}`,
      `${AR_WILL}(حرق|فجر) (المكتب|المبنى|المكان|البلدية|المركز|الفرع)`,
      `${AR_WILL}(حضر|جيب|جلب) (سكين|سكينا|سكينة|سلاح|سلاحا|مسدس|مسدسا)`,
      "(معي|معاي|أحمل) (سكين|سكينا|سلاح|سلاحا|مسدس|مسدسا)",
      "(أعرف|عارف) (أين|وين|فين) (تسكن|تسكنين|تعيش|يسكن|يعيش|ساكن)",
    ],
    at_risk: [
      `${AR_CHILDREN} ~ (وحدهم|لوحدهم|بمفردهم|وحده|لوحده|بمفرده|وحدها|لوحدها|بدون رعاية|بلا رعاية|دون رعاية|في خطر|بخطر|جائعون|جائعين|جوعى)`,
      `(يتركون|يترك|تترك|تركوا|ترك|تركت) ${AR_CHILDREN} (وحدهم|لوحدهم|بمفردهم|وحده|لوحده|بمفرده)`,
      `(إهمال|يهملون|يهمل|تهمل|يهملها|يهمله) (${AR_CHILDREN}|${AR_ELDER})`,
      `(${AR_ELDER}|${AR_CHILDREN}) ~ (مهمل|مهملة|مهملون|مهملين|يتعرض للإهمال|تتعرض للإهمال|يتعرضون للإهمال|يتعرض للضرب|تتعرض للضرب|يتعرضون للضرب)`,
      `(يضرب|يضربون|تضرب|ضرب|يعنف|يعنفون|يعذب|يعذبون) ${AR_CHILDREN}`,
    ],
  },
};

/**
 * Idioms: a rule's match that overlaps one is dropped, whatever its language. They also guard
 * administrators' phrases, which are plain words ("murder" should not flag "the queue was murder").
 */
const IDIOMS: readonly string[] = [
  "(is|was|are|were|it's|been) killing (me|us)",
  "(killing|kill) (time|it|two birds)",
  "kill (you|them|him|her|us) with kindness",
  "(was|is|it's|pure|absolute|sheer) murder",
  "(kill|killed|killing) for (a|an|some)",
  "dying (to|for)",
  "to die for",
  "(die|died|dying) (of|from|with) (embarrassment|shame|boredom|laughter|laughing|hunger|thirst)",
  "(nearly|almost) (killed|kill|killing) (myself|me)",
  "life savings",
  // "I don't want to live in this flat" is about the flat; "in this world" still matches.
  "live (here|there|next door|near|nearby|with|in (this|the|a|my|that) ~ (flat|house|home|area|property|street|building|estate|road|town|city|village|bungalow|neighbourhood|borough))",
  "at risk of (exclusion|losing|eviction|missing|falling|failing)",
  "(abusing|abused|abuse) (my|our|the) (patience|trust|system|position|power)",
  "(a|any|even a|my) child could",
  "(hit|hits|hitting) (me|us|them|him|her|you) with",
  "beat (me|us) to it",
  "marw (eisiau|isio) gwybod",
  "lladd amser",
  "byw (yma|yno|drws nesaf|yn yr ardal|yn y (fflat|tŷ|stryd|pentref))",
  "umrzeć ze (wstydu|śmiechu|nudów|strachu)",
  "zabić czas",
  "morrer de (rir|vergonha|tédio|saudade|saudades|fome|sono|calor|frio)",
  "matar (a|o) (saudade|fome|sede|tempo)",
  "viver (aqui|ali|nesta|neste|nessa|nesse|naquela|naquele)",
  "(cortar|cortam|cortaram|cortou|corta) (a|o) (luz|água|gás|energia|internet|telefone|subsídio)",
  "(أعيش|عيش) (هنا|في (هذا|هذه) (البيت|الشقة|المنزل|الحي|المنطقة))",
  "(أموت|يموت|موت) من (الضحك|الجوع|الملل|الانتظار|الخجل|البرد|الحر)",
];

/**
 * Negation, per language, because the words collide across languages: English "no" is
 * Portuguese "in the", Polish "a" is "and", Welsh "i" is "to". A rule is negated by its own
 * language's negators and by the others' that are no everyday word elsewhere (see GRAMMAR).
 *   negators     negate a phrase up to NEGATION_WINDOW words later
 *   clauseWords  start a new clause, which a negation does not cross ("not coping and want to…");
 *                a phrase that starts with one ("I'm being abused") starts its own clause
 *   light        do not count towards the window ("no one has ever hurt me", "ddim yn meddwl am")
 * Arabic "ما" is left out: it negates in dialect, but it is also "what", as in "this is what
 * makes me think of suicide".
 */
const GRAMMAR_WORDS: Record<SafeguardingLanguage, { negators: string; clauseWords: string; light: string }> = {
  en: {
    negators:
      "not no never nobody noone none nothing neither nor cannot can't don't doesn't didn't won't wouldn't isn't wasn't aren't weren't haven't hasn't hadn't shouldn't couldn't ain't",
    // A subject starts a clause too: in "if nothing changes I'll kill him" the "nothing" is not
    // the threat's negation; "I won't kill him" puts it after the subject.
    clauseWords: "but and or so because cos however although though except then if when unless i i'll i'm i'd i've he he's she she's they they're we",
    light: "one ever even really actually honestly have has had been",
  },
  cy: {
    negators: "nid ni nad na nac nag ddim dim byth erioed neb dydw dydy dydi dyw dydyn dydych doedd doeddwn mo",
    clauseWords: "ond ac a neu oherwydd achos er",
    light: "yn wedi i fi",
  },
  pl: {
    negators: "nie nigdy nikt nic żaden żadna żadne ani nikogo niczego",
    clauseWords: "ale lecz jednak a i oraz bo więc albo lub",
    light: "jest był była było już naprawdę",
  },
  pt: {
    negators: "não nunca jamais ninguém nem nada nenhum nenhuma",
    clauseWords: "mas porém contudo todavia entretanto e ou porque pois",
    light: "estou está estava tenho tem tinha sou foi eu",
  },
  ar: {
    negators: "لا ولا لم ولم لن ولن ليس وليس لست ليست لسنا أبدا مش مو",
    clauseWords: "لكن ولكن لكني لكنني بل و ثم لأن",
    light: "أنا",
  },
};

/** Filler words a "~" in a rule may skip. */
const GAP_WORDS = 3;
/** How many words before a phrase a negator reaches: "I would never (harm myself)". */
const NEGATION_WINDOW = 3;

// ---------------------------------------------------------------------------------------------
// Folding and tokenising

/** A word, folded, with its place in the original text; `word: ""` marks the end of a clause. */
type Token = { word: string; start: number; end: number };

/**
 * Characters with no decomposition to strip: Polish ł, German ß, Arabic alef wasla, alef maqsura
 * (as a yeh: customers type either) and taa marbuta (as a heh). Alef with hamza (أ إ آ), ؤ and ئ
 * decompose to a bare letter and a mark, so they fold with the accents.
 */
const FOLDS: Record<string, string> = { ł: "l", Ł: "l", ß: "ss", ٱ: "ا", ى: "ي", ة: "ه" };
/** Apostrophes join a word ("don't" is "dont", "llosgi'r" is "llosgir") and are not kept in it. */
const APOSTROPHE = /['\u2018\u2019\u02BC`\u00B4]/u;
/** Marks (accents, harakat), tatweel, zero-width joiners, soft hyphen: part of the word around them. */
const IN_WORD = /[\p{M}\u0640\u200B-\u200D\u00AD]/u;
const WORD = /[\p{L}\p{N}]/u;
/** Punctuation that ends a clause: negation and filler words never reach across it. */
const CLAUSE_END = /[.!?;:,\n\r()[\]{}\u2026\u2013\u2014\u060C\u061B\u061F]/u;

/** What a character is to the tokeniser, and its folded letters when it is part of a word. */
type CharClass = { kind: "letter"; folded: string } | { kind: "apostrophe" | "in-word" | "clause-end" | "space" };

// Classifying a character (normalize, three Unicode tests) was most of the cost of matching a
// comment; a comment uses a few dozen distinct characters, so each is classified once.
const classes = new Map<string, CharClass>();

function classify(c: string): CharClass {
  let known = classes.get(c);
  if (known === undefined) {
    known = classifyOnce(c);
    if (classes.size < 10_000) classes.set(c, known);
  }
  return known;
}

function classifyOnce(c: string): CharClass {
  const folded = FOLDS[c] ?? c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (APOSTROPHE.test(c)) return { kind: "apostrophe" };
  if (IN_WORD.test(c)) return { kind: "in-word" };
  if (folded !== "" && WORD.test(folded)) return { kind: "letter", folded };
  return { kind: CLAUSE_END.test(c) ? "clause-end" : "space" };
}

/**
 * Splits text into lower-case words without accents, harakat or apostrophes, remembering where
 * each word is in the original so that a match is reported in the customer's own letters. Works
 * character by character, so no pattern can backtrack over a long comment.
 */
function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let word = "";
  let start = 0;
  let end = 0;
  let at = 0;
  for (const c of text) {
    const next = at + c.length;
    const cls = classify(c);
    if (cls.kind === "letter") {
      if (word === "") start = at;
      word += cls.folded;
      end = next;
    } else if (cls.kind === "in-word") {
      if (word !== "") end = next;
    } else if (cls.kind !== "apostrophe") {
      // An apostrophe joins the letters around it but does not end a reported word ("kids'").
      if (word !== "") tokens.push({ word, start, end });
      word = "";
      if (cls.kind === "clause-end" && tokens.length > 0 && tokens[tokens.length - 1].word !== "") {
        tokens.push({ word: "", start: at, end: next });
      }
    }
    at = next;
  }
  if (word !== "") tokens.push({ word, start, end });
  return tokens;
}

const foldWords = (words: string): Set<string> => new Set(tokenise(words).map((t) => t.word));

type Grammar = { negators: ReadonlySet<string>; clauseWords: ReadonlySet<string>; light: ReadonlySet<string> };

/**
 * Another language's negator negates too, because rules overlap: "I am not suicidal" must be
 * negated for the Portuguese rule "suicid*" as well as the English one. Except these, which are
 * everyday words in another of the languages: English "no" and Welsh "na" are Portuguese "in the"
 * ("pensei no suicídio"), "na" is also Polish "on", Welsh "ni" is "we", "dim" and "nag" English.
 */
const NEGATE_ONLY_IN_OWN_LANGUAGE = foldWords("no na ni nac nag dim");

const SHARED_NEGATORS = SAFEGUARDING_LANGUAGES.flatMap((l) => [...foldWords(GRAMMAR_WORDS[l].negators)]).filter((w) => !NEGATE_ONLY_IN_OWN_LANGUAGE.has(w));

const GRAMMAR = new Map<string, Grammar>(
  SAFEGUARDING_LANGUAGES.map((l) => [
    l,
    {
      negators: new Set([...foldWords(GRAMMAR_WORDS[l].negators), ...SHARED_NEGATORS]),
      clauseWords: foldWords(GRAMMAR_WORDS[l].clauseWords),
      light: foldWords(GRAMMAR_WORDS[l].light),
    },
  ]),
);

/** For an administrator's phrase in a language without rules: every language's words. */
const ANY_LANGUAGE: Grammar = {
  negators: new Set([...GRAMMAR.values()].flatMap((g) => [...g.negators])),
  clauseWords: new Set([...GRAMMAR.values()].flatMap((g) => [...g.clauseWords])),
  light: new Set([...GRAMMAR.values()].flatMap((g) => [...g.light])),
};
const NO_GRAMMAR: Grammar = { negators: new Set(), clauseWords: new Set(), light: new Set() };

// ---------------------------------------------------------------------------------------------
// Compiling rules into patterns

type Wildcard = { letters: string; anyBefore: boolean; anyAfter: boolean };
/** One word of a pattern (any of `words` or `wildcards`), or a gap of filler words. */
type Slot = { gap: true } | { gap: false; words: ReadonlySet<string>; wildcards: readonly Wildcard[] };
type Pattern<T> = { slots: readonly Slot[]; value: T };
/** Patterns by the words they can start with, so a comment's word looks up only its own. */
type PatternIndex<T> = { byFirstWord: Map<string, Pattern<T>[]>; wildcardFirst: Pattern<T>[]; grammar: Grammar };

/** The first top-level "( … )" in a rule that one slot cannot hold, with its alternatives. */
function groupToExpand(rule: string): { start: number; end: number; alternatives: string[]; inWord: boolean } | null {
  let depth = 0;
  let start = 0;
  let from = 0;
  let alternatives: string[] = [];
  for (let i = 0; i < rule.length; i++) {
    const c = rule[i];
    if (c === "(" && depth++ === 0) {
      start = i;
      from = i + 1;
      alternatives = [];
    } else if (c === "|" && depth === 1) {
      alternatives.push(rule.slice(from, i));
      from = i + 1;
    } else if (c === ")" && --depth === 0) {
      alternatives.push(rule.slice(from, i));
      const inWord = /\S$/.test(rule.slice(0, start)) || /^\S/.test(rule.slice(i + 1));
      if (inWord || !alternatives.every(isOneWord)) return { start, end: i + 1, alternatives, inWord };
    }
  }
  if (depth !== 0) throw new Error(`Safeguarding rule "${rule}": unbalanced parentheses`);
  return null;
}

const isOneWord = (alternative: string) => /^[^\s()|~-]+$/.test(alternative);

/**
 * Rewrites a rule until every group is a set of single words, which one slot matches: a group
 * inside a word ("(sa|h)qtl"), an empty alternative ("(own|)") or one of several words ("i will")
 * becomes a rule of its own. Single words stay together, so "(ill|i will) (kill|stab)" is two
 * patterns, not four.
 */
function expand(rule: string): string[] {
  const group = groupToExpand(rule);
  if (!group) return [rule];
  const before = rule.slice(0, group.start);
  const after = rule.slice(group.end);
  const singles = group.inWord ? [] : group.alternatives.filter(isOneWord);
  const others = group.inWord ? group.alternatives : group.alternatives.filter((a) => !isOneWord(a));
  const kept = singles.length === 0 ? [] : [singles.length === 1 ? singles[0] : `(${singles.join("|")})`];
  return [...kept, ...others].flatMap((alternative) => expand(before + alternative + after));
}

/** One rule word as slots: "suicid*" is one, "cam-drin" two (the tokeniser splits at hyphens). */
function wordSlots(word: string): Extract<Slot, { gap: false }>[] {
  const anyBefore = word.startsWith("*");
  const anyAfter = word.endsWith("*");
  const letters = tokenise(word.replace(/^\*|\*$/g, "")).map((t) => t.word);
  if (letters.length === 0 || letters.includes("")) throw new Error(`Safeguarding rule word "${word}" has no letters`);
  return letters.map((l, i) => {
    const wildcard = { letters: l, anyBefore: anyBefore && i === 0, anyAfter: anyAfter && i === letters.length - 1 };
    if (wildcard.anyBefore || wildcard.anyAfter) return { gap: false, words: new Set(), wildcards: [wildcard] };
    return { gap: false, words: new Set([l]), wildcards: [] };
  });
}

/** The slots of one piece of an expanded rule: a gap, a group of single words (one slot), or a word. */
function pieceSlots(piece: string): Slot[] {
  if (piece === "~") return [{ gap: true }];
  if (!piece.startsWith("(")) return wordSlots(piece);
  const alternatives = piece.slice(1, -1).split("|").flatMap(wordSlots);
  return [{ gap: false, words: new Set(alternatives.flatMap((a) => [...a.words])), wildcards: alternatives.flatMap((a) => a.wildcards) }];
}

function compilePatterns<T>(rules: readonly string[], value: T): Pattern<T>[] {
  return [...new Set(rules.flatMap(expand))].map((rule) => {
    const slots = rule.trim().split(/\s+/).flatMap(pieceSlots);
    if (slots.length === 0 || slots[0].gap || slots[slots.length - 1].gap) {
      throw new Error(`Safeguarding rule "${rule}": a gap needs words on both sides`);
    }
    return { slots, value };
  });
}

function indexPatterns<T>(patterns: readonly Pattern<T>[], grammar: Grammar): PatternIndex<T> {
  const index: PatternIndex<T> = { byFirstWord: new Map(), wildcardFirst: [], grammar };
  for (const pattern of patterns) {
    const first = pattern.slots[0];
    if (first.gap) continue; // compilePatterns forbids it
    for (const w of first.words) {
      const patterns = index.byFirstWord.get(w);
      if (patterns) patterns.push(pattern);
      else index.byFirstWord.set(w, [pattern]);
    }
    if (first.wildcards.length > 0) index.wildcardFirst.push(pattern);
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// Matching

function slotMatches(slot: Slot, word: string): boolean {
  if (slot.gap) return false;
  if (slot.words.has(word)) return true;
  for (const w of slot.wildcards) {
    if (w.anyBefore && w.anyAfter ? word.includes(w.letters) : w.anyAfter ? word.startsWith(w.letters) : word.endsWith(w.letters)) return true;
  }
  return false;
}

type Span<T> = { value: T; from: number; to: number };

/** A word a gap may skip: not punctuation, a negator, or a word that starts a clause. */
const isFiller = (token: Token | undefined, grammar: Grammar): boolean =>
  token !== undefined && token.word !== "" && !grammar.negators.has(token.word) && !grammar.clauseWords.has(token.word);

/**
 * Adds a span for each way the pattern's slots, from slot `s`, match the words from `at`. A gap
 * tries at most GAP_WORDS + 1 lengths and the slots are few, so a long comment cannot make this
 * backtrack.
 */
function matchSlots<T>(pattern: Pattern<T>, s: number, tokens: readonly Token[], from: number, at: number, grammar: Grammar, into: Span<T>[]): void {
  const slot = pattern.slots[s];
  if (slot === undefined) {
    into.push({ value: pattern.value, from, to: at });
  } else if (slot.gap) {
    for (let skip = 0; skip <= GAP_WORDS; skip++) {
      if (skip > 0 && !isFiller(tokens[at + skip - 1], grammar)) break;
      matchSlots(pattern, s + 1, tokens, from, at + skip, grammar, into);
    }
  } else if (at < tokens.length && tokens[at].word !== "" && slotMatches(slot, tokens[at].word)) {
    matchSlots(pattern, s + 1, tokens, from, at + 1, grammar, into);
  }
}

function findAll<T>(index: PatternIndex<T>, tokens: readonly Token[], into: Span<T>[]): void {
  for (let from = 0; from < tokens.length; from++) {
    const word = tokens[from].word;
    if (word === "") continue;
    for (const pattern of index.byFirstWord.get(word) ?? []) matchSlots(pattern, 0, tokens, from, from, index.grammar, into);
    for (const pattern of index.wildcardFirst) {
      if (slotMatches(pattern.slots[0], word)) matchSlots(pattern, 0, tokens, from, from, index.grammar, into);
    }
  }
}

/**
 * True when the phrase is negated: a negator stands within NEGATION_WINDOW counted words before
 * it, in its clause. A phrase that holds a negator itself ("don't want to live") is not.
 */
function negated(tokens: readonly Token[], from: number, to: number, grammar: Grammar): boolean {
  for (let i = from; i < to; i++) if (grammar.negators.has(tokens[i].word)) return false;
  if (grammar.clauseWords.has(tokens[from].word)) return false;
  let counted = 0;
  for (let i = from - 1; i >= 0 && counted < NEGATION_WINDOW; i--) {
    const word = tokens[i].word;
    if (word === "" || grammar.clauseWords.has(word)) return false;
    if (grammar.negators.has(word)) return true;
    if (!grammar.light.has(word)) counted++;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The matcher

function compileBuiltIn(): { languages: PatternIndex<SafeguardingCategory>[]; idioms: PatternIndex<null> } {
  const languages = SAFEGUARDING_LANGUAGES.map((lang) =>
    indexPatterns(
      SAFEGUARDING_CATEGORIES.flatMap((category) => compilePatterns(RULES[lang][category], category)),
      GRAMMAR.get(lang) ?? ANY_LANGUAGE,
    ),
  );
  return { languages, idioms: indexPatterns(compilePatterns(IDIOMS, null), NO_GRAMMAR) };
}

// The built-in rules are compiled on first use and shared by every matcher.
let builtIn: ReturnType<typeof compileBuiltIn> | null = null;

const primaryLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
const isCategory = (v: string): v is SafeguardingCategory => (SAFEGUARDING_CATEGORIES as readonly string[]).includes(v);

/** Administrators' phrases, literal words, indexed per language for that language's negation. */
function compileExtra(extra: readonly ExtraPhrase[]): PatternIndex<SafeguardingCategory>[] {
  const byLanguage = new Map<string, Pattern<SafeguardingCategory>[]>();
  for (const { category, language, phrase } of extra) {
    // Stored rows are matched as they are: a phrase with no words or an unknown category is skipped.
    const words = tokenise(phrase).filter((t) => t.word !== "");
    if (words.length === 0 || !isCategory(category)) continue;
    const slots: Slot[] = words.map((t) => ({ gap: false, words: new Set([t.word]), wildcards: [] }));
    const lang = primaryLanguage(language);
    const patterns = byLanguage.get(lang) ?? [];
    patterns.push({ slots, value: category });
    byLanguage.set(lang, patterns);
  }
  return [...byLanguage].map(([lang, patterns]) => indexPatterns(patterns, GRAMMAR.get(lang) ?? ANY_LANGUAGE));
}

/**
 * Builds a matcher from the built-in rules plus administrators' phrases. Matching runs on every
 * comment: build the matcher once (again when the phrases change) and call it for each text.
 */
export function safeguardingMatcher(extra: readonly ExtraPhrase[] = []): (text: string) => SafeguardingMatch[] {
  builtIn ??= compileBuiltIn();
  const { idioms } = builtIn;
  const languages = [...builtIn.languages, ...compileExtra(extra)];

  return (text) => {
    const tokens = tokenise(text);
    const hits: Span<SafeguardingCategory>[] = [];
    for (const index of languages) {
      const found: Span<SafeguardingCategory>[] = [];
      findAll(index, tokens, found);
      for (const hit of found) if (!negated(tokens, hit.from, hit.to, index.grammar)) hits.push(hit);
    }
    const idiomSpans: Span<null>[] = [];
    if (hits.length > 0) findAll(idioms, tokens, idiomSpans);

    // Per category, the earliest and then the longest of overlapping phrases explains the match.
    hits.sort((a, b) => a.from - b.from || b.to - a.to);
    const byCategory = new Map<SafeguardingCategory, { to: number; words: string[] }>();
    for (const hit of hits) {
      if (idiomSpans.some((idiom) => hit.from < idiom.to && idiom.from < hit.to)) continue;
      const entry = byCategory.get(hit.value) ?? { to: 0, words: [] };
      if (hit.from < entry.to) continue;
      entry.to = hit.to;
      const words = text.slice(tokens[hit.from].start, tokens[hit.to - 1].end);
      if (!entry.words.includes(words)) entry.words.push(words);
      byCategory.set(hit.value, entry);
    }
    return SAFEGUARDING_CATEGORIES.flatMap((category) => {
      const entry = byCategory.get(category);
      return entry ? [{ category, words: entry.words }] : [];
    });
  };
}

/**
 * Validates an administrator's phrase and returns it as it is stored: one line, single spaces,
 * straight apostrophes, lower case (so "Kill Him" and "kill him" are one phrase for the unique
 * index). Accents are kept for the reader; matching ignores them anyway.
 */
export function normalisePhrase(phrase: string): { ok: true; phrase: string } | { ok: false; message: string } {
  const normalised = phrase
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02BC]/gu, "'")
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim()
    .toLowerCase();
  const length = [...normalised].length;
  if (length === 0) return { ok: false, message: "Enter a phrase." };
  if (length < 2) return { ok: false, message: "A phrase must be at least 2 characters long." };
  if (length > 120) return { ok: false, message: "A phrase must be at most 120 characters long." };
  if (!/\p{L}/u.test(normalised)) return { ok: false, message: "A phrase must contain at least one letter." };
  return { ok: true, phrase: normalised };
}
