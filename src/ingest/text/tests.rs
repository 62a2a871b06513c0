//! Behaviour pinned on the five seeds and on small fixtures, one per kind
//! of chrome.

use super::extract_text;
use crate::ingest::ExtractedDoc;
use jiff::civil::date;

const SEED0: &str = include_str!("../../../seeds/000_080f0497458092a2.txt");
const SEED1: &str = include_str!("../../../seeds/001_b9f7234976c5c4e9.txt");
const SEED2: &str = include_str!("../../../seeds/002_a1a832152215244e.txt");
const SEED3: &str = include_str!("../../../seeds/003_f2648b5dc611d18e.txt");
const SEED4: &str = include_str!("../../../seeds/004_b035a8f8a18ede73.txt");
const NAV: &str = include_str!("../../../tests/fixtures/ingest-text/nav_and_comments.txt");
const RELATED: &str = include_str!("../../../tests/fixtures/ingest-text/related_newsletter_pullquote.txt");
const NOTES: &str = include_str!("../../../tests/fixtures/ingest-text/footnotes_quotes.txt");

fn first_para(doc: &ExtractedDoc) -> &str {
    doc.body.split("\n\n").next().unwrap_or("")
}

fn last_para(doc: &ExtractedDoc) -> &str {
    doc.body.trim_end().rsplit("\n\n").next().unwrap_or("")
}

fn assert_absent(doc: &ExtractedDoc, chrome: &[&str]) {
    for c in chrome {
        assert!(!doc.body.contains(c), "chrome {c:?} left in the body:\n{}", doc.body);
    }
}

#[test]
fn seed0_byline_footnotes_quotes_and_pingbacks() {
    let d = extract_text(SEED0);
    assert_eq!(d.title, "Islamic State Likely To Increase Terrorism Against Turkey");
    assert_eq!(d.subtitle, None);
    assert_eq!(d.authors, vec!["Kyle Orton"]);
    assert_eq!(d.date, Some(date(2017, 1, 7)));
    assert!(!d.date_inferred);
    assert_eq!(d.publisher.as_deref(), Some("The Henry Jackson Society"));
    assert!(
        first_para(&d).starts_with("It was an hour into 2017"),
        "{}",
        first_para(&d)
    );
    assert!(
        d.body.contains("the current state of the evidence,[^1] a"),
        "footnote marker 1"
    );
    assert!(
        d.body.contains("now providing airstrikes.[^2] The failure"),
        "footnote marker 2"
    );
    assert!(d.body.contains("\n[^1]: That Umar Mateen was"));
    assert!(d.body.contains("\n[^2]: Though it was clear"));
    assert!(d
        .body
        .contains("IS claimed the attack on 2 January:\n\n> In continuation of the blessed operations"));
    assert!(d.body.contains("\n> Turkey today has become a target"));
    assert!(d.body.contains("\n> We make a call to every truthful"));
    assert!(d.body.contains("UPDATE: Masharipov was arrested"));
    assert_absent(
        &d,
        &[
            "Pingback",
            "Leave a Reply",
            "thoughts on",
            "Originally published",
            "(source)",
            "By Kyle",
        ],
    );
}

#[test]
fn seed1_subtitle_heading_and_broken_paragraph() {
    let d = extract_text(SEED1);
    assert_eq!(d.title, "IS and the Istanbul Attack");
    assert!(d
        .subtitle
        .as_deref()
        .is_some_and(|s| s.starts_with("The group is activating its sleeper cells")));
    assert_eq!(d.authors, vec!["Abdel Bari Atwan"]);
    assert_eq!(d.date, None, "the text states no date and gives no dated evidence");
    assert!(d.body.contains("\n## New Strategy\n"));
    assert!(d
        .body
        .contains("in response to the international coalition’s attacks on IS territory."));
    assert!(first_para(&d).starts_with("If it is confirmed that the perpetrator"));
    assert!(last_para(&d).ends_with("indicate that this threat is now being acted upon."));
    assert_absent(&d, &["By Abdel", "The group is activating its sleeper cells"]);
}

#[test]
fn seed2_headline_before_standfirst_and_reader_chrome() {
    let d = extract_text(SEED2);
    assert_eq!(d.title, "Turkish bombing of ISIS marks end of tacit truce");
    assert_eq!(
        d.subtitle.as_deref(),
        Some("Turkey has started to crack down on the group under Western pressure and ISIS now sees Turkey as the enemy")
    );
    assert!(d.authors.is_empty());
    assert_eq!(d.date, None);
    assert!(first_para(&d).starts_with("Last month, the first edition"));
    assert!(last_para(&d).ends_with("can’t afford to miss one ISIS operative."));
    assert_absent(
        &d,
        &[
            "Read Mode",
            "Font Size",
            "min read",
            "Published:",
            "Top Content Trending",
        ],
    );
}

#[test]
fn seed3_repeated_headline_caption_credit_bios_and_jobs() {
    let d = extract_text(SEED3);
    assert_eq!(
        d.title,
        "Islamic State Khorasan’s Westward Network Expansion Into Iran, Turkey, and Europe"
    );
    assert!(d
        .subtitle
        .as_deref()
        .is_some_and(|s| s.starts_with("ISKP’s retooling from regional operations")));
    assert_eq!(d.authors, vec!["Peter Smith", "Levent Kemal", "Lucas Webber"]);
    // The outlet names itself only in its job-board advert after the body.
    assert_eq!(d.publisher.as_deref(), Some("The Diplomat"));
    // Only a dated photo caption: an inferred date, flagged as such.
    assert_eq!(d.date, Some(date(2024, 4, 10)));
    assert!(d.date_inferred);
    for h in ["Iran", "Turkey", "Europe", "Threat Assessment"] {
        assert!(d.body.contains(&format!("\n## {h}\n")), "heading {h}");
    }
    assert!(first_para(&d).starts_with("The Islamic State attack on the Crocus City Hall"));
    assert!(last_para(&d).ends_with("further inducement toward this goal."));
    assert_absent(
        &d,
        &[
            "Credit:",
            "Police officers patrol",
            "Guest Author",
            "jobs board",
            "Recent Features",
            "Features |",
            "Tags",
            "Peter Smith is",
        ],
    );
}

#[test]
fn seed4_captions_newsletter_related_pullquote_disclaimer_bios() {
    let d = extract_text(SEED4);
    assert_eq!(
        d.title,
        "Moscow attack: Will Russia and Turkey intensify the fight against IS-K?"
    );
    assert!(d
        .subtitle
        .as_deref()
        .is_some_and(|s| s.starts_with("Since the collapse of IS strongholds")));
    assert_eq!(d.authors, vec!["Levent Kemal", "Riccardo Valle"]);
    assert_eq!(d.date, Some(date(2024, 3, 24)));
    assert!(
        d.date_inferred,
        "'this month' and a dated caption are evidence, not a statement"
    );
    assert_eq!(d.publisher.as_deref(), Some("Middle East Eye"));
    assert!(d.body.contains("\n## Operational vacuum\n"));
    assert!(d.body.contains("\n## Warning to the world\n"));
    assert_eq!(
        d.body
            .matches("The group can mobilise cells scattered across the periphery")
            .count(),
        1,
        "pull quote once"
    );
    assert!(first_para(&d).starts_with("This month’s deadly attack in Moscow"));
    assert!(last_para(&d).starts_with("And this should be a warning to the rest of the world"));
    assert_absent(
        &d,
        &[
            "Skip to main content",
            "Tatyana Makeyeva",
            "newsletter",
            "Sign up",
            "Read More",
            "Suspects travelled",
            "views expressed",
            "is a freelance journalist",
            "republishing",
        ],
    );
}

#[test]
fn fixture_navigation_share_tags_and_comments() {
    let d = extract_text(NAV);
    assert_eq!(d.title, "Harbour Cranes Return to Service After Storm Repairs");
    assert_eq!(d.authors, vec!["Jane Doe"]);
    assert_eq!(d.date, Some(date(2021, 3, 3)));
    assert!(
        d.body.starts_with("The three cranes at the northern terminal"),
        "{}",
        d.body
    );
    assert!(d.body.contains("\n## Lessons from the storm\n"));
    assert!(last_para(&d).ends_with("reached the night shift in time."));
    assert_absent(
        &d,
        &[
            "Home",
            "Search",
            "Share",
            "Facebook",
            "Tags",
            "Pingback",
            "Anonymous",
            "Leave a Reply",
            "4 min read",
        ],
    );
}

#[test]
fn fixture_related_link_newsletter_pull_quote_and_bio() {
    let d = extract_text(RELATED);
    assert_eq!(d.title, "The Quiet Collapse of the River Ferry");
    assert_eq!(
        d.subtitle.as_deref(),
        Some("Why a century-old crossing is closing, and who will miss it")
    );
    assert_eq!(d.authors, vec!["Alex Moreau"]);
    assert_eq!(d.date, None, "no date and no dated evidence: no date");
    assert!(!d.date_inferred);
    assert_eq!(d.body.matches("took twelve years to build").count(), 1);
    assert!(d.body.contains("said:\n\n> Nobody asked us."));
    assert!(last_para(&d).ends_with("before the summer."));
    assert_absent(
        &d,
        &[
            "Opinion",
            "Photo:",
            "newsletter",
            "Sign up",
            "Council approves",
            "Read More",
            "is a journalist",
            "Written by",
        ],
    );
}

#[test]
fn fixture_footnotes_block_quote_and_escaping() {
    let d = extract_text(NOTES);
    assert_eq!(d.title, "On the Measurement of Rainfall in Upland Farms");
    assert_eq!(d.authors, vec!["Priya Raman"]);
    assert_eq!(d.date, Some(date(2019, 5, 12)));
    assert!(d.body.contains("as a long survey has shown,[^1] and"));
    assert!(d.body.contains("in exactly the weeks that matter most.[^2]"));
    assert!(d.body.contains("\n[^1]: See the county survey"));
    assert!(d.body.contains("\n[^2]: Drainage schedules"));
    assert!(d.body.contains("\n> The gauges we trust"));
    assert!(d.body.contains("\n1\\. This line starts with a number"));
    assert_absent(&d, &["* * *"]);
}

#[test]
fn no_date_without_evidence() {
    let d =
        extract_text("A Title Line Here\n\nSome body text that goes on for a while without any dates at all in it.\n");
    assert_eq!(d.date, None);
    assert!(!d.date_inferred);
}

#[test]
fn never_panics_on_odd_input() {
    for input in [
        "",
        "   \n\n\t\n",
        "[",
        "•",
        "By",
        "1.",
        "\u{feff}\u{200b}é\u{301}\u{202e}abc\u{202c} 🦀🦀 — “” ’",
        "Title\n\n[1] note without text\n\n[^1]",
        "日本語のタイトル\n\nこれは本文です。これは本文です。これは本文です。これは本文です。\n",
    ] {
        let _ = extract_text(input);
    }
}

#[test]
fn large_single_line_is_linear() {
    let line = "word, ".repeat(2_000_000);
    let start = std::time::Instant::now();
    let d = extract_text(&line);
    assert!(!d.body.is_empty());
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
    let many = "Short line\n\nA longer sentence that reads like prose in a body.\n\n".repeat(50_000);
    let start = std::time::Instant::now();
    let _ = extract_text(&many);
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

#[test]
fn headline_cleaning() {
    use super::header::clean_title;
    assert_eq!(
        clean_title("Home » Blog » Renting a Car: Key Phrases"),
        "Renting a Car: Key Phrases"
    );
    assert_eq!(
        clean_title("[pin-it-ico][svg] The Best Courses in 2025"),
        "The Best Courses in 2025"
    );
    assert_eq!(
        clean_title("Newsroom/Online learning tips/Which program is right for you?"),
        "Which program is right for you?"
    );
    assert_eq!(
        clean_title("Title:AlignMerge - Model Merging"),
        "AlignMerge - Model Merging"
    );
    assert_eq!(clean_title("Same TitleSame Title"), "Same Title");
    assert_eq!(
        clean_title("The history of coffee The history of coffee"),
        "The history of coffee"
    );
    assert_eq!(clean_title("AC/DC live at the arena"), "AC/DC live at the arena");
    // A short tail after a spaced separator is the site or section.
    assert_eq!(
        clean_title("How meditation rewires brains and improves physical health | Opinion"),
        "How meditation rewires brains and improves physical health"
    );
    assert_eq!(
        clean_title("Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst"),
        "Critics’ Choice: Best UK Art Exhibitions 2025"
    );
    // A long tail is part of the headline; a short head is not a headline.
    assert_eq!(
        clean_title("Best Audiobooks - How Small Languages Die in the Age of AI"),
        "Best Audiobooks - How Small Languages Die in the Age of AI"
    );
}

#[test]
fn headline_keeps_its_bracketed_phrase_or_year() {
    use super::header::clean_title;
    assert_eq!(
        clean_title("How To Plan A Room [Step By Step]"),
        "How To Plan A Room [Step By Step]"
    );
    assert_eq!(
        clean_title("[2025] Massive List of Free Certificates"),
        "[2025] Massive List of Free Certificates"
    );
    assert_eq!(clean_title("[svg][IMG_0038-300x200] The Guide [ ]"), "The Guide");
}

#[test]
fn headline_named_by_the_breadcrumb_above_it() {
    // Without the breadcrumb, the subhead over the byline looks more like a
    // headline than the headline does.
    let text = "Skip to main content\n\n 1. Home\n 2. Gardening\n 3. Growing Tomatoes on a Small Balcony\n\n\
        Growing Tomatoes on a Small Balcony\n\n[tomatoes-on-balcony]\n\nPhoto Credit\nJane Smith/Shutterstock\n\n\
        A Simple Plan for Sweet Fruit All Summer Long\n\nWritten By: Alex Morgan\nJune 3, 2024\n\n\
        Tomatoes do not need a large garden to thrive, and a sunny balcony can give you a generous harvest if you pick the right varieties.\n\n\
        Start with compact plants that were bred for containers, and give each one a pot that holds at least five gallons of good soil.\n\n\
        Water deeply and regularly, because plants in pots dry out much faster than plants in the ground during hot weather.\n\n\
        Feed the plants every two weeks once the first flowers open, and stake or cage them before the stems get heavy with fruit.\n";
    let d = extract_text(text);
    assert_eq!(d.title, "Growing Tomatoes on a Small Balcony");
    assert_eq!(d.authors, vec!["Alex Morgan"]);
}

#[test]
fn headline_over_its_shorter_rewording() {
    // The page prints its headline, then a shorter wording of it (the
    // title used for listings) right over the article: the fuller one is
    // the headline.
    let text = "Home\nProducts\nBlog\nclose\n\nSubscribe to Our Newsletter\n\n\
        Best Portable Projectors For 2026\n\nBest Portable Projectors For 2024\n\n\
        Looking for the best portable projectors in a world where you carry entertainment as well as presentations in your pockets turns into an important talk. These small devices are really a game changer for travellers.\n\n\
        With a mini-cinema, or even a professional presentation setup, at your disposal, the urge to say yes is overwhelming. Portable projectors have gained ground, and for good reasons.\n\n\
        Our Best Portable Projector Picks:\n\n\
        The first pick is small and bright enough for a dark living room, and its battery lasts for two full films.\n";
    let d = extract_text(text);
    assert_eq!(d.title, "Best Portable Projectors For 2026");
}

#[test]
fn headline_under_a_section_label() {
    // A short section label over the headline, the byline and date just
    // under the headline and its standfirst.
    let text = "Logo\nMenu\n\nBack to Blogs\nHR & Payroll Services\n\n\
        HR Shared Services explained: Benefits, functions, and best practices\n\n\
        HR shared services have evolved into a cornerstone of modern HR operating models, enabling organisations to drive both efficiency and value.\n\n\
        Elliot Raba\n\n23.07.2025 \u{b7} 6 min read\n\n\
        Shared services bring transactional HR work into one team, so that business partners can focus on advice rather than paperwork.\n\n\
        The model started in large companies, but growing firms now use it too, often with a service desk and a self-service portal.\n\n\
        Done well, it lowers costs, speeds up answers to employees, and gives leaders cleaner data about their workforce.\n";
    let d = extract_text(text);
    assert_eq!(
        d.title,
        "HR Shared Services explained: Benefits, functions, and best practices"
    );
}

#[test]
fn disclaimers_and_bios_are_not_body() {
    let text = "A Guide to Quiet Keyboards\n\nBy Sam Ortiz\n\n\
        We may earn commission from links on this page, but we only recommend products we back.\n\n\
        Sam Ortiz is a freelance writer who covers desk gear and ergonomics for several magazines.\n\n\
        Quiet keyboards use dampened switches and foam layers to cut the clatter of every keystroke in half.\n\n\
        Most of them still feel crisp, and a few are quieter than a pencil on paper in our tests at the office.\n\n\
        Sam Ortiz is a freelance writer who covers desk gear and ergonomics for several magazines.\n";
    let d = extract_text(text);
    assert_eq!(d.title, "A Guide to Quiet Keyboards");
    assert_eq!(d.authors, vec!["Sam Ortiz"]);
    assert!(
        d.body.starts_with("Quiet keyboards use dampened switches"),
        "{}",
        d.body
    );
    assert!(d.body.trim_end().ends_with("in our tests at the office."), "{}", d.body);
    assert_absent(&d, &["commission", "freelance writer"]);
}

#[test]
fn return_arrow_footnotes_and_caret_markers() {
    let text = "Notes on Logs\n\nBy Ada Park\n\n\
        Transparency logs keep a service honest because every entry is public and append-only.^1 That is the whole idea.\n\n\
        The rest of this post walks through a small example with a keyserver and a witness network.\n\n\
          1. A log can still be split, which is why witnesses matter. ↩\n";
    let d = extract_text(text);
    assert!(d.body.contains("append-only.[^1] That"), "{}", d.body);
    assert!(
        d.body
            .contains("[^1]: A log can still be split, which is why witnesses matter."),
        "{}",
        d.body
    );
}

/// A dump's article with `header` between the headline and the text.
fn article_with_header(header: &str) -> String {
    let para = "The city council met on Tuesday evening to debate the new harbour plan, which would reshape the \
                waterfront for decades to come and bring new jobs to the area. ";
    format!(
        "Home\nAbout\n\nNeed a Change? Seven Vital Tips on How to Rent a Car\n\n{header}\n\n{}\n\n{}\n",
        para.repeat(3),
        para.repeat(3)
    )
}

#[test]
fn byline_parts_split_at_a_dot_operator() {
    let d = extract_text(&article_with_header(
        "By Chris McNamara \u{22c5} Founder and Editor-in-Chief  \u{22c5}  Updated May 6, 2025",
    ));
    assert_eq!(d.authors, vec!["Chris McNamara"]);
}

#[test]
fn name_printed_twice_under_the_headline_is_the_author() {
    // An avatar's alt text glued to the name: "Maria LopezMaria Lopez".
    let text = "Home\nAbout\n\nA Practical Guide to Quiet Mechanical Keyboards\n\nMaria LopezMaria Lopez\n\n\
        Quiet keyboards use dampened switches and foam layers to cut the clatter of every keystroke in half.\n\n\
        Most of the noise comes from the keycap hitting the frame, so o-rings and lubricated switches help a lot.\n\n\
        A heavier case absorbs the rest, which is why aluminium boards sound deeper than plastic ones.\n";
    let d = extract_text(text);
    assert_eq!(d.authors, vec!["Maria Lopez"]);
}

#[test]
fn date_on_a_byline_below_the_standfirst() {
    // The byline sits past the header zone (standfirst, logo, caption,
    // credit); its date is the page's date.
    let text = "Home\nAbout\n\nThe Best Standing Desks for Small Rooms\n\n\
        We bought and tested the top twelve standing desks from every major brand over three months.\n\
        tested logo\n\nBest Standing Desk Review\n\nCredit: Chris Walker\n\nChris Walker\n\
        By Chris Walker \u{22c5} Founder and Editor-in-Chief \u{22c5} Updated May 6, 2025\n\
        Contributions From: Dana Reyes\n\n\
        Standing desks have come down in price, and even a small room can fit one if you pick a compact frame.\n\n\
        We measured wobble at full height, noise from the motors and how long each desk took to reach its presets.\n\n\
        The frames that did best were the ones with a crossbar, which costs a little legroom but removes most of the sway.\n";
    let d = extract_text(text);
    assert_eq!(d.title, "The Best Standing Desks for Small Rooms");
    assert_eq!(d.date, Some(date(2025, 5, 6)));
}

#[test]
fn name_over_the_date_past_the_picture_is_the_author() {
    // The standfirst twice, a picture, then the name over the date.
    let text = "Blog\n\nHow Much Should You Charge For A Yoga Class?\n\n\
        A guide on what to charge for a class, what affects the price and how to set your rates.\n\n\
        A guide on what to charge for a class, what affects the price and how to set your rates.\n\n\
        [65f88feb57]\nShauna Mitchell\nAugust 25, 2024\n[66][66b77c8607]\n\n\
        Setting your prices is one of the hardest parts of teaching, and most teachers guess at first.\n\n\
        Studios in big cities charge more, but their rent is higher too, so the margin is often the same.\n\n\
        Private classes cost more than group ones because the teacher's hour serves only one student.\n\n\
        Shauna Mitchell\n";
    let d = extract_text(text);
    assert_eq!(d.authors, vec!["Shauna Mitchell"]);
    assert_eq!(d.date, Some(date(2024, 8, 25)));
}

#[test]
fn menu_entries_and_list_items_are_not_bylines() {
    let text = "Start Here\nHere Comes the Guide\n\n  • Wedding Venues\n      □ By State\n      □ By Style\n\
        \n1. Choose Boring Technology (2015) by Dan McKinley\n\n\
        Here Comes the Guide\n\n\
        Picking a venue is the first big decision, and it shapes the date, the guest list and the budget.\n\n\
        Outdoor venues need a rain plan, which usually means a tent and a second set of rentals on hold.\n\n\
        Ask every venue what is included, because chairs, linens and staff are often priced separately.\n";
    let d = extract_text(text);
    assert!(d.authors.is_empty(), "{:?}", d.authors);
}

/// Body paragraphs long enough to be the article.
fn paras(n: usize) -> String {
    let p = "The council met on Tuesday evening to debate the new harbour plan, which would reshape the waterfront \
             for decades to come and bring new jobs to the area, according to the people who drafted it.";
    vec![p; n].join("\n\n")
}

#[test]
fn a_bare_one_word_by_far_from_the_headline_is_a_heading() {
    let text = format!(
        "Home\n\nWhat Are the Different Types of Mobile Apps?\n\n{}\n\nBy Functionality\n\n{}\n",
        paras(12),
        paras(14)
    );
    assert!(extract_text(&text).authors.is_empty());
    let text = format!(
        "Home\n\nWhat Are the Different Types of Mobile Apps?\n\n{}\n\nWritten by Melissa\n\n{}\n",
        paras(12),
        paras(14)
    );
    assert_eq!(extract_text(&text).authors, vec!["Melissa"]);
}

#[test]
fn a_one_word_name_after_a_mid_line_by_needs_a_date_or_label() {
    let d = extract_text(&article_with_header("Comparison of Platforms by Industry"));
    assert!(d.authors.is_empty(), "{:?}", d.authors);
    let d = extract_text(&article_with_header("Author Posted by Soliant on December 20, 2024"));
    assert_eq!(d.authors, vec!["Soliant"]);
}

#[test]
fn a_job_title_under_a_name_beats_a_dated_category() {
    let d = extract_text(&article_with_header(
        "October 26, 2025\nUX Analytics\n\nBrinda Gulati\n\nContent Editor",
    ));
    assert_eq!(d.authors, vec!["Brinda Gulati"]);
}

#[test]
fn an_avatar_caption_printed_twice_names_the_author_once() {
    let d = extract_text(&article_with_header(
        "  • Picture of Santiago ParraPicture of Santiago Parra Santiago Parra\n  • January 19, 2023",
    ));
    assert_eq!(d.authors, vec!["Santiago Parra"]);
}

#[test]
fn posted_by_a_name_on_a_date_anywhere_dates_the_page() {
    // The headline chosen is a menu label, so the byline is not in the
    // header; its label still dates the page.
    let text = format!(
        "AI & Machine Learning\n\n{}\n\nPosted by Peter Bell on August 21, 2019\n\n{}\n",
        paras(12),
        paras(6)
    );
    assert_eq!(extract_text(&text).date, Some(date(2019, 8, 21)));
    let text = format!(
        "AI & Machine Learning\n\n{}\n\nPosted on November 25, 2024 in College of Health Sciences, General, \
         Healthcare, Master of Science in Applied Nutrition and Dietetics, Nutrition, Online Learning, Students\n\n{}\n",
        paras(12),
        paras(6)
    );
    assert_eq!(extract_text(&text).date, Some(date(2024, 11, 25)));
}

#[test]
fn name_lines_with_a_placeholder_or_a_team() {
    let d = extract_text(&article_with_header(
        "[Denise_Eve] Denise Everheart\ncalendar August 23, 2023",
    ));
    assert_eq!(d.authors, vec!["Denise Everheart"]);
    let d = extract_text(&article_with_header(
        "BCBSOK Connect Team\nBCBSOK Connect Team\nDecember 12, 2024",
    ));
    assert_eq!(d.authors, vec!["BCBSOK Connect Team"]);
}

#[test]
fn reviewers_are_not_authors_and_an_author_label_names_one() {
    let d = extract_text(&article_with_header(
        "Author Yaren Fadiloglulari Yaren Fadiloglulari\n\nreviewed by Jo-ann Caballes",
    ));
    assert_eq!(d.authors, vec!["Yaren Fadiloglulari"]);
    let d = extract_text(&article_with_header("Medically reviewed by Jo-ann Caballes"));
    assert!(d.authors.is_empty(), "{:?}", d.authors);
}

#[test]
fn a_by_label_over_a_name_with_its_role() {
    let d = extract_text(&article_with_header("By:\nJessica Elliott , Contributor\nShare"));
    assert_eq!(d.authors, vec!["Jessica Elliott"]);
}

#[test]
fn names_with_their_affiliation_after_a_bar_or_a_gap() {
    let d = extract_text(&article_with_header(
        "Manoj Jain and Jagpreet Chhatwal  |  Guest Columnists",
    ));
    assert_eq!(d.authors, vec!["Manoj Jain", "Jagpreet Chhatwal"]);
    let d = extract_text(&article_with_header("Brian Truitt   USA TODAY"));
    assert_eq!(d.authors, vec!["Brian Truitt"]);
    let d = extract_text(&article_with_header("Apples and Pears  |  Fresh Produce"));
    assert!(d.authors.is_empty(), "{:?}", d.authors);
}

#[test]
fn a_byline_closing_the_standfirst() {
    let d = extract_text(&article_with_header(
        "The global bakery chain's North America division is positioning for ambitious growth beyond the \
         U.S. and Canada. By Lisa Jennings on Dec. 19, 2025",
    ));
    assert_eq!(d.authors, vec!["Lisa Jennings"]);
}

#[test]
fn article_by_label_and_a_team_first_name_line() {
    let d = extract_text(&article_with_header(
        "Article by\n\nMatias Heikkilä\nLet's talkSubscribe",
    ));
    assert_eq!(d.authors, vec!["Matias Heikkilä"]);
    let d = extract_text(&article_with_header("[]\nTeam SimplyThrilled\nSeptember 4, 2025"));
    assert_eq!(d.authors, vec!["Team SimplyThrilled"]);
}

#[test]
fn a_name_over_a_reading_time_when_no_date_has_a_year() {
    let d = extract_text(&article_with_header("  • \n    Dr. Allen\n  • Jan 4\n  • 2 min read"));
    assert_eq!(d.authors, vec!["Dr. Allen"]);
}

#[test]
fn a_job_title_with_its_department_under_a_name() {
    let d = extract_text(&article_with_header(
        "Avatar\nChris Pardo\nVice President of Consulting",
    ));
    assert_eq!(d.authors, vec!["Chris Pardo"]);
}

#[test]
fn this_post_was_written_by_and_the_owner_of_a_personal_blog() {
    let text = format!(
        "Home\n\nConnecting Scholarly Metadata\n\n{}\n\nThis post was written by Danielle Padula, Head of Marketing\n",
        paras(6)
    );
    assert_eq!(extract_text(&text).authors, vec!["Danielle Padula"]);
    let text = format!(
        "Skip to content\nDerek Seaman's Tech Blog\n\nHome\n\nConnecting Scholarly Metadata\n\n{}\n",
        paras(6)
    );
    assert_eq!(extract_text(&text).authors, vec!["Derek Seaman"]);
}

#[test]
fn one_word_entries_under_an_authors_label_are_a_menu() {
    let text = format!(
        "Home\n\nConnecting Scholarly Metadata\n\n{}\n\nAuthors\n\nThemes\nIssues\nSitemap\n",
        paras(6)
    );
    assert!(extract_text(&text).authors.is_empty());
}

#[test]
fn an_image_named_title_cover_is_not_the_headline() {
    let text = format!(
        "  • Get a Demo\n\nFuture-Proof Your SaaS: 15 Data Analytics Trends for 2025 cover\nOctober 26, 2025\n\n\
         Future-Proof Your SaaS: 15 Data Analytics Trends for 2025\n\nBrinda Gulati\n\n{}\n",
        paras(6)
    );
    assert_eq!(
        extract_text(&text).title,
        "Future-Proof Your SaaS: 15 Data Analytics Trends for 2025"
    );
}

#[test]
fn an_originally_published_statement_wins_over_the_header_date() {
    let text = format!(
        "Pros and Cons of Living in a Tiny Home\n\nBy Jane Doe\n30 Sep 2022, 11:07am\n\n{}\n\n\
         This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated.\n",
        paras(6)
    );
    let d = extract_text(&text);
    assert_eq!(d.date, Some(date(2019, 9, 26)));
    assert!(!d.date_inferred);
    // Without the statement the header date stands.
    let text = format!(
        "Pros and Cons of Living in a Tiny Home\n\nBy Jane Doe\n30 Sep 2022, 11:07am\n\n{}\n",
        paras(6)
    );
    assert_eq!(extract_text(&text).date, Some(date(2022, 9, 30)));
}

#[test]
fn a_publication_date_under_stacked_labels() {
    let text = format!(
        "Protect Your Small Business\n\n{}\n\nPublished\n\nPublish date\n\n15 November 2018\n\nReviewed\n\n8 March 2024\n",
        paras(6)
    );
    assert_eq!(extract_text(&text).date, Some(date(2018, 11, 15)));
}

#[test]
fn headline_with_a_newsletter_or_network_word() {
    // "Subscription" and two network names make a line chrome, but such a
    // line in the headline's place, over its byline, is the headline.
    let text = format!(
        "Menu\nReviews by Category\n\nFacebook IconTwitter Icon\n\n\
         The 16 Best Clothing Subscription Boxes in 2025\n\nBy Jane Doe\nMarch 5, 2025\n\n{}\n",
        paras(5)
    );
    assert_eq!(
        extract_text(&text).title,
        "The 16 Best Clothing Subscription Boxes in 2025"
    );
    let text = format!(
        "Menu\nMarketing Strategy\n\nSocial Shopping: Instagram, TikTok and More\n\n  \u{2022} June 26, 2025\n\n{}\n",
        paras(5)
    );
    assert_eq!(extract_text(&text).title, "Social Shopping: Instagram, TikTok and More");
    // A short line is the prompt itself.
    let text = format!("Menu\n\nNewsletter Sign Up\n\n{}\n", paras(5));
    assert_ne!(extract_text(&text).title, "Newsletter Sign Up");
}

#[test]
fn headline_over_an_image_credit() {
    // The credit under the picture marks the line above it as a caption;
    // here that line is the headline.
    let text = format!(
        "[Subscribe]\n\nI'm interested in:\n\n\
         Guide to academic journal indexing: Where, when, and how to get indexed\n\nImage Credit: Pexels\n\n{}\n",
        paras(5)
    );
    assert_eq!(
        extract_text(&text).title,
        "Guide to academic journal indexing: Where, when, and how to get indexed"
    );
}

#[test]
fn headline_past_a_long_menu_in_the_run() {
    // A mega menu inside the best run pushes the headline past the usual
    // lookahead of 80 non-blank lines.
    let menu: Vec<String> = (0..90).map(|k| format!("Service {k}")).collect();
    let text = format!(
        "{}\n\nBest Office Chairs to Prevent Back Pain\n\nBy Jane Doe\nOctober 9, 2025\n\n{}\n",
        menu.join("\n"),
        paras(10)
    );
    let ls = super::lines::classify(&super::lines::normalize(&text));
    let h = super::header::find_header(&ls, 0..ls.len());
    assert_eq!(h.title, "Best Office Chairs to Prevent Back Pain");
}

#[test]
fn one_weight_per_headline_feature() {
    assert_eq!(super::header::TITLE_FEATURES.len(), super::header::TITLE_WEIGHTS.len());
}

#[test]
fn headline_and_its_date_on_one_line() {
    let text = format!(
        "Home\nBlog\nAbout\n\nDec 18 2025 Preparing a transition in Debusine\n\n{}\n\n$ dput -O debusine_workspace=developers\n\n{}\n",
        paras(6),
        paras(2)
    );
    let d = extract_text(&text);
    assert_eq!(d.title, "Preparing a transition in Debusine");
    assert_eq!(d.date, Some(date(2025, 12, 18)));
}

#[test]
fn a_by_line_the_byline_parser_missed_is_not_the_headline() {
    let text = format!(
        "Health\n\nTransition to vegan diet should be gradual\n\nImage\nDecember 7, 2020\nBy Ask the Doctors\n3 min read\n\n{}\n",
        paras(6)
    );
    let d = extract_text(&text);
    assert_eq!(d.title, "Transition to vegan diet should be gradual");
    // A column or a team named by the by-line is the author.
    assert_eq!(d.authors, vec!["Ask the Doctors"]);
    let text = format!(
        "Coffee\n\nThe History of coffee: from its origins to today\n\nBy the Lavazza Team 2\u{2013}3\u{a0}minutes\n\n{}\n",
        paras(6)
    );
    assert_eq!(extract_text(&text).authors, vec!["the Lavazza Team"]);
}

#[test]
fn author_slash_site_over_the_headline() {
    // "Laura / House Plant House" over the category links and the headline.
    let ps = [
        "The most commonly asked customer question I have encountered since working with houseplants is without a doubt which plants are best for a place that does not get much light.",
        "The plants mentioned in this guide are tried and tested low light tolerant plants that have all lived with me in less than perfect conditions in my house, so here are my picks.",
        "This topic warrants a longer form post as I wanted to be sure to provide enough detail about each plant, alongside plenty of photos too, so it is divided into sections.",
        "Low light does not mean no light: every plant needs some daylight, and a plant house with a north window can still keep a healthy collection of tolerant plants.",
    ];
    let body = [ps, ps].concat().join("\n\n");
    let text = format!(
        "  \u{2022} Houseplants\n      \u{25a1} Houseplant Holiday Care\n  \u{2022} Renovation\n  \u{2022} Garden\n  \u{2022} Design\n  \
         \u{2022} Photo Diary\n      \u{25a1} Photo Diary\n      \u{25a1} HPH Visits\n\n\
         Search\n[                    ]\nFebruary 27, 2021\n\nLaura / House Plant House\n\n\
         A HPH guide to\u{2026}, houseplant basics, Houseplants\n\n\
         A HPH guide to\u{2026} Low light tolerant houseplants\n\n[low-light-tolerant-houseplants-aspidistra]\n\n\
         {body}\n\n2 thoughts on \u{201c}A HPH guide to\u{2026} Low light tolerant houseplants\u{201d}\n\nLovely post, thank you!\n"
    );
    assert_eq!(
        extract_text(&text).title,
        "A HPH guide to\u{2026} Low light tolerant houseplants"
    );
}

#[test]
fn a_longer_heading_that_ends_with_the_short_title_is_no_breadcrumb() {
    // "Overview of the Top 10 ..." ends with the short title but is a
    // heading of the body, not a breadcrumb naming the page: the fuller
    // line above is the headline.
    let p = "Choosing the right footwear is essential for both comfort and style, and the brands below have shaped how the world walks, runs and plays for decades.";
    let q = "Each of these shoe companies sells in dozens of countries, and together they make most of the sneakers, boots and sandals sold around the world every year.";
    let text = format!(
        "  \u{2022} HOME\n  \u{2022} Blogs\n  \u{2022} Contact Us\n\nSign in\n\n\
         Top 10 Shoe Companies in the World You Should Know About\n\n  \u{2022} Home\n  \u{2022} Our Blogs\n\n\
         Top 10 Shoe Companies in the World\n\n{p}\n\nStart Shopping Now\n\n\
         Overview of the Top 10 Shoe Companies in the World\n\n{q}\n\n{p}\n\n{q}\n\n{p}\n"
    );
    assert_eq!(
        extract_text(&text).title,
        "Top 10 Shoe Companies in the World You Should Know About"
    );
}

#[test]
fn a_lone_name_over_the_date_or_published_is_the_author() {
    let text = format!(
        "Home\nBlog\n\nPodcast Equipment Checklist for Beginners\n\nStefan\nMarch 5, 2026\n9 min read\n\n{}\n",
        paras(6)
    );
    assert_eq!(extract_text(&text).authors, vec!["Stefan"]);
    let text = format!(
        "Home\nBlog\n\nHow to Make a Smart Home Plan\n\n  \u{2022} The Upwork Team\n\nPublished\n\n{}\n",
        paras(6)
    );
    assert_eq!(extract_text(&text).authors, vec!["The Upwork Team"]);
    // Sections and labels over the date are not names.
    for label in ["DIY, Home Decor", "Newest posts", "Overview"] {
        let text = format!(
            "Home\nBlog\n\nPodcast Equipment Checklist for Beginners\n\n{label}\nMarch 5, 2026\n\n{}\n",
            paras(6)
        );
        assert!(extract_text(&text).authors.is_empty(), "{label}");
    }
}
