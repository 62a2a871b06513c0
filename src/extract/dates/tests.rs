//! Unit tests: a gold table of dated sentences from the seed articles and a
//! few dev-set articles, refusals for things that are not dates, and fuzz-ish
//! robustness checks.
//!
//! Gold values follow TIMEX3-style normalisation against the article date:
//! `"2016-08 month"` is August 2016 at month precision; a trailing ` bg` marks
//! a background mention (byline, "an hour into 2017").

use super::*;

/// One article fragment: sentences separated by `\n`, the article date, and
/// every date expression a careful reader would normalise, as
/// (surface text, "ISO precision[ bg]").
struct Case {
    text: &'static str,
    anchor: &'static str,
    want: &'static [(&'static str, &'static str)],
}

const fn case(anchor: &'static str, text: &'static str, want: &'static [(&'static str, &'static str)]) -> Case {
    Case { text, anchor, want }
}

// Article dates: the seeds state 000's (January 7, 2017); the others are
// inferred from their content, as an analyst would.
const A000: &str = "2017-01-07";
const A001: &str = "2017-01-06";
const A002: &str = "2015-07-25";
const A003: &str = "2024-04-19";
const A004: &str = "2024-03-28";

#[rustfmt::skip]
const GOLD: &[Case] = &[
    // ---- seeds/000 (Kyle Orton, Islamic State Likely To Increase Terrorism Against Turkey)
    case(A000, "By Kyle Orton (@KyleWOrton) on January 7, 2017", &[("January 7, 2017", "2017-01-07 day bg")]),
    case(A000, "It was an hour into 2017 that the Islamic State (IS) carried out its first act of mass-murder: an IS jihadist attacked the Reina nightclub in Istanbul, massacring thirty-nine people.", &[("2017", "2017 year bg")]),
    case(A000, "IS has been attacking Turkey with increasing frequency over the last two years and, since Turkey intervened directly in Syria in August, IS’s media output has elevated the Turks into a priority target for terrorism.", &[("August", "2016-08 month")]),
    case(A000, "Security around Istanbul had been increased for New Year’s Eve, though there is some suggestion of a shortfall, especially in the intelligence realm, because of the purges that followed the coup attempt on 15 July 2016.", &[("New Year’s Eve", "2016-12-31 day"), ("15 July 2016", "2016-07-15 day")]),
    case(A000, "Soon after midnight, as 2016 became 2017, an IS operative killed the policeman outside Reina, killed two security officers at the entrance, and proceeded inside.", &[("2016", "2016 year bg"), ("2017", "2017 year bg")]),
    case(A000, "A total of 180 bullets were fired, including outside the club.", &[]),
    case(A000, "Thirty-nine people were murdered, at least twenty-seven of them foreigners, and sixty-nine more were injured.", &[]),
    case(A000, "The attack lasted for just seven minutes.", &[]),
    case(A000, "The search for the IS operative continues to this hour.", &[]),
    case(A000, "Yesterday, the Turkish media, quoting police sources, named the killer as Abdulgadir Masharipov from Uzbekistan, who also uses the kunya Abu Muhammad al-Khorasani.", &[("Yesterday", "2017-01-06 day")]),
    case(A000, "According to the latest from the Turkish press, Mashrapov arrived in Istanbul on 15 December 2016 from Konya, where a cell of Uzbek IS jihadists operates and provided him logistical support.", &[("15 December 2016", "2016-12-15 day")]),
    case(A000, "IS claimed the attack on 2 January:\n(Amaq would put out a claim the following day.)", &[("2 January", "2017-01-02 day"), ("the following day", "2017-01-03 day")]),
    case(A000, "One possible reason for this is that the main “call” came in an infamous speech in September 2014 by Taha Falaha (Abu Muhammad al-Adnani) in his role as IS’s official spokesman, and Falaha was killed in August.", &[("September 2014", "2014-09 month"), ("August", "2016-08 month")]),
    case(A000, "Amn al-Kharji has two tasks: to infiltrate areas on the near-abroad of the caliphate to prepare them for expansion and to orchestrate foreign terrorist attacks, including the wave of attacks in Europe and elsewhere in Ramadan 2016, which has continued into the new year, and which are often mischaracterized as “lone wolf” attacks.", &[("2016", "2016 year")]),
    case(A000, "The infrastructure of Amn al-Kharji is particularly extensive in Turkey, and a previous attack, the 28 June 2016 inghimasi raid on Ataturk Airport in Istanbul, has some instructive resemblances.", &[("28 June 2016", "2016-06-28 day")]),
    case(A000, "While the Reina attack has resemblances to the Paris atrocities of 13 November 2015, which were directed attacks, specifically the mass-slaughter at the Bataclan, Reina most clearly resembles the 12 June 2016 assault on the Pulse gay nightclub in Orlando, Florida, carried out by Umar Mateen.", &[("13 November 2015", "2015-11-13 day"), ("12 June 2016", "2016-06-12 day")]),
    case(A000, "Mateen’s attack was, on the current state of the evidence,1 a “lone wolf” attack, i.e. did not operate in a network and was not guided by an Amn al-Kharji handler.", &[]),
    case(A000, "Since the attack, thirty-six people at least have been arrested.", &[]),
    case(A000, "Though IS has launched a wave of attacks in Turkey starting in January 2015, it has usually avoided claiming them.", &[("January 2015", "2015-01 month")]),
    case(A000, "One theory is that this is because Turkey has acted as a kind of rear-base for IS, which was true for a time but the crackdown in Turkey in late 2014 is what precipitated the attacks.", &[("2014", "2014 year")]),
    case(A000, "IS did claim “credit” in a strange case last summer.\nThaddeus Borowicz, an American working at a Incirlik airbase, was found dead on 13 June 2016.\nThe U.S. said his death was accidental; IS claimed three days later they had killed him.\nThe first mass-anti-civilian atrocity IS claimed in Turkey was a car bombing in Diyarbakir on 4 November 2016.", &[("last summer", "2016 year"), ("13 June 2016", "2016-06-13 day"), ("three days later", "2016-06-16 day"), ("4 November 2016", "2016-11-04 day")]),
    // relative to an event, not a date: a known miss
    case(A000, "The first mass-anti-civilian atrocity IS claimed in Turkey was a car bombing in Diyarbakir on 4 November 2016.\nTwo days before the Diyarbakir attack, the caliph had re-appeared for the first time in nearly a year to deliver a speech that concentrated on the need for IS not to retreat in Mosul.", &[("4 November 2016", "2016-11-04 day"), ("Two days before the Diyarbakir attack", "2016-11-02 day")]),
    case(A000, "Turkey today has become a target for your operations and priority for your jihad, so seek Allah’s assistance and attack it.", &[]),
    case(A000, "In his first speech on 5 December, IS’s new spokesman, replacing Falaha, Abu Hassan al-Muhajir, added:", &[("5 December", "2016-12-05 day")]),
    case(A000, "IS subsequently burned alive two Turkish soldiers in a video released by their Wilayat Halab (Aleppo Province) on 22 December.", &[("22 December", "2016-12-22 day")]),
    case(A000, "Turkey intervened directly in Syria in August 2016, clearing IS from the border town of Jarabulus, sealing the Turkish-Syrian border, and creating a buffer zone in the northern Aleppo countryside.", &[("August 2016", "2016-08 month")]),
    case(A000, "Ankara had been prepared to intervene in the summer of 2015 but was stopped under a deal with the U.S. and the PYD, where the Turkish government, which has its own channels to the PYD, agreed to PYD control of territory east of the Euphrates.\nThe PYD promptly violated this agreement, with the assistance of Russian airstrikes, and no penalty was applied by the international Coalition.\nA year later the Turks felt they had no other choice.", &[("2015", "2015 year"), ("A year later", "2016 year")]),
    case(A000, "The assassination of the Russian ambassador in Ankara by assailants-unknown on 19 December was a preview of this; not claimed by IS, it could easily have just been an enraged individual.", &[("19 December", "2016-12-19 day")]),
    case(A000, "There will be more rage as the pro-Assad coalition moves to mop up rebel pockets in its customarily sanguinary way in 2017.", &[("2017", "2017 year")]),
    case(A000, "UPDATE: Masharipov was arrested on 17 January 2017 at a flat with an Iraqi man and three women (from Egypt, Senegal, and Somalia).", &[("17 January 2017", "2017-01-17 day")]),
    case(A000, "At the hideout there were two drones, two handguns, and $197,000 in cash.", &[]),
    case(A000, "The police had also seized $150,000 in Istanbul’s Pendik district on 5 January in a linked safe-house.", &[("5 January", "2017-01-05 day")]),
    case(A000, "IS’s tradecraft has significantly improved since the defection of Edward Snowden to Moscow in 2013 and his assistance in Russia’s sustained active measures campaign against Western intelligence.", &[("2013", "2013 year")]),
    case(A000, "[2] Though it was clear that Russia had executed several airstrikes in support of Turkey’s push against IS in al-Bab on 30 December—the same day the supposed ceasefire—it was not clear the extent.", &[("30 December", "2016-12-30 day"), ("the same day", "2016-12-30 day")]),
    case(A000, "It is now evident that Russia’s airstrikes have been sustained over a week since then.", &[]),
    case(A000, "Added to this, the U.S. refused to provide support for the Turkish-run operation against IS-held al-Bab, and the Turks turned to the Russians, who are now providing airstrikes.2 The failure of the U.S. to assertively act to pull Turkey away from this drift toward Moscow is hampering even the counter-terrorism mission in Syria.", &[]),

    // ---- seeds/001 (Abdel Bari Atwan, IS and the Istanbul Attack)
    case(A001, "If it is confirmed that the perpetrator of the New Year’s Eve massacre in Istanbul managed to escape to Islamic State (IS)-controlled north eastern Syria, that would constitute a huge setback for the Turkish security forces.", &[("New Year’s Eve", "2016-12-31 day")]),
    case(A001, "Reports on Thursday maintained that the gunman, who killed 39 people in a shooting spree at a restaurant for which Islamic State (IS) claimed responsibility, had arrived in IS’ Syrian stronghold of al-Raqqa, and that celebrations were held to celebrate his return.", &[("Thursday", "2017-01-05 day")]),
    case(A001, "Also on Thursday, Turkish Deputy Premier Veysi Kaynak revealed for the first time that the killer was a member of the Uigur Muslim minority based primarily in the western Chinese province of Xinjiang.", &[("Thursday", "2017-01-05 day")]),
    case(A001, "The Turkish authorities had been anticipated an attack such as last Sunday night’s and extensive precautions were taken to deter or prevent one.", &[("last Sunday", "2017-01-01 day")]),
    case(A001, "Tens of thousands of plainclothes and uniformed officers were deployed in Istanbul, and the state of emergency introduced after last summer’s attempted coup was extended for three months, yet the gunman managed to strike and then disappear.", &[("last summer’s", "2016 year")]),
    case(A001, "His success in evading capture for five days despite the massive security operation that was launched to apprehend him represents an embarrassing second failure for Turkey’s security agencies.", &[]),
    case(A001, "Turkish authorities have reportedly arrested 36 people in connection with the attack, including the gunmen’s wife and two children who live in the city of Konya.", &[]),
    case(A001, "This suggests that Baghdadi is not excluding the possibility that his ‘caliphate state’ may — eventually and after fierce resistance – be destroyed, and is planning for the aftermath", &[]),
    case(A001, "Iraqi Premier Haidar al-Abadi has said he needs two more months to destroy IS in Mosul.", &[]),
    case(A001, "During his recent visit to Baghdad, French President Francois Hollande said that this may just be a matter of weeks, predicting that 2017 would be ‘the year of victory against terrorism.’", &[("2017", "2017 year")]),
    case(A001, "But the head of the international coalition in Iraq, Gen. Stephen Townsend, believes that overrunning IS may take another two years to achieve.", &[]),
    case(A001, "There is an unwritten agreement between us: If you attack us, we will carry the war deep into your territories and destroy the tourism industry that brings you 36 billion dollars annually.’", &[]),
    case(A001, "The New Year’s Eve shooting, and previous attacks in Istanbul, Ankara and elsewhere in Turkey, indicate that this threat is now being acted upon.", &[("New Year’s Eve", "2016-12-31 day")]),

    // ---- seeds/002 (Turkish bombing of ISIS marks end of tacit truce)
    case(A002, "Published: Updated:", &[]),
    case(A002, "100% Font Size", &[]),
    case(A002, "4 min read", &[]),
    case(A002, "Last month, the first edition of the Islamic State of Iraq and Syria’s Turkish-language magazine contained not a word of criticism of the Turkish government.", &[("Last month", "2015-06 month")]),
    case(A002, "This week, the second edition calls Istanbul occupied territory and blasts President Recep Tayyip Erdogan as a tyrant.", &[("This week", "2015-07-20 week")]),
    case(A002, "And Turkey’s decisive response on Friday - airstrikes on ISIS targets and 290 arrests nationwide - show how seriously the nation is now taking a threat it had long downplayed.", &[("Friday", "2015-07-24 day")]),
    case(A002, "But the underlying changes have not happened overnight.", &[]),
    case(A002, "ISIS - also known by acronyms ISIS and ISIL - has spent years building its network inside Turkey, even as Turkish security services monitored the group to glean valuable intelligence.", &[]),
    case(A002, "This week’s suicide bombing that killed 32 people in the border city of Suruc forced Turkey’s hand, causing it to beef up anti-ISIS efforts with Washington.", &[("This week’s", "2015-07-20 week")]),
    case(A002, "On Thursday, as Turkey’s government tried to counter criticism over the suicide bombing, ISIS struck again, this time in an ambush along the border that left a Turkish soldier dead.", &[("Thursday", "2015-07-23 day")]),
    case(A002, "Turkish police then carried out simultaneous raids in Istanbul and 12 provinces on Friday, detaining 290 people before lunch, compared with about 500 in recent months.", &[("Friday", "2015-07-24 day")]),
    case(A002, "While Turkey appears to have a close eye on ISIS operations in Turkey, this week’s suicide bombing shows that Turkish authorities can’t afford to miss one ISIS operative.", &[("this week’s", "2015-07-20 week")]),

    // ---- seeds/003 (The Diplomat, Islamic State Khorasan’s Westward Network Expansion)
    case(A003, "Police officers patrol next to the Parc des Princes stadium, background, in Paris, April 10, 2024.", &[("April 10, 2024", "2024-04-10 day")]),
    case(A003, "The Islamic State attack on the Crocus City Hall music venue on the outskirts of Moscow, which killed at least 140 people and injured over 500 more, has prompted significant alarm among Western intelligence and security services about similar operations occurring in Europe and North America in the coming months.", &[]),
    case(A003, "In addition to ISKP’s lead role in the Crocus City Hall attack, the branch conducted a double suicide bombing in Kerman, Iran, on January 3 causing almost 400 casualties, and shot up a church in Istanbul, Turkey, on January 28.", &[("January 3", "2024-01-03 day"), ("January 28", "2024-01-28 day")]),
    case(A003, "Since the Taliban takeover of Afghanistan in 2021, ISKP has pursued a regionalization and internationalization strategy in its propaganda production and militant operations.", &[("2021", "2021 year")]),
    case(A003, "As a result of ISKP’s attention on the country, Iranian authorities have reported through state media multiple arrests over 2023 and 2024, allegedly interceding on plans for attacks, including within Tehran.", &[("2023", "2023 year"), ("2024", "2024 year")]),
    case(A003, "On January 3, ISKP reportedly carried out the deadliest terrorist attack in Iran in decades with a dual suicide bombing outside the tomb of Major General Qassem Soleimani.\nTaking place during a ceremony to commemorate the late commander of the Quds Force, the attack left 103 people dead and wounded over 280 others.\nThe following day, the Islamic State published martyr photos and details related to the two purported attackers.", &[("January 3", "2024-01-03 day"), ("The following day", "2024-01-04 day")]),
    case(A003, "The Islamic State also included the attack in an infographic outlining the global death toll from January 1 to 10, as part of its “Kill Them Wherever You Overtake Them” campaign, a self-described reaction to the war in Gaza.", &[("January 1 to 10", "2024-01-01 day")]),
    case(A003, "Iran responded with a series of publicly lauded crackdowns, including the April 4 arrest of an individual identified as Mohammad Zakir, alleged to be a member of the Islamic State.", &[("April 4", "2024-04-04 day")]),
    case(A003, "In August 2023, a lone gunman walked into Shiraz city’s Shah Cheragh shrine, a Shia pilgrimage site, where he shot four people, killing one.\nThis was a follow-up to the year before when, in October 2022, a Tajik national entered the shrine with an automatic rifle, killing 13 and injuring 40 pilgrims and staff on site.", &[("August 2023", "2023-08 month"), ("the year before", "2022 year"), ("October 2022", "2022-10 month")]),
    case(A003, "It has previously claimed a number of other attacks on the country, including a September 22, 2018 strike against a military parade, killing 25, roughly half of which were Islamic Revolutionary Guards Corps (IRGC) members.", &[("September 22, 2018", "2018-09-22 day")]),
    case(A003, "The countries relaxed their visa requirements for travel and held negotiations in 2023 around a series of other cooperation documents ranging from trade to transportation.", &[("2023", "2023 year")]),
    case(A003, "ISKP mainly targets two groups of people in Turkey for recruitment: ethnic Central Asians fleeing Syria and Iraq and arriving in Turkey between 2017 and 2019, as well as people from Afghanistan who have been entering the country through illegal migration routes since 2021.", &[("2017 and 2019", "2017 year"), ("2021", "2021 year")]),
    case(A003, "On January 28, two masked men entered the Church of Santa Maria, a Roman Catholic church in Istanbul.", &[("January 28", "2024-01-28 day")]),
    case(A003, "Drawing a pistol, one of the attackers fired into a crowd gathered for Sunday mass.", &[]),
    case(A003, "After the Santa Maria attack, Turkey detained 51 people related to the attack.", &[]),
    case(A003, "In the wake of the Crocus City Hall attack, Turkey carried out dozens of anti-IS operations in some 40 provinces and arrested a total of 363 people.", &[]),
    case(A003, "For example, on April 6, 48 ISKP affiliates were detained in an operation carried out in connection with the investigation into the Santa Maria Church attack.", &[("April 6", "2024-04-06 day")]),
    case(A003, "Shamil Hukumatov, who was arrested in the summer of 2023, was responsible for organizing the flow of fighters and money from Turkey to Afghanistan and ISKP operators from Afghanistan to Turkey.", &[("2023", "2023 year")]),
    case(A003, "Before Hukumatov, a network run by Ismatullah Khalozai was engaged in financial and organizational activities on behalf of the ISKP in 2021.", &[("2021", "2021 year")]),
    case(A003, "On February 6, the Istanbul Security Directorate detained 11 Islamic State suspects residing in Istanbul, including 11 from Russia, four from Uzbekistan, one from Kyrgyzstan, one from Azerbaijan, and one from Sudan, for providing financing for ISKP.", &[("February 6", "2024-02-06 day")]),
    case(A003, "The March 30 and April 11 issues of ISKP’s Voice of Khorasan magazine were also published in Turkish.", &[("March 30", "2024-03-30 day"), ("April 11", "2024-04-11 day")]),
    case(A003, "This includes in November 2015, when Islamic State jihadists carried out a multi-pronged attack in Paris with suicide bombers detonating explosive vests outside the Stade de France during a football match while another group attacked a concert.", &[("November 2015", "2015-11 month")]),
    case(A003, "In June 2016, two Islamic State supporters in Malaysia threw a grenade into a viewing of the UEFA Euro game.", &[("June 2016", "2016-06 month")]),
    case(A003, "Perhaps most recently, on October 16, 2023, an Islamic State supporter shot Swedish soccer fans in Brussels claiming the violence as revenge for a series of public Quran burnings in Stockholm that same year.", &[("October 16, 2023", "2023-10-16 day"), ("that same year", "2023 year")]),
    // "the December holidays": a month used as a modifier, a known miss
    case(A003, "More recently, militants allegedly linked to ISKP reportedly attempted to plan attacks in Europe during the December holidays.", &[("December", "2023-12 month")]),
    case(A003, "While many of the known plots were stopped by law enforcement, the attack against the Catholic church in Turkey went ahead in January.", &[("January", "2024-01 month")]),
    case(A003, "According to data collected by Aaron Zelin and Ilana Winter, in the year leading up to March 20, 2023, ISKP was behind at least 22 plots or attacks in nine different countries, up from eight the year before.", &[("March 20, 2023", "2023-03-20 day"), ("the year before", "2022 year")]),
    case(A003, "Since 2015, the Islamic State has conducted several attacks against major sporting events.", &[("2015", "2015 year")]),
    case(A003, "While much Islamic State and ISKP propaganda inciting attacks is aspirational, there is both the precedent and motivation to carry out such an attack, including ISKP’s plot targeting the 2022 FIFA World Cup in Qatar.", &[("2022", "2022 year")]),
    case(A003, "Many of the most recent plots intended to target places of worship over the Christmas and New Year holidays.", &[]),
    case(A003, "The same issue also featured a full-page image praising a  man who shot and killed two Swedish football fans in Brussels and threatening “Tomorrow for Crusaders,” with promises of future attacks on the West.", &[]),

    // ---- seeds/004 (Middle East Eye, Moscow attack: Will Russia and Turkey intensify the fight against IS-K?)
    case(A004, "Russian police are pictured in Moscow on 24 March 2024 (Tatyana Makeyeva/AFP)", &[("24 March 2024", "2024-03-24 day")]),
    case(A004, "This month’s deadly attack in Moscow has brought the Islamic State-Khorasan (IS-K) group back onto the international news agenda, as countries across the region are once again paying attention to this longstanding, but often ignored threat.", &[("This month’s", "2024-03 month")]),
    case(A004, "Russia has charged four Tajik nationals in connection with the attack on a Moscow concert venue, which killed more than 140 people.", &[]),
    case(A004, "An attack like this in the capital of a security state such as Russia shows how the Islamic State (IS) group has continued to develop its international impact and image, despite its public collapse five years ago.", &[("five years ago", "2019 year")]),
    case(A004, "When the Taliban took power in Afghanistan in 2021, Turkey faced a massive refugee influx.", &[("2021", "2021 year")]),
    case(A004, "According to UN data, more than 1.6 million Afghans have since fled the country; Turkey hosts an Afghan refugee population of more than 300,000.", &[]),
    case(A004, "This has opened space for IS-K, which has been active in Afghanistan since 2015, to channel human resources to fill the operational vacuum left after the public collapse of IS in 2019.", &[("2015", "2015 year"), ("2019", "2019 year")]),
    case(A004, "Turkey has become a destination for IS-K networks; towards the end of January, a local cell conducted an attack in Istanbul.", &[("January", "2024-01 month")]),
    case(A004, "Similarly, twin explosions in Kerman, Iran, in January were claimed by IS.", &[("January", "2024-01 month")]),
    case(A004, "In the years leading up to 2014, Russia reportedly turned a blind eye to Islamist fighters leaving the country to join IS, hoping to lessen the risk of domestic terrorism.", &[("2014", "2014 year")]),
    case(A004, "Firstly, after the US withdrawal from Afghanistan in 2021, Russia sought to strengthen ties with the Taliban regime.", &[("2021", "2021 year")]),
    case(A004, "“This bloody war taking place today, between the Orthodox crusaders - Russia and Ukraine - is an example of the punishment that was unleashed upon them and is forever glued to them.”", &[]),
    case(A004, "In light of its demographic structure and the nature of its economic relations with Central Asian states, Russia could remain an open field of action for IS-K in the months and years ahead.", &[]),
    case(A004, "We should assume that IS-K’s organisational structure is diverse, with some layers under central control from Afghanistan or Pakistan.", &[]),

    // ---- dev set wcxb 0410 (GitHub, Pricing changes for GitHub Actions, 2025-12-15)
    case("2025-12-15", "We are continuing to reduce hosted-runners prices by up to 39% on January 1, 2026.", &[("January 1, 2026", "2026-01-01 day")]),
    case("2025-12-15", "In 2025, we saw developers use 11.5 billion total Actions minutes in public projects for free (~$184 million) and we will continue to invest in Actions.", &[("2025", "2025 year")]),
    case("2025-12-15", "When we shipped Actions in 2018, we had no idea how popular it would become.", &[("2018", "2018 year")]),
    case("2025-12-15", "By early 2024, the platform was running about 23 million jobs per day and our existing architecture couldn’t reliably support our growth curve.", &[("2024", "2024 year")]),
    case("2025-12-15", "Since August, all GitHub Actions jobs have run on our new architecture, which handles 71 million jobs per day (over 3x from where we started).", &[("August", "2025-08 month")]),
    case("2025-12-15", "Starting today, we’re charging fairly for Actions across the board which reduces the price of GItHub Hosted Runners and the price the average GitHub customer pays.", &[("today", "2025-12-15 day")]),
    case("2025-12-15", "This will impact self-hosted runner pricing starting March 1, 2026.", &[("March 1, 2026", "2026-03-01 day")]),
    case("2025-12-15", "Beginning March 1, 2026, self-hosted runners will be included within your free usage quota, and will consume available usage based on list price the same way that Linux, Windows, and MacOS standard runners work today.", &[("March 1, 2026", "2026-03-01 day")]),
    case("2025-12-15", "From our individual users (free & Pro plans) of those who used GitHub Actions in the last month in private repos only 0.09% would end up with a price increase, with a median increase of under $2 a month.", &[]),
    case("2025-12-15", "You can use this prior usage alongside the rate changes that will be introduced in January and March to estimate cost under the new pricing structure.", &[("January", "2026-01 month"), ("March", "2026-03 month")]),
    // ---- dev set wcxb 0391 (event listing, 2025-12-19)
    case("2025-12-19", "Wolves Summit CEE - April 21-22, 2026, Wasrsaw, Poland", &[("April 21-22, 2026", "2026-04-21 day")]),
    case("2025-12-19", "The Next Web - June 19 - 20, 2026, Amsterdam, Netherlands", &[("June 19 - 20, 2026", "2026-06-19 day")]),
    case("2025-12-19", "Slush - November 20-21, 2026, Helsinki, Finland", &[("November 20-21, 2026", "2026-11-20 day")]),
    case("2025-12-19", "E-Commerce Berlin Expo - February, 17-18 , 2026, Berlin, Germany", &[("February, 17-18 , 2026", "2026-02-17 day")]),
    // ---- dev set wcxb 0080 (Black Friday deals, 2025-11-24)
    case("2025-11-24", "The Black Friday campaign offers 50% off and is valid November 26 – December 3, 2025.", &[("November 26 – December 3, 2025", "2025-11-26 day")]),
    case("2025-11-24", "The discount applies exclusively to annual plans and is valid until December 10th, 2025.", &[("December 10th, 2025", "2025-12-10 day")]),
    case("2025-11-24", "It’s valid November 24 – December 1.", &[("November 24 – December 1", "2025-11-24 day")]),
    case("2025-11-24", "It’s valid until until 30 November 2025, 23:59 EET.", &[("30 November 2025", "2025-11-30 day")]),
    case("2025-11-24", "The Black Friday campaign offers 30% off for Enterprise and Business plans for a 1- or 2-year subscription.", &[]),
    // a moveable feast: a known miss
    case("2025-11-24", "Black Friday 2025 is shaping up to be a good moment for anyone thinking about tightening their cybersecurity.", &[("Black Friday 2025", "2025-11-28 day")]),
    // ---- dev set wcxb 0405 (U.S. in Progress 2025, 2025-12-17)
    case("2025-12-17", "Inconveniently, the Wrocław airport underwent extensive renovations from October 26 through December 4 of this year.", &[("October 26 through December 4", "2025-10-26 day"), ("this year", "2025 year")]),
    case("2025-12-17", "in Progress showcase unfold between November 6-11, the timing couldn’t be more headache-inducing.", &[("November 6-11", "2025-11-06 day")]),
    case("2025-12-17", "Indeed, there is a concerted woman-forward presence to USiP, and this year was no exception.", &[("this year", "2025 year")]),
    case("2025-12-17", "In any case, I wouldn’t be surprised to see the film included on a future Sundance lineup announcement, as Baylis and Guest’s previous short, Wiggle Room, bowed at the soon to be Boulder-based festival to much success back in 2021.", &[("2021", "2021 year")]),
    case("2025-12-17", "The cherry on top has been Night Nurse’s inclusion in the 2026 Sundance lineup, where it will premiere in the fest’s “forward-thinking” NEXT section.", &[("2026", "2026 year")]),
    case("2025-12-17", "Bernstein isn’t the only USiP filmmaker heading to Park City in January, as Liz Sargent’s Take Me Home, presented in Poland by producer Apoorva Charan, will premiere in the U.S.", &[("January", "2026-01 month")]),
    // a year after a possessive: a known miss
    case("2025-12-17", "The feature expands on Sargent’s 2023 short of the same name, which also premiered at Sundance.", &[("2023", "2023 year")]),
    case("2025-12-17", "At the Tribeca Festival this past June, Sargent won the largest film production prize in the world—the AT&T Untold Stories $1 million grant—in order to support the completion of Take Me Home.", &[("this past June", "2025-06 month")]),
    // ---- dev set wcxb 0439 (Windows LDAP DoS, 2025-12-17)
    case("2025-12-17", "On January 1, 2025, SafeBreach Labs published the first proof-of-concept exploit for CVE-2024-49113, demonstrating that the vulnerability could crash any unpatched Windows Server with no prerequisites.", &[("January 1, 2025", "2025-01-01 day")]),
    case("2025-12-17", "The vulnerability affects Windows 10 Version 1809, Windows Server 2019, and Windows Server 2019 Server Core installations from version 10.0.17763.0 before 10.0.17763.6659.", &[]),
    case("2025-12-17", "Both vulnerabilities were reported by security researcher Yuki Chen to Microsoft in December 2024.", &[("December 2024", "2024-12 month")]),
    case("2025-12-17", "Microsoft released a security advisory on December 10, 2024, prompting users to update their systems to the latest patched version.", &[("December 10, 2024", "2024-12-10 day")]),
    case("2025-12-17", "Vulnerability Scanning: Deploy enterprise vulnerability scanners configured to identify systems missing the December 2024 security updates.", &[("December 2024", "2024-12 month")]),
    case("2025-12-17", "CVE-2024-49112 is a remote code execution flaw with a CVSS score of 9.8, while CVE-2024-49113 is the denial-of-service flaw with a 7.5 score.", &[]),
    // ---- dev set wcxb 0146 (Tax 101, 2025-12-12)
    case("2025-12-12", "In 2025, the IRS received 163,594,000 individual income tax returns and issued $311 billion in refunds as of mid-October.1", &[("2025", "2025 year"), ("October", "2025-10 month")]),
    case("2025-12-12", "Since passing the Tax Cuts and Jobs Act of 2017, the federal corporate tax rate has been 21%.", &[("2017", "2017 year")]),
    case("2025-12-12", "The deadline for filing 2025 income taxes for most U.S. taxpayers is Wednesday, April 15, 2026.", &[("Wednesday, April 15, 2026", "2026-04-15 day")]),
    case("2025-12-12", "Taxpayers who file for an extension have until Wednesday, October 15, 2026, to file their returns.", &[("Wednesday, October 15, 2026", "2026-10-15 day")]),
    case("2025-12-12", "In other words, the total taxes due need to be paid no later than April 15 to avoid potential late payment penalties, regardless of whether an extension has been filed.", &[("April 15", "2026-04-15 day")]),
    // ---- dev set wcxb 0408 (Best UK Art Exhibitions 2025, 2025-12-17)
    case("2025-12-17", "Painting tends to be the medium that garners most attention, and there was no shortage of quality in 2025: Wayne Thiebaud at the Courtauld were all thrillingly good.", &[("2025", "2025 year")]),
    case("2025-12-17", "A move to Paris in 1929 saw her become assistant, collaborator and sometime lover to Man Ray.", &[("1929", "1929 year")]),
    case("2025-12-17", "Lee Miller, Tate Britain, October 2, 2025 – February 15, 2026", &[("October 2, 2025 – February 15, 2026", "2025-10-02 day")]),
    case("2025-12-17", "McDonagh’s short stories became the raw subject matter for Rego’s curious prints and artworks from 2005 to 2007…(40 of them).", &[("2005 to 2007", "2005 year")]),
    // ---- dev set, added after the rules were written (expectations first, then the run)
    case("2025-11-14", "In 2019, Al-Ibrahim pleaded guilty to \"conspiracy to commit wire fraud\".", &[("2019", "2019 year")]),
    case("2025-11-14", "In August, Eyewitness News met with a customer of Noble Moving and Storage in Brooklyn and also talked to six others from across the country.", &[("August", "2025-08 month")]),
    case("2025-11-14", "7 On Your Side obtained a May 2025 corporate filing with the State Of New Jersey.", &[("May 2025", "2025-05 month")]),
    case("2025-03-12", "This new spot is on the arena's event level and is open during Suns games and every Thursday - Saturday.", &[]),
    case("2025-03-12", "Picture your classic neighborhood watering hole with 2013 prices.", &[("2013", "2013 year")]),
    case("2025-03-12", "Someburros is making a grand slam debut at Chase Field just in time for the Diamondbacks' 2025 MLB season.", &[("2025", "2025 year")]),
    case("2021-02-16", "NASA’s Goddard Institute for Space Studies reports that July 2023 was hotter than any other month in the global temperature record.", &[("July 2023", "2023-07 month")]),
    case("2021-02-16", "The Digital Carbon Footprint corresponded to 2% of total global emissions in 2015 and 4% in 2020, according to Enel.", &[("2015", "2015 year"), ("2020", "2020 year")]),
    case("2021-02-16", "The technology is making a comeback after the failure of a major project in 2008.", &[("2008", "2008 year")]),
    case("2021-02-16", "California leadership has directed state agencies to study the technology and report back in 2025 as to its feasibility.", &[("2025", "2025 year")]),
    case("2021-02-16", "The Empire State Building in New York City was an early poster child for this technology, and as of 2022 claimed to host “the largest wireless battery management system in the world.”", &[("2022", "2022 year")]),
    case("2024-12-30", "In 2023, the European Union adopted Markets in Crypto-Assets or MiCA, the regulation's first large-scale attempt to establish one set of rules.", &[("2023", "2023 year")]),
    case("2024-12-30", "In May 2024, the Financial Transactions and Reports Analysis Centre of Canada fined a significant cryptocurrency exchange, Binance, C$6 million due to failures in AML compliance.", &[("May 2024", "2024-05 month")]),
    case("2024-12-30", "Last year, the Treasury announced a scheme to make the UK a global hub in crypto technologies, including stablecoins and Non-Fundamental Tokens (NFTs).", &[("Last year", "2023 year")]),
    case("2024-12-30", "On the other hand, China has taken a hard line against digital currencies; in 2021, China banned all crypto transactions and mining activities.", &[("2021", "2021 year")]),
    case("2024-12-30", "Gox hack in 2014, Japan launched legislation that forced all such exchanges to register with the FSA.", &[("2014", "2014 year")]),
    case("2023-10-12", "This past July, we heard of the story about a North Carolina teenager that was flying unaccompanied on a skiplag from Gainesville.", &[("This past July", "2023-07 month")]),
    case("2023-10-12", "American Airlines also banned the 17 year old from flying with American Airlines for the next three years.", &[]),
    case("2025-12-19", "For many restaurant chains, 2025 was a year focused on reversing negative sales growth.", &[("2025", "2025 year")]),
    case("2025-12-19", "For Paris Baguette, however, this year is expected to mark an acceleration point as the brand widens its growth target to include Mexico, Central and South America.", &[("this year", "2025 year")]),
    case("2025-12-19", "The Korea-born bakery chain opened about 80 new outlets this year for a total of about 270 in the U.S.", &[("this year", "2025 year")]),
    case("2025-12-19", "Next year, the plan is to add another 150 bakeries, on a path to reach 1,000 in the U.S.", &[("Next year", "2026 year")]),
    case("2025-12-19", "and another 100 in Canada by 2030, said Darren Tipton, CEO of Paris Baguette North America, which is based in New Jersey.", &[("2030", "2030 year")]),
    case("2025-12-19", "Owned by conglomerate SPC Group, Paris Baguette was founded in Korea in 1988 and now has roughly 4,500 units globally.", &[("1988", "1988 year")]),
    case("2025-12-19", "In 2026, the chain will open its first airport location (Philadelphia), which Tipton hopes will open doors for other nontraditional spots.", &[("2026", "2026 year")]),
    case("2025-12-19", "In North America, Paris Baguette boasts 20 consecutive quarters of positive sales, along with 19 positive quarters of traffic (the one negative quarter was in 2020, during the pandemic).", &[("2020", "2020 year")]),
    case("2025-12-19", "In fiscal 2024, Paris Baguette boasted sales of $462 million in the U.S., a more than 30% increase, with 197 units, a 27% increase.", &[("2024", "2024 year")]),
    case("2025-12-19", "The average unit volume last year was $2.8 million, according to the Top 500 Restaurant Chain report by Technomic.", &[("last year", "2024 year")]),
    case("2025-12-19", "That AUV has grown to close to $3 million this year, Tipton said, despite the fact that Paris Baguette has kept menu price increases to a minimum.", &[("this year", "2025 year")]),
    case("2025-12-19", "Paris Baguette in September broke ground on a new $160 million manufacturing facility in Texas that will support the planned growth.", &[("September", "2025-09 month")]),
    case("2025-12-19", "Tipton said it should be up and running by mid 2027.", &[("2027", "2027 year")]),
    // ---- dev set, blind block: expectations written before the first run
    case("2023-06-08", "In 2000, very much out of necessity, Amazon made their strategic technology decision to start building reusable modules for its internal development groups.", &[("2000", "2000 year")]),
    case("2023-06-08", "First launched in 2004 and then relaunched in 2006 with three public pay-as-you-go services, Amazon Web Services (AWS) set sail into the uncharted waters of what we now call cloud computing.", &[("2004", "2004 year"), ("2006", "2006 year")]),
    case("2023-06-08", "Microsoft officially announced that it had something cooking for the cloud in 2008, which they called Project Red Dog because, well, \"Pink Poodle\" just didn't have a really nice ring to it.", &[("2008", "2008 year")]),
    case("2023-06-08", "Officially released as Windows Azure in 2010, Microsoft's first iteration of cloud service .", &[("2010", "2010 year")]),
    case("2023-06-08", "A bit of dog-fooding and an offsite retreat in 2011 was enough to convince the players in Azure's leadership that they needed to do better.", &[("2011", "2011 year")]),
    case("2023-06-08", "Microsoft Azure relaunched in 2013 much better positioned and a much more compelling option for organizations.", &[("2013", "2013 year")]),
    case("2023-06-08", "In 2014, Windows Azure was renamed Microsoft Azure, which symbolically and literally marked a shift in strategy for Microsoft making the cloud a priority.", &[("2014", "2014 year")]),
    case("2023-06-08", "Google's cloud origins have been baked in from the very start, but officially entered the public cloud in April 2008, through the preview release of Google App Engine.", &[("April 2008", "2008-04 month")]),
    case("2023-06-08", "At present, Azure falls into the Microsoft Intelligent Cloud business segment, which covers the support and consulting parts of the business and GitHub, which Microsoft purchased in 2018.", &[("2018", "2018 year")]),
    case("2023-06-08", "As of 2021, Microsoft had yet to publish revenue numbers purely for Azure by itself.", &[("2021", "2021 year")]),
    case("2023-06-08", "- AWS has had almost a 7-year head-start and vastly more offerings at present than other competitors.", &[]),
    case("2025-07-29", "Before 2012, there were few weight loss medications approved by the FDA.", &[("2012", "2012 year")]),
    case("2025-07-29", "A study from FAIR Health published in May 2025 reports that more than 2% of U.S.", &[("May 2025", "2025-05 month")]),
    case("2025-07-29", "adults took a GLP-1 for weight loss in 2024.", &[("2024", "2024 year")]),
    case("2025-07-29", "It was FDA-approved in 2021.", &[("2021", "2021 year")]),
    case("2025-07-29", "A medical device rather than a medication, Plenity was FDA-cleared in 2019 for people with a BMI of 25 to 40.", &[("2019", "2019 year")]),
    case("2025-07-29", "Pharmaceutical platform Ozmosi predicts one to two GLP-1 launches annually starting in 2026.", &[("2026", "2026 year")]),
    case("2025-07-29", "In May 2025, they reported 39 new GLP-1 medications in development.", &[("May 2025", "2025-05 month")]),
    case("2025-07-29", "The first, orforglipron, is an oral GLP-1 inhibitor that completed a Phase 3 clinical trial in early 2025.", &[("2025", "2025 year")]),
    case("2025-07-29", "The once-monthly injection entered Phase 3 clinical trials in March 2025.", &[("March 2025", "2025-03 month")]),
    case("2025-07-29", "It was FDA-approved for obesity in November 2023 under the brand name Zepbound.", &[("November 2023", "2023-11 month")]),
    case("2025-07-29", "Data released in May 2023, separately by Novo Nordisk and Pfizer, stated that pills and injections are about equally effective.", &[("May 2023", "2023-05 month")]),
    case("2025-07-29", "A 2022 article in Life Science explains:", &[("2022", "2022 year")]),
    case("2025-07-29", "Supply for higher-dose prescriptions written as of July 7, 2025, is expected to begin in August 2025.", &[("July 7, 2025", "2025-07-07 day"), ("August 2025", "2025-08 month")]),
    case("2025-07-29", "In April 2025, they banned the sale of “counterfeit” semaglutide and tirzepatide.", &[("April 2025", "2025-04 month")]),
    case("2025-07-29", "However, the FDA has received 520 reports of adverse events associated with compounded semaglutide (as of April 30, 2025).", &[("April 30, 2025", "2025-04-30 day")]),
    case("2025-02-12", "residential housing market experienced a rapid cooldown throughout the latter half of 2022 and the early months of 2023.", &[("2022", "2022 year"), ("2023", "2023 year")]),
    case("2025-02-12", "housing market is entering 2025 with a new set of dynamics.", &[("2025", "2025 year bg")]),
    case("2025-02-12", "While 2023 was a relatively subdued year following the market frenzy of the pandemic era, 2024 saw signs of renewed momentum as buyers and sellers adapted to persistent affordability challenges.", &[("2023", "2023 year"), ("2024", "2024 year")]),
    case("2025-02-12", "As we move into 2025, real estate activity is once again picking up, with certain metro areas emerging as particularly hot markets.", &[("2025", "2025 year bg")]),
    // an all-numeric date: left out by design
    case("2025-02-12", "1/1/2013	+13.1%", &[("1/1/2013", "2013-01-01 day")]),
    // a year after "at": a known miss
    case("2025-12-17", "Looking back at 2025, the standout UK Art Exhibitions show that there wasn’t a single aesthetic or tidy narrative linking everything together.", &[("2025", "2025 year")]),
];

fn anchor(s: &str) -> Option<Anchor> {
    Some(Anchor {
        date: s.parse().unwrap(),
        inferred: false,
    })
}

fn label(m: &DateMention) -> String {
    format!(
        "{} {}{}",
        m.date.iso(),
        m.date.precision(),
        if m.background { " bg" } else { "" }
    )
}

/// Run one case: (number right, number expected, wrong mentions as text).
fn score(c: &Case) -> (usize, usize, Vec<String>) {
    let sents: Vec<&str> = c.text.split('\n').collect();
    let found = find_dates(&sents, anchor(c.anchor));
    let mut used = vec![false; found.len()];
    let mut right = 0;
    for (surface, want) in c.want {
        // where the gold surface text is
        let Some((si, at)) = sents
            .iter()
            .enumerate()
            .find_map(|(i, s)| s.find(surface).map(|p| (i, p)))
        else {
            panic!("gold surface `{surface}` not in case text");
        };
        let span = at..at + surface.len();
        if let Some(k) = found.iter().enumerate().position(|(k, m)| {
            !used[k] && m.sentence == si && m.start < span.end && span.start < m.end && label(m) == *want
        }) {
            used[k] = true;
            right += 1;
        }
    }
    let wrong = found
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(m, _)| format!("`{}` -> {}", &sents[m.sentence][m.start..m.end], label(m)))
        .collect();
    (right, c.want.len(), wrong)
}

#[test]
fn gold_accuracy() {
    let (mut right, mut total, mut wrong) = (0, 0, Vec::new());
    let mut missed = Vec::new();
    for c in GOLD {
        let (r, t, w) = score(c);
        right += r;
        total += t;
        if r < t {
            missed.push(format!("{:?}", c.want));
        }
        for w in w {
            wrong.push(format!("{w}   in: {}", c.text.chars().take(90).collect::<String>()));
        }
    }
    let pct = 100.0 * right as f64 / total as f64;
    eprintln!(
        "gold: {} sentences/fragments, {right}/{total} stated dates right ({pct:.1}%), {} wrong",
        GOLD.len(),
        wrong.len()
    );
    for m in &missed {
        eprintln!("  missed in {m}");
    }
    for w in &wrong {
        eprintln!("  WRONG {w}");
    }
    assert!(wrong.is_empty(), "wrong dates: {wrong:#?}");
    assert!(pct >= 90.0, "accuracy {pct:.1}% < 90%");
}

/// (surface, label, until) of every mention in one sentence.
fn run(anchor_date: Option<&str>, s: &str) -> Vec<(String, String, Option<String>)> {
    find_dates(&[s], anchor_date.and_then(anchor))
        .iter()
        .map(|m| (s[m.start..m.end].to_string(), label(m), m.until.map(|u| u.iso())))
        .collect()
}

fn one(anchor_date: &str, s: &str) -> (String, String) {
    let v = run(Some(anchor_date), s);
    assert_eq!(v.len(), 1, "{s:?}: {v:?}");
    (v[0].0.clone(), v[0].1.clone())
}

#[test]
fn forms_from_the_spec() {
    let a = "2017-01-07";
    let t = |s: &str, surface: &str, want: &str| {
        assert_eq!(one(a, s), (surface.to_string(), want.to_string()), "{s:?}");
    };
    t(
        "It happened on 7 January 2017 at noon.",
        "7 January 2017",
        "2017-01-07 day",
    );
    t(
        "It happened on January 7, 2017 at noon.",
        "January 7, 2017",
        "2017-01-07 day",
    );
    t("It happened on Jan. 7, 2017 at noon.", "Jan. 7, 2017", "2017-01-07 day");
    t("It happened on Sept 7 2016 at noon.", "Sept 7 2016", "2016-09-07 day");
    t("It happened on 2017-01-07 at noon.", "2017-01-07", "2017-01-07 day");
    t(
        "It happened on the 5th of December 2016.",
        "5th of December 2016",
        "2016-12-05 day",
    );
    t(
        "It happened on the 5th of December.",
        "5th of December",
        "2016-12-05 day",
    );
    t("They met in August 2016 in Ankara.", "August 2016", "2016-08 month");
    t("They met in September 2014.", "September 2014", "2014-09 month");
    t("Elections are due in 2021.", "2021", "2021 year");
    t("He has lived there since 2015.", "2015", "2015 year");
    t("The wall will be finished by 2019.", "2019", "2019 year");
    t("the 2016 coup attempt failed", "2016", "2016 year");
    t("The attack on January 28 was foiled.", "January 28", "2016-01-28 day");
    t(
        "He was released on 5 December and left.",
        "5 December",
        "2016-12-05 day",
    );
    t("They arrived on Thursday and left.", "Thursday", "2017-01-05 day");
    t("They arrived last Sunday and left.", "last Sunday", "2017-01-01 day");
    t("They will arrive next Monday.", "next Monday", "2017-01-09 day");
    t("The vote was yesterday.", "yesterday", "2017-01-06 day");
    t("Prices rose last month.", "last month", "2016-12 month");
    t("Prices rose this week.", "this week", "2017-01-02 week");
    t("Prices rose last week.", "last week", "2016-12-26 week");
    t("The talks resume this Thursday.", "this Thursday", "2017-01-05 day");
    t("The talks resumed this morning.", "this morning", "2017-01-07 day");
    t(
        "Shots were heard last night in the city.",
        "last night",
        "2017-01-06 day",
    );
    t("The vote is tonight.", "tonight", "2017-01-07 day");
    t(
        "He left the day before yesterday.",
        "the day before yesterday",
        "2017-01-05 day",
    );
    t("Prices rose last year.", "last year", "2016 year");
    t(
        "Celebrations were held on New Year's Eve.",
        "New Year's Eve",
        "2016-12-31 day",
    );
    t(
        "Celebrations were held on New Year’s Day.",
        "New Year’s Day",
        "2017-01-01 day",
    );
    t(
        "Celebrations were held on Christmas Day.",
        "Christmas Day",
        "2016-12-25 day",
    );
    t(
        "Celebrations were held on Christmas Eve 2015.",
        "Christmas Eve 2015",
        "2015-12-24 day",
    );
    t(
        "Talks were held on Thursday, January 5, 2017, in Astana.",
        "Thursday, January 5, 2017",
        "2017-01-05 day",
    );
    t(
        "Fighting resumed in mid-January 2015.",
        "mid-January 2015",
        "2015-01 month",
    );
    t("Fighting resumed in late 2014 after a lull.", "2014", "2014 year");
    t("Fighting resumed in mid-2014 after a lull.", "mid-2014", "2014 year");
    t("In May, the talks failed.", "May", "2016-05 month");
    t("The talks failed on May 3.", "May 3", "2016-05-03 day");
    t("The talks failed in May 2016.", "May 2016", "2016-05 month");
    t(
        "The talks failed three weeks ago.",
        "three weeks ago",
        "2016-12-12 week",
    );
    t("Russia acted in the summer of 2015.", "2015", "2015 year");
    t("They voted in the March elections.", "March", "2016-03 month");
    t("By 2019, the wall was finished.", "2019", "2019 year");
    t("By January 2015, it was over.", "January 2015", "2015-01 month");
    t("A report is expected in late 2025 or later.", "2025", "2025 year");
    t("As of 2022 claimed to be the largest.", "2022", "2022 year");
}

#[test]
fn ranges_keep_start_and_end() {
    let a = Some("2024-04-19");
    let r = run(a, "The toll from January 1 to 10 was high.");
    assert_eq!(
        r,
        vec![(
            "January 1 to 10".into(),
            "2024-01-01 day".into(),
            Some("2024-01-10".into())
        )]
    );
    let r = run(a, "Talks ran 1-3 March 2016 in Geneva.");
    assert_eq!(
        r,
        vec![(
            "1-3 March 2016".into(),
            "2016-03-01 day".into(),
            Some("2016-03-03".into())
        )]
    );
    let r = run(a, "Talks ran 1–3 March in Geneva.");
    assert_eq!(
        r,
        vec![("1–3 March".into(), "2024-03-01 day".into(), Some("2024-03-03".into()))]
    );
    let r = run(a, "Talks ran from January to March 2016.");
    assert_eq!(
        r,
        vec![(
            "January to March 2016".into(),
            "2016-01 month".into(),
            Some("2016-03".into())
        )]
    );
    let r = run(a, "Talks ran from December 28 to January 3, 2016.");
    assert_eq!(
        r,
        vec![(
            "December 28 to January 3, 2016".into(),
            "2015-12-28 day".into(),
            Some("2016-01-03".into())
        )]
    );
    let r = run(a, "Talks ran from 28 December 2016 to 3 January.");
    assert_eq!(
        r,
        vec![(
            "28 December 2016 to 3 January".into(),
            "2016-12-28 day".into(),
            Some("2017-01-03".into())
        )]
    );
    let r = run(a, "The war lasted from 2014 to 2017 and beyond.");
    assert_eq!(
        r,
        vec![("2014 to 2017".into(), "2014 year".into(), Some("2017".into()))]
    );
    let r = run(a, "Anthony Lawrence (1951-2022): A Retrospective");
    assert_eq!(r, vec![("1951-2022".into(), "1951 year".into(), Some("2022".into()))]);
    assert_eq!(run(a, "It needs 1500-2000 km of road."), vec![]);
    let r = run(a, "The war lasted 2014–2017 in the north.");
    assert_eq!(r, vec![("2014–2017".into(), "2014 year".into(), Some("2017".into()))]);
}

#[test]
fn narrative_reference() {
    let a = anchor("2017-01-07");
    let s = [
        "He was arrested on 13 June 2016.",
        "Two days later he was freed.",
        "The next day he fled.",
    ];
    let got: Vec<String> = find_dates(&s, a).iter().map(label).collect();
    assert_eq!(got, ["2016-06-13 day", "2016-06-15 day", "2016-06-16 day"]);
    let s = [
        "He was arrested on 13 June 2016.",
        "Two weeks later he was freed.",
        "A month later he fled.",
        "Two years earlier he had left.",
    ];
    let got: Vec<String> = find_dates(&s, a).iter().map(label).collect();
    assert_eq!(got, ["2016-06-13 day", "2016-06-27 week", "2016-07 month", "2014 year"]);
    // a month later than a year: no month invented
    let s = ["It began in 2015.", "A month later he fled."];
    let got: Vec<String> = find_dates(&s, a).iter().map(label).collect();
    assert_eq!(got, ["2015 year"]);
    // nothing to refer to: left out
    assert!(find_dates(&["Two days later he was freed."], a).is_empty());
    assert!(find_dates(&["The following day he fled."], a).is_empty());
    // background dates are no reference
    let s = ["By Jane Doe on January 7, 2017", "The following day he fled."];
    let got: Vec<String> = find_dates(&s, a).iter().map(label).collect();
    assert_eq!(got, ["2017-01-07 day bg"]);
}

#[test]
fn no_anchor_no_guess() {
    for s in [
        "The attack on January 28 was foiled.",
        "They arrived on Thursday.",
        "The vote was yesterday.",
        "Prices rose last month.",
        "since Turkey intervened in August",
        "Celebrations were held on New Year's Eve.",
        "The police seized cash on 5 January.",
        "It ended five years ago.",
    ] {
        assert_eq!(run(None, s), vec![], "{s:?}");
    }
    // explicit dates need no anchor
    assert_eq!(run(None, "It began on 15 July 2016.")[0].1, "2016-07-15 day");
    assert_eq!(run(None, "It began in 2016.")[0].1, "2016 year");
    let m = &find_dates(&["It began on 15 July 2016."], None)[0];
    assert!(!m.relative);
}

#[test]
fn relative_flag() {
    let a = anchor("2017-01-07");
    let m = &find_dates(&["It began on 15 July 2016."], a)[0];
    assert!(!m.relative);
    let m = &find_dates(&["It began on 15 July."], a)[0];
    assert!(m.relative);
    let m = &find_dates(&["It began yesterday."], a)[0];
    assert!(m.relative);
}

#[test]
fn refusals() {
    let a = Some("2017-01-07");
    for s in [
        // modal "may", "we", "now", "march" the verb
        "It may be too late.",
        "May be it is.",
        "May I ask a question?",
        "We should assume the worst, and now we know.",
        "They march on the capital every year.",
        "The March on Washington drew crowds.",
        "The March of the Penguins was filmed.",
        "The May Day parade was held.",
        "Theresa May said so.",
        // footnote numbers
        "Mateen’s attack was, on the current state of the evidence,1 a lone wolf attack.",
        "the Turks turned to the Russians, who are now providing airstrikes.2 The failure of the U.S.",
        // bare numbers and counts
        "A total of 180 bullets were fired.",
        "Some 2,000 fighters crossed the border.",
        "The pipeline runs 1500 km to the sea.",
        "The pipeline is 1500 km long.",
        "In 1500 cases the police did nothing.",
        "The convoy had 2000 vehicles.",
        "The firm's 2000 workers went on strike.",
        "They built a 1500 km road.",
        "Write a 2000 character prompt.",
        "The 2000 Syrian refugees were moved.",
        "A 2000 Free Syrian Army fighters force.",
        "It was a 2000 strong force.",
        "He scored a 1999 and lost.",
        "The company's 1500 employees were laid off.",
        "Turkey hosts more than 300,000 refugees and 1.6 million Afghans.",
        "He paid $2017 for it.",
        // durations
        "The attack lasted for just seven minutes.",
        "The emergency was extended for three months.",
        "It may take another two years.",
        "IS has been attacking Turkey over the last two years.",
        "He evaded capture for five days.",
        "Users who used Actions in the last month were charged.",
        // ages and times
        "Men aged 18-25 were recruited.",
        "The meeting began at 10:30 and ended at 12:15.",
        // decades
        "In the 1990s the war began.",
        "The group grew in the 1990s and 2000s.",
        // generic "today", titles
        "Turkey today has become a target.",
        "He threatened “Tomorrow for Crusaders,” they said.",
        "A crowd gathered for Sunday mass.",
        "Black Friday deals are here.",
        "We met on a sunny Friday morning.",
        "It's a Saturday afternoon in Austin.",
        "The shop is open from Tuesday through Sunday.",
        "The shop is open Monday-Friday.",
        "Today, online courses make learning easy.",
        "This spring-loaded shutter is new.",
        "He made a week-long visit.",
        "Seventy-two years later, he returned.",
        "JAMA. 2018;74(9):1485-1508.",
        "The ghosts of Halloween parties linger.",
        "Roses flower usually in late June or early July.",
        "The enrolment runs until Tuesday, January, in some places.",
        "Coffee came to Indonesia in the late 1600's with Dutch traders.",
        "The newsletter goes out on Sunday mornings.",
        // version numbers, identifiers
        "Windows Server 2019 and Version 1809 are affected by CVE-2024-49113.",
        "Call 555-2017-01 for help.",
        "See https://example.com/2017/01/07/in-2016-report and www.example.org/2016-07-15.",
        "[the report](https://example.com/news/2017-01-07/story) says so.",
        // impossible dates
        "It happened on 31 February 2016.",
        "It happened on 2016-13-45.",
    ] {
        assert_eq!(run(a, s), vec![], "{s:?}");
    }
    // a count after a date is not a year
    assert_eq!(
        one("2024-04-19", "On April 6, 48 ISKP affiliates were detained."),
        ("April 6".into(), "2024-04-06 day".into())
    );
    assert_eq!(
        one("2024-04-19", "On April 6, 1500 fighters were detained."),
        ("April 6".into(), "2024-04-06 day".into())
    );
    // "May" mid-sentence before a day or year is the month
    assert_eq!(
        one("2017-01-07", "It was signed on 3 May 2016."),
        ("3 May 2016".into(), "2016-05-03 day".into())
    );
    assert_eq!(
        one("2017-01-07", "May 2016 was a turning point."),
        ("May 2016".into(), "2016-05 month".into())
    );
    // a future cue sends a date without a year forward, unless the sentence is in the past
    let a2 = "2025-12-19";
    assert_eq!(
        one(a2, "The changes will be introduced in January."),
        ("January".into(), "2026-01 month".into())
    );
    assert_eq!(
        one(a2, "Payments are due by April 15."),
        ("April 15".into(), "2026-04-15 day".into())
    );
    assert_eq!(
        one(
            a2,
            "Paris Baguette in September broke ground on a facility that will support growth."
        ),
        ("September".into(), "2025-09 month".into())
    );
    assert_eq!(
        one(a2, "Today, the minister announced a new plan."),
        ("Today".into(), "2025-12-19 day".into())
    );
    assert_eq!(
        one(a2, "The ministry said Thursday that talks failed."),
        ("Thursday".into(), "2025-12-18 day".into())
    );
    assert_eq!(
        one(a2, "The attack on Sunday night killed ten."),
        ("Sunday".into(), "2025-12-14 day".into())
    );
    // a month, a comma, a day and a year
    assert_eq!(
        run(
            Some(a2),
            "E-Commerce Berlin Expo - February, 17-18 , 2026, Berlin, Germany"
        ),
        vec![(
            "February, 17-18 , 2026".into(),
            "2026-02-17 day".into(),
            Some("2026-02-18".into())
        )]
    );
    assert_eq!(
        one(a2, "It runs until Tuesday, January, 6 2026."),
        ("Tuesday, January, 6 2026".into(), "2026-01-06 day".into())
    );
    // a year later in the sentence is shared
    let got: Vec<String> = find_dates(
        &["It will occur on August 18 and August 19, 2026, in Atlanta."],
        anchor(a2),
    )
    .iter()
    .map(label)
    .collect();
    assert_eq!(got, ["2026-08-18 day", "2026-08-19 day"]);
    assert_eq!(
        one(a2, "Smith (2019, February 26) says so."),
        ("February 26".into(), "2019-02-26 day".into())
    );
    assert_eq!(
        one(a2, "The 2016's elections were close."),
        ("2016".into(), "2016 year".into())
    );
    // a month alone without a preposition is not taken
    assert_eq!(run(a, "August was hot."), vec![]);
    assert_eq!(run(a, "In March 12 people died.")[0].1, "2016-03 month");
}

/// A tiny deterministic generator, so the fuzz tests need no dependency.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn never_panics_on_odd_input() {
    let pieces = [
        "January",
        "May",
        "7",
        "2017",
        "-",
        "–",
        "—",
        ",",
        ".",
        " ",
        "  ",
        "the",
        "of",
        "on",
        "in",
        "last",
        "next",
        "Thursday",
        "Thursday's",
        "yesterday",
        "today",
        "days",
        "later",
        "ago",
        "two",
        "New",
        "Year’s",
        "Eve",
        "Christmas",
        "Day",
        "31",
        "29",
        "February",
        "2016-02-29",
        "2016-02-30",
        "0",
        "00",
        "9999",
        "1000",
        "2100",
        "10:30",
        "1.6",
        "2,000",
        "5th",
        "1st",
        "é",
        "ğ",
        "😀",
        "\u{200b}",
        "\u{301}",
        "İ",
        "ß",
        "Σ",
        "’",
        "'",
        "(",
        ")",
        "[1]",
        "\n",
        "\t",
        "مرحبا",
        "日本",
        "mid",
        "between",
        "and",
        "to",
        "week",
        "month",
        "year",
        "summer",
        "into",
        "became",
        "as",
        "Jan",
        "Sept.",
        "Halloween",
        "following",
        "same",
        "before",
        "\u{feff}",
    ];
    let mut rng = Lcg(42);
    for _ in 0..3000 {
        let n = (rng.next() % 16) as usize;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(pieces[(rng.next() as usize) % pieces.len()]);
            if !rng.next().is_multiple_of(3) {
                s.push(' ');
            }
        }
        for a in [
            None,
            anchor("2017-01-07"),
            anchor("2016-02-29"),
            anchor("0001-01-01"),
            anchor("9999-12-31"),
        ] {
            let mut last = (usize::MAX, 0);
            for m in find_dates(&[s.as_str(), "the following day", s.as_str()], a) {
                if last.0 == m.sentence {
                    assert!(m.start >= last.1, "overlapping mentions in {s:?}");
                }
                last = (m.sentence, m.end);
                // any date given out can be used downstream
                let _ = m.date.first_day();
                let _ = m.until.map(|u| u.first_day());
                let sent = [s.as_str(), "the following day", s.as_str()][m.sentence];
                assert!(m.start < m.end && m.end <= sent.len());
                assert!(sent.is_char_boundary(m.start) && sent.is_char_boundary(m.end));
            }
        }
    }
    // every prefix and suffix of a seed-like sentence, cut at char boundaries
    let text = "Soon after midnight, as 2016 became 2017, on 15 July 2016 — Erdoğan’s “coup” — Yesterday, 5th of December, mid-January 2015, 1–3 March.";
    for (i, _) in text.char_indices() {
        find_dates(&[&text[i..], &text[..i]], anchor("2017-01-07"));
    }
    // huge numbers and long digit runs
    find_dates(
        &["99999999999999999999 January 7, 99999999999999999999999 2017-99-99"],
        anchor("2017-01-07"),
    );
    find_dates(&[""], anchor("2017-01-07"));
    // at the edges of the calendar
    for s in [
        "next year",
        "in December",
        "next month",
        "two years later",
        "in 2017. A year later",
        "tomorrow",
        "next Monday",
    ] {
        for a in ["9999-12-31", "-009999-01-01", "0001-01-01"] {
            for m in find_dates(&["It began in 2017.", s], anchor(a)) {
                let _ = m.date.first_day();
            }
        }
    }
}

#[test]
fn linear_on_long_text() {
    let para = "On 15 July 2016, as 2016 became 2017, the group struck on Thursday; two days later, in August 2016, it struck again. 1500 km, 2,000 fighters, 10:30. ";
    let big = para.repeat(4000); // ~600 KB in one "sentence"
    let t = std::time::Instant::now();
    let n = find_dates(&[&big], anchor("2017-01-07")).len();
    eprintln!("para: {:?}", t.elapsed());
    assert!(n >= 4000 * 4);
    // generous: a debug build on a shared machine; quadratic behaviour would take minutes
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    // many matches in one huge sentence: every per-match check must be O(1)
    for piece in [
        "in May ",
        "Today, it was so. ",
        "on 5 June ",
        "usually in May ",
        "2016-01-07 ",
        "by 2019 ",
    ] {
        let big = piece.repeat(50_000);
        let t = std::time::Instant::now();
        find_dates(&[&big], anchor("2017-01-07"));
        eprintln!("{piece:?}: {:?}", t.elapsed());
        assert!(t.elapsed().as_secs() < 20, "{piece:?} took {:?}", t.elapsed());
    }
}

/// Print every mention found in the seeds and (if `DATES_DEVSET` names the
/// dev set's `ground-truth` folder) in the dev-set articles, for eyeballing
/// false positives: `cargo test --lib extract::dates::tests::sweep -- --ignored --nocapture`.
#[test]
#[ignore]
fn sweep() {
    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for line in text.lines() {
            let mut rest = line;
            while let Some(p) = rest.find(". ") {
                out.push(&rest[..p + 1]);
                rest = &rest[p + 2..];
            }
            if !rest.trim().is_empty() {
                out.push(rest);
            }
        }
        out
    }
    fn show(name: &str, text: &str, anchor_date: Option<&str>) {
        let sents = split(text);
        for m in find_dates(&sents, anchor_date.and_then(anchor)) {
            let s = sents[m.sentence];
            let lo = s.floor_char_boundary(m.start.saturating_sub(40));
            let hi = s.ceil_char_boundary((m.end + 30).min(s.len()));
            println!(
                "{name}\t{}\t{}\t…{}[{}]{}…",
                label(&m),
                m.until.map(|u| u.iso()).unwrap_or_default(),
                &s[lo..m.start],
                &s[m.start..m.end],
                &s[m.end..hi]
            );
        }
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let anchors = [A000, A001, A002, A003, A004];
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for (f, a) in files.iter().zip(anchors) {
        let text = std::fs::read_to_string(f).unwrap();
        show(&f.file_name().unwrap().to_string_lossy(), &text, Some(a));
    }
    if let Ok(gt) = std::env::var("DATES_DEVSET") {
        let mut files: Vec<_> = std::fs::read_dir(&gt).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let j: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
            let g = &j["ground_truth"];
            let text = g["main_content"].as_str().unwrap_or("");
            show(
                &f.file_name().unwrap().to_string_lossy(),
                text,
                g["publish_date"].as_str(),
            );
        }
    }
}

/// Every sequence of up to three words from a small vocabulary: catches
/// look-behinds that run off the start of a sentence.
#[test]
fn never_panics_on_short_sequences() {
    let words = [
        "of",
        "as",
        "the",
        "in",
        "to",
        "up",
        "leading",
        "and",
        "between",
        "mid",
        "-",
        "–",
        ",",
        "'",
        "’s",
        "(",
        "May",
        "January",
        "7",
        "31",
        "2016",
        "2017",
        "1990",
        "Thursday",
        "last",
        "this",
        "next",
        "the",
        "day",
        "year",
        "years",
        "later",
        "ago",
        "two",
        "following",
        "same",
        "before",
        "New",
        "Year's",
        "Eve",
        "today",
        "Today",
        "yesterday",
        "tomorrow",
        "into",
        "became",
        "past",
        "fiscal",
        "Halloween",
        "a",
        "Sunday",
    ];
    let a = anchor("2017-01-07");
    let mut s = String::new();
    for x in words {
        for y in words {
            for z in ["", "2017", "January", "day", ",", "later"] {
                s.clear();
                s.push_str(x);
                s.push(' ');
                s.push_str(y);
                s.push(' ');
                s.push_str(z);
                find_dates(&[&s, s.trim_end()], a);
                let glued = format!("{x}{y}{z}");
                find_dates(&[&glued], a);
            }
        }
    }
}
