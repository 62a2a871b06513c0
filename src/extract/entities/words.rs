//! Small closed word classes the name rules use: function words, titles and
//! roles, organisation and place head words, name particles, and ordinary
//! capitalised words (months, days, holidays, directions, religions, numbers).
//! These are grammar, not names: no entity of any article is listed here.

/// Closed-class words that are never a name on their own and that a
/// sentence-initial capital does not make one ("However", "Since", "The").
#[rustfmt::skip]
pub static FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "ago",
    "all", "almost", "along", "already", "also", "although", "always", "among", "an", "and",
    "another", "any", "anyway", "are", "around", "as", "at", "back", "be", "because", "been",
    "before", "behind", "being", "below", "beside", "besides", "between", "beyond", "both", "but",
    "by", "can", "could", "despite", "did", "do", "does", "during", "each", "earlier", "either",
    "else", "even", "eventually", "ever", "every", "except", "finally", "first", "following", "for",
    "from", "further", "furthermore", "had", "has", "have", "he", "hence", "her", "here", "hers",
    "him", "his", "how", "however", "i", "if", "immediately", "in", "indeed", "initially", "inside",
    "instead", "into", "is", "it", "its", "just", "last", "later", "lastly", "least", "less",
    "like", "likewise", "many", "may", "meanwhile", "might", "more", "moreover", "most", "much",
    "must", "my", "near", "nearly", "neither", "never", "nevertheless", "next", "no", "nobody",
    "none", "nor", "not", "nothing", "now", "of", "off", "often", "on", "once", "one", "only",
    "onto", "or", "other", "others", "otherwise", "our", "out", "outside", "over", "overall",
    "perhaps", "per", "rather", "sometimes", "additionally", "currently", "notably", "ultimately", "recently", "regardless", "second", "secondly", "several", "shall",
    "she", "should", "similarly", "since", "so", "some", "soon", "still", "subsequently", "such",
    "than", "that", "the", "their", "theirs", "them", "then", "there", "thereafter", "therefore",
    "these", "they", "third", "this", "those", "though", "through", "throughout", "thus", "to",
    "today", "together", "tomorrow", "too", "toward", "towards", "under", "unless", "unlike",
    "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "whatever", "when",
    "whenever", "where", "whereas", "whether", "which", "while", "who", "whoever", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "yesterday", "yet", "you", "your",
    "oh", "ok", "okay", "yes", "yeah", "wow", "hey", "hi", "hello", "please", "thanks", "thank",
    "sorry", "welcome", "well",
];

/// Ordinary capitalised words: not entities on their own, nor whole names made
/// only of them ("Shia Muslims", "New Year", "Thirty-nine").
#[rustfmt::skip]
pub static ORDINARY_CAPS: &[&str] = &[
    // months and days
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
    // holidays and seasons
    "christmas", "easter", "ramadan", "eid", "new", "year", "years", "eve", "day", "hanukkah",
    "diwali", "passover", "thanksgiving", "lent", "spring", "summer", "autumn", "winter",
    // directions and their adjectives
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
    "south-west",
    // religions, confessions and broad groups
    "muslim", "muslims", "christian", "christians", "jew", "jews", "jewish", "islam", "islamic",
    "islamist", "islamists", "christianity", "judaism", "catholic", "catholics", "orthodox",
    "protestant", "protestants", "sunni", "sunnis", "shia", "shiite", "shiites", "shias", "shi'a",
    "hindu", "hindus", "buddhist", "buddhists", "sikh", "sikhs", "arab", "arabs", "kurd", "kurds",
    "turk", "turks", "persian", "persians", "jihadi", "jihadist", "jihadists", "salafi",
    "salafist", "salafists", "wahhabi", "caliph", "caliphate", "allah", "god", "quran", "koran",
    "bible", "gospel", "western", "westerners", "crusader", "crusaders", "white", "black",
    "latino", "latinos", "hispanic", "indigenous", "roman", "romans",
    // numbers
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "first", "second", "third", "fourth", "fifth",
    // page furniture
    "update", "updated", "published", "read", "more", "share", "tags", "author", "authors",
    "comment", "comments", "reply", "pingback", "advertisement", "source", "photo", "credit",
    "image", "video", "click", "subscribe", "newsletter", "related", "previous", "next", "home",
    "menu", "search", "login", "sign", "follow", "contact", "privacy", "policy", "terms", "cookie",
    "cookies", "copyright", "all", "rights", "reserved", "skip", "content", "main", "top",
    "trending", "features", "feature", "opinion", "analysis", "news", "guest", "mode", "font",
    "size", "min",
];

/// Titles that may stand before a person's name and are not part of it.
#[rustfmt::skip]
pub static TITLES: &[&str] = &[
    "president", "vice", "premier", "prime", "minister", "deputy", "chancellor", "secretary",
    "general", "gen", "major", "maj", "colonel", "col", "lieutenant", "lt", "captain", "capt",
    "sergeant", "sgt", "admiral", "adm", "commander", "marshal", "brigadier", "field", "king",
    "queen", "prince", "princess", "sheikh", "shaikh", "emir", "amir", "imam", "ayatollah",
    "grand", "mullah", "mufti", "pope", "cardinal", "bishop", "archbishop", "rabbi", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
    "lord", "lady", "judge", "justice", "senator", "sen", "rep", "representative",
    "congressman", "congresswoman", "governor", "gov", "mayor", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "chief", "director",
    "ceo", "founder", "leader", "officer", "assistant", "additional", "foreign", "defence", "defense", "interior", "finance",
    "supreme", "former", "late", "acting", "interim", "detective", "inspector", "owner",
    "manager", "editor", "reporter", "correspondent", "analyst", "researcher", "coach",
    "superintendent", "corporal",
];

/// Lowercase role words that, just before or after a name, make it a person
/// ("researcher Aaron Zelin", "IS leader Abu Bakr al-Baghdadi").
#[rustfmt::skip]
pub static ROLE_WORDS: &[&str] = &[
    "president", "premier", "minister", "spokesman", "spokeswoman", "spokesperson", "leader",
    "commander", "researcher", "analyst", "journalist", "reporter", "correspondent", "editor",
    "author", "writer", "director", "founder", "co-founder", "chief", "head", "general",
    "colonel", "caliph", "emir", "official", "officer", "ambassador", "envoy", "professor",
    "scholar", "expert", "lawyer", "attorney", "judge", "prosecutor", "senator", "governor",
    "mayor", "chairman", "secretary", "deputy", "adviser", "advisor", "activist", "cleric",
    "preacher", "imam", "militant", "gunman", "attacker", "suspect", "perpetrator", "killer",
    "bomber", "operative", "fighter", "defector", "soldier", "captain", "king", "queen",
    "prince", "student", "teacher", "superintendent", "manager", "owner", "ceo", "president-elect",
    "candidate", "lawmaker", "economist", "historian", "photographer", "coach", "player",
    "singer", "actor", "actress", "artist", "spokesman", "representative", "councillor",
    "councilman", "councilwoman", "consultant", "investigator", "detective", "farmer", "resident",
    "guard", "driver", "nurse", "doctor", "engineer", "worker", "employee", "member", "citizen",
    "husband", "wife", "son", "daughter", "mother", "father", "brother", "sister", "friend",
];

/// Words after a name that make it a person: "X said", "X, who".
#[rustfmt::skip]
pub static PERSON_VERBS: &[&str] = &[
    "said", "says", "told", "added", "explained", "argued", "wrote", "tweeted", "testified",
    "stated", "believes", "believed", "thinks", "thought", "recalled", "noted", "insisted",
    "admitted", "denied", "confirmed", "warned", "urged",
];

/// Head words of organisation names ("Sakarya University", "Quds Force").
#[rustfmt::skip]
pub static ORG_WORDS: &[&str] = &[
    "society", "university", "college", "school", "academy", "institute", "institution",
    "foundation", "force", "forces", "corps", "directorate", "department", "media", "army",
    "navy", "party", "ministry", "council", "agency", "movement", "front", "brigade", "brigades",
    "battalion", "regiment", "division", "group", "organization", "organisation", "committee",
    "center", "centre", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "gmbh",
    "bank", "association", "union", "league", "commission", "office", "police", "service",
    "services", "network", "news", "times", "post", "press", "guard", "guards", "coalition",
    "alliance", "court", "parliament", "assembly", "senate", "congress", "government",
    "administration", "bureau", "authority", "federation", "tribunal", "board", "club",
    "team", "trust", "fund", "partners", "holdings", "state", "caliphate", "emirate",
    "jabhat", "harakat", "tahrir", "hayat", "ahrar", "brotherhood", "mujahideen", "journal", "magazine", "herald", "gazette", "tribune", "telegraph",
    "review", "daily", "weekly", "radio", "television", "tv", "channel", "broadcasting",
    "diplomat", "monitor", "observatory", "watch", "institute", "initiative", "project",
    "program", "programme", "mission", "delegation", "cabinet", "secretariat", "diary",
    "agencies", "unit", "units", "squad", "cell", "province", "wire", "legislature", "newsroom",
    "storage", "airlines", "motors", "industries", "systems", "technologies", "labs",
];

/// Head words of place names ("Taksim Square", "Ataturk Airport").
#[rustfmt::skip]
pub static PLACE_WORDS: &[&str] = &[
    "square", "airport", "airbase", "base", "stadium", "hall", "arena", "street", "st",
    "avenue", "road", "boulevard", "bridge", "river", "lake", "sea", "ocean", "gulf", "bay",
    "strait", "canal", "mountain", "mountains", "mount", "valley", "desert", "island", "islands",
    "peninsula", "coast", "province", "district", "county", "city", "town", "village",
    "region", "governorate", "oblast", "prefecture", "territory", "territories",
    "neighborhood", "neighbourhood", "quarter", "park", "palace", "mosque", "church",
    "cathedral", "shrine", "temple", "synagogue", "tomb", "camp", "prison", "port", "harbour",
    "harbor", "station", "border", "crossing", "plain", "plains", "hills", "heights", "forest",
    "republic", "kingdom", "emirates", "federation", "highway", "tower", "towers", "market",
    "bazaar", "center", "centre", "mall", "hotel", "hospital", "club", "nightclub", "venue", "capitol",
];

/// Place heads that win over organisation heads for the type of the name.
#[rustfmt::skip]
pub static PLACE_HEADS_STRONG: &[&str] = &[
    "square", "airport", "airbase", "stadium", "hall", "arena", "street", "avenue", "road",
    "bridge", "river", "lake", "sea", "ocean", "gulf", "bay", "strait", "canal", "mountain",
    "mountains", "mount", "valley", "desert", "island", "islands", "peninsula", "coast",
    "district", "county", "city", "town", "village", "region", "governorate", "oblast",
    "neighborhood", "neighbourhood", "park", "palace", "mosque", "church", "cathedral",
    "shrine", "temple", "synagogue", "tomb", "camp", "prison", "port", "station", "republic",
    "kingdom", "emirates", "nightclub", "hotel", "hospital", "mall", "tower", "market", "capitol",
];

/// Place heads naming an administrative area, which an organisation word
/// earlier in the name overrides ("Dallas Independent School District").
#[rustfmt::skip]
pub static AREA_HEADS: &[&str] = &["district", "province", "region", "county", "territory", "governorate"];

/// Lowercase words after a name that make it a place ("Turkey province",
/// "Shiraz city", "Başakşehir district").
#[rustfmt::skip]
pub static PLACE_AFTER: &[&str] = &[
    "province", "city", "district", "neighborhood", "neighbourhood", "region", "town",
    "village", "county", "governorate", "area", "countryside", "border", "capital", "suburb",
    "municipality", "oblast", "nightclub", "club", "restaurant", "hotel", "stadium", "airport",
    "mosque", "church", "shrine", "square", "venue", "airbase", "prison", "camp", "hospital",
];

/// Direction words that start place names ("North Africa", "West Bank").
#[rustfmt::skip]
pub static DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "middle", "upper", "lower", "greater",
];

/// Function words a leading capital does not make part of a name anywhere
/// ("After Moscow", "According to"), unlike "Will" or "May".
pub fn strip_anywhere(f: &str) -> bool {
    contains(FUNCTION_WORDS, f) && !matches!(f, "will" | "may" | "can" | "must" | "us")
}

/// Lowercase words before a name that make it a place ("in Kerman", "near X").
#[rustfmt::skip]
pub static PLACE_BEFORE: &[&str] = &[
    "in", "near", "outside", "across", "throughout", "around", "inside", "towards", "toward",
];

/// Lowercase words before "of X" that make X a place ("city of Konya").
#[rustfmt::skip]
pub static PLACE_OF: &[&str] = &[
    "city", "town", "village", "province", "region", "district", "capital", "outskirts", "stronghold",
    "suburbs", "centre", "center", "streets", "people", "government", "citizens", "county",
];

/// Lowercase words after a name that make it an organisation ("ISKP cells").
#[rustfmt::skip]
pub static ORG_AFTER: &[&str] = &[
    "group", "organization", "organisation", "militants", "members", "member", "affiliates",
    "affiliate", "operatives", "operative", "fighters", "fighter", "cells", "cell", "branch",
    "propaganda", "leadership", "spokesman", "spokesperson", "leader", "leaders", "jihadists",
    "jihadist", "supporters", "network", "networks", "recruits", "recruitment", "operations",
    "commander", "commanders", "chapter", "faction", "headquarters", "officials", "statement",
    "claimed", "'s", "regime", "magazine", "newsletter", "insurgency", "insurgents",
];

/// Name particles joining the parts of a name ("Abu Bakr al-Baghdadi",
/// "Parc des Princes", "Vincent van Gogh").
#[rustfmt::skip]
pub static PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "del", "della", "der", "den", "des", "di", "da",
    "dos", "das", "du", "la", "le", "van", "von", "zu", "ter",
];

/// Arabic article forms joined by a hyphen ("al-Qaeda", "ash-Sham").
#[rustfmt::skip]
pub static HYPHEN_PARTICLES: &[&str] =
    &["al", "el", "ul", "ad", "an", "ar", "as", "ash", "at", "az", "adh", "ath", "bin", "ibn"];

/// Particles that make a name a person's ("Abu Muhammad", "bin Laden").
#[rustfmt::skip]
pub static PERSON_PARTICLES: &[&str] = &["abu", "umm", "ibn", "bin", "bint", "ben"];

/// Trailing organisation words that a shorter form of the same name may leave out
/// ("Islamic State Khorasan Province" = "Islamic State Khorasan").
#[rustfmt::skip]
pub static DROPPABLE_ORG_TAILS: &[&str] =
    &["province", "group", "organization", "organisation", "movement"];

/// Is `w` in `list` (one of the lists above)? A hash lookup: the lists are
/// indexed once, by address.
pub fn contains(list: &'static [&'static str], w: &str) -> bool {
    use rustc_hash::{FxHashMap, FxHashSet};
    use std::sync::OnceLock;
    static SETS: OnceLock<FxHashMap<usize, FxHashSet<&'static str>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        [
            FUNCTION_WORDS,
            ORDINARY_CAPS,
            TITLES,
            ROLE_WORDS,
            PERSON_VERBS,
            ORG_WORDS,
            PLACE_WORDS,
            PLACE_HEADS_STRONG,
            AREA_HEADS,
            PLACE_AFTER,
            DIRECTIONS,
            PLACE_BEFORE,
            PLACE_OF,
            ORG_AFTER,
            PARTICLES,
            HYPHEN_PARTICLES,
            PERSON_PARTICLES,
            DROPPABLE_ORG_TAILS,
        ]
        .iter()
        .map(|l| (l.as_ptr() as usize, l.iter().copied().collect()))
        .collect()
    });
    match sets.get(&(list.as_ptr() as usize)) {
        Some(set) => set.contains(w),
        None => list.contains(&w),
    }
}
