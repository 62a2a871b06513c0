//! Line model: normalisation and per-line classification.

use crate::ingest::meta;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Blank,
    /// Ordinary text: a paragraph, heading, label, byline...
    Text,
    /// A bulleted list item; `level` 0 is the outermost.
    Bullet {
        level: u8,
    },
    /// A numbered list item (indented in the dump).
    Numbered {
        level: u8,
    },
    /// Form fields, image placeholders: `[          ]`, `[Subscribe]`, `[svg]`.
    Bracket,
    /// Horizontal rules and separators: `━━━`, `* * *`, `___`.
    Rule,
}

/// What a line is to the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Content,
    /// Chrome to drop (navigation, share buttons, prompts, metadata labels).
    Chrome,
    /// A photo caption or credit.
    Caption,
    /// A line after which the article is over (comments, related, bios).
    Terminator,
}

#[derive(Debug, Clone)]
pub struct Line {
    /// The line without leading/trailing spaces (and without its list marker).
    pub text: String,
    pub indent: usize,
    pub kind: Kind,
    pub words: usize,
    pub role: Role,
    /// Ends like a sentence (or contains one).
    pub sentence: bool,
    /// A byline ("By Jane Doe", "Written by ...").
    pub byline: bool,
    /// Mostly a date ("January 7, 2017", "Dec 19, 2025 at 04:34 AM").
    pub dateline: bool,
    /// Header metadata: a byline, a dateline, "Published", "4 min read".
    pub meta: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.kind == Kind::Blank
    }
}

/// Replace no-break and odd spaces, drop zero-width characters and CRs.
pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\u{3000}' => out.push(' '),
            '\t' => out.push_str("    "),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' | '\r' | '\u{2060}' => {}
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

const BULLETS: &[(char, u8)] = &[
    ('•', 0),
    ('●', 0),
    ('◦', 1),
    ('○', 1),
    ('□', 1),
    ('■', 2),
    ('▪', 2),
    ('‣', 1),
    ('◆', 0),
    ('·', 0),
    ('☆', 2),
    ('★', 2),
    ('►', 0),
    ('▸', 0),
    ('▶', 0),
    ('✓', 0),
    ('✔', 0),
    ('◇', 1),
    ('♦', 0),
];

regex_fn!(numbered_re, r"^(\d{1,3})[.)]\s+\S");

pub fn classify(norm: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for raw in norm.split('\n') {
        let trimmed_end = raw.trim_end();
        let text = trimmed_end.trim_start();
        let indent = trimmed_end.len() - text.len();
        if text.is_empty() {
            out.push(Line {
                text: String::new(),
                indent: 0,
                kind: Kind::Blank,
                words: 0,
                role: Role::Content,
                sentence: false,
                byline: false,
                dateline: false,
                meta: false,
            });
            continue;
        }
        let mut kind = Kind::Text;
        let mut body = text;
        let first = text.chars().next().unwrap_or(' ');
        if let Some(&(_, level)) = BULLETS.iter().find(|(b, _)| *b == first) {
            let rest = &text[first.len_utf8()..];
            if rest.is_empty() || rest.starts_with(' ') {
                kind = Kind::Bullet {
                    level: level.max((indent / 6).min(3) as u8),
                };
                body = rest.trim();
            }
        } else if (first == '-' || first == '*' || first == '+') && text.len() > 2 && text[1..].starts_with(' ') {
            kind = Kind::Bullet {
                level: (indent / 4).min(3) as u8,
            };
            body = text[1..].trim();
        } else if indent > 0 && numbered_re().is_match(text) {
            kind = Kind::Numbered {
                level: (indent / 6).min(3) as u8,
            };
            body = text;
        }
        if kind == Kind::Text {
            if is_rule(text) {
                kind = Kind::Rule;
            } else if is_bracket(text) {
                kind = Kind::Bracket;
            }
        }
        let words = body.split_whitespace().count();
        let sentence = is_sentence(body);
        let mut line = Line {
            text: body.to_string(),
            indent,
            kind,
            words,
            role: Role::Content,
            sentence,
            byline: false,
            dateline: false,
            meta: false,
        };
        line.role = role_of(&line);
        if words <= 30 {
            line.byline = meta::parse_byline(&line.text).is_some();
            line.dateline = is_dateline(&line.text);
        }
        line.meta = compute_meta(&line);
        out.push(line);
    }
    mark_captions_before_credits(&mut out);
    out
}

regex_fn!(
    credit_re,
    r"(?i)^(?:photo\s*|image\s*)?(?:credit|courtesy|source|photo|image)s?\s*:|^(?:photo|image|illustration)s?\s+(?:by|courtesy)\b"
);

/// "Police officers patrol ... in Paris, April 10, 2024." followed by
/// "Credit: AP Photo/Lewis Joly": the line above a credit is its caption.
fn mark_captions_before_credits(ls: &mut [Line]) {
    let mut prev: Option<usize> = None;
    for i in 0..ls.len() {
        if ls[i].is_blank() {
            continue;
        }
        if ls[i].role == Role::Caption && ls[i].words <= 12 && credit_re().is_match(&ls[i].text) {
            if let Some(p) = prev {
                if ls[p].kind == Kind::Text && ls[p].role == Role::Content && ls[p].words <= 80 {
                    ls[p].role = Role::Caption;
                }
            }
        }
        prev = Some(i);
    }
}

/// Metadata around a headline: bylines, datelines, "Published", "4 min read".
fn compute_meta(l: &Line) -> bool {
    if l.is_blank() {
        return false;
    }
    if l.byline || l.dateline {
        return true;
    }
    if l.words <= 12 {
        let f = fold(&l.text);
        if f.starts_with("fact checked")
            || f.starts_with("reviewed by")
            || f.starts_with("medically reviewed")
            || f.starts_with("edited by")
            || f.starts_with("updated by")
        {
            return true;
        }
    }
    if l.role == Role::Chrome && l.kind != Kind::Rule {
        let f = fold(&l.text);
        return f.starts_with("published")
            || f.starts_with("fact checked")
            || f.starts_with("reviewed by")
            || f.starts_with("medically reviewed")
            || f.starts_with("updated")
            || f.starts_with("posted")
            || f.starts_with("share")
            || f.contains(" read")
            || f.starts_with("read mode")
            || f.starts_with("written by")
            || f.starts_with("by ");
    }
    false
}

fn is_rule(t: &str) -> bool {
    t.chars().count() >= 3 && t.chars().all(|c| "━─-_=*·•~ ─═—–#+".contains(c))
}

fn is_bracket(t: &str) -> bool {
    // Only bracket groups (and a few words of label before a form field).
    if t.starts_with('[') && t.ends_with(']') && !t[1..t.len() - 1].contains(']') {
        return true;
    }
    if t.contains("[    ") || t.contains("[ ]") {
        return t
            .split_whitespace()
            .filter(|w| !w.starts_with('[') && !w.ends_with(']'))
            .count()
            <= 6;
    }
    let mut rest = t;
    let mut groups = 0;
    while let Some(s) = rest.find('[') {
        if !rest[..s].trim().is_empty() {
            return false;
        }
        let Some(e) = rest[s..].find(']') else {
            return false;
        };
        rest = &rest[s + e + 1..];
        groups += 1;
    }
    groups > 0 && rest.trim().is_empty()
}

pub fn is_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| "\"'”’)]*»".contains(c) || c.is_whitespace());
    t.ends_with(['.', '!', '?', ':', ';', '…']) || t.contains(". ")
}

/// Lower-case, letters/digits/spaces only, collapsed: for vocabulary matching.
pub fn fold(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        // ASCII first: the same answers as below, without the Unicode tables
        let (alnum, gap) = if c.is_ascii() {
            (
                c.is_ascii_alphanumeric(),
                c.is_whitespace() || matches!(c, '-' | '|' | '/' | ':' | '&' | '\''),
            )
        } else {
            (c.is_alphanumeric(), c.is_whitespace() || matches!(c, '–' | '—' | '’'))
        };
        if alnum {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if gap {
            space = true;
        }
    }
    out
}

/// Whole lines (folded) that are page furniture.
const CHROME: &[&str] = &[
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "skip to footer",
    "skip to main",
    "jump to content",
    "main menu",
    "menu",
    "close menu",
    "open menu",
    "toggle navigation",
    "navigation",
    "toggle menu",
    "search",
    "search for",
    "home",
    "share",
    "share this",
    "share this article",
    "share this post",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share on linkedin",
    "share via email",
    "tweet",
    "email",
    "e mail",
    "print",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "instagram",
    "youtube",
    "telegram",
    "copy link",
    "copy url",
    "link copied",
    "read more",
    "continue reading",
    "read mode",
    "font size",
    "reply",
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "ad",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "login",
    "logout",
    "log out",
    "register",
    "newsletter",
    "follow us",
    "follow",
    "previous",
    "next",
    "prev",
    "back",
    "back to top",
    "top",
    "listen",
    "listen to this article",
    "save",
    "saved",
    "bookmark",
    "cookie settings",
    "accept",
    "accept all",
    "reject all",
    "close",
    "loading",
    "load more",
    "show more",
    "view all",
    "see all",
    "more",
    "about",
    "contact",
    "contact us",
    "privacy policy",
    "terms of use",
    "terms of service",
    "cancel reply",
    "post comment",
    "submit",
    "play",
    "pause",
    "download",
    "download print",
    "thumbnail",
    "gallery",
    "like",
    "likes",
    "view comments",
    "no comments",
    "0 comments",
    "comment",
    "cart",
    "view cart",
    "my account",
    "wishlist",
    "donate",
    "order now",
    "get started",
    "learn more",
    "shop now",
    "buy now",
    "apply now",
    "watch",
    "video",
    "audio",
    "image",
    "photo",
    "photos",
    "expand",
    "collapse",
    "zoom",
    "full screen",
    "close modal",
    "translate",
    "language",
    "english",
    "updated",
    "published",
    "published updated",
    "posted",
    "posted on",
    "by",
    "written by",
    "author",
    "opinion",
    "news",
    "features",
    "feature",
    "analysis",
    "blog",
    "article",
    "news article",
    "recent features",
    "author image",
    "avatar",
    "picture",
    "image credit",
    "getty images",
    "shutterstock",
    "upvote",
    "downvote",
    "flag",
    "report",
    "permalink",
    "edit",
    "quote",
    "toggle",
    "icon",
    "logo",
    "enable javascript",
    "javascript is disabled",
    "table of contents",
    "contents",
    "in this article",
    "on this page",
    "jump to",
    "summary",
    "key takeaways",
    "listen now",
    "sign up now",
    "all posts",
    "home page",
    "site",
    "main",
    "article icon",
    "resources",
    "search search",
];

struct ChromeRes {
    set: std::collections::HashSet<&'static str>,
    patterns: Regex,
    terminator: Regex,
    caption: Regex,
    newsletter: Regex,
    social: Regex,
    /// Checked on the raw (lower-cased) line: labels, breadcrumbs, cookies.
    raw: Regex,
    /// Disclaimers and republication notes that close an article.
    long_terminator: Regex,
    /// Affiliate and editorial-process notices.
    disclaimer: Regex,
}

/// The chrome patterns are large (bounded repeats, dozens of branches): with
/// the default lazy-DFA cache they kept evicting states and rebuilding them,
/// a third of the text path's time. A larger cache holds them.
fn chrome_regex(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern).dfa_size_limit(32 << 20).build()
}

fn res() -> &'static ChromeRes {
    static RES: OnceLock<ChromeRes> = OnceLock::new();
    RES.get_or_init(|| ChromeRes {
        set: CHROME.iter().copied().collect(),
        patterns: chrome_regex(
            r"(?x)^(?:
                \d+\s*(?:min(?:ute)?s?|m)\s*(?:read|reading|listen)(?:\s*time)?.*
              | .{0,24}(?:estimated\s*)?(?:reading|read)\s*time\s*\d+.*
              | \d+\s*minutes?(?:\s*read(?:\s*time)?)?
              | \d+\s*font\s*size
              | (?:published|updated|posted|last\s*updated|modified|date)(?:\s*(?:published|updated|on))?
              | (?:share|tweet)(?:\s+\S+){0,3}
              | (?:follow|email|print)\s*(?:this|on|us|via|article|story|post|page)(?:\s+\S+){0,3}
              | (?:posted|filed|published)\s*(?:in|under)\s.{0,60}
              | tagged\s*(?:with)?\s.{0,60}
              | \d+\s*(?:comments?|shares?|likes?|views?|reactions?)
              | advertisement.{0,30}
              | story\s*continues\s*(?:below|after).*
              | scroll\s*(?:to|down).{0,30}
              | (?:click|tap)\s*here.{0,60}
              | .{0,80}read\s*more\s*[»›→>]*
              | all\s*rights\s*reserved.*
              | (?:©|copyright)\s.{0,120}
            )$",
        )
        .expect("valid regex"),
        terminator: chrome_regex(
            r"(?x)^(?:
                \d+\s*(?:thoughts?\s*on|comments?\s*(?:on|to)?|responses?\s*(?:to)?|replies|reactions?)\b.*
              | (?:leave|post|add|write|submit)\s*a\s*(?:reply|comment|response)\b.*
              | join\s*the\s*(?:conversation|discussion).*
              | (?:comments?|discussion|responses)(?:\s*\d+)?
              | related(?:\s*(?:posts?|articles?|stories|content|reading|news|topics|coverage|links|videos?))?
              | you\s*(?:may|might)\s*also\s*(?:like|enjoy|be\s*interested\s*in).*
              | more\s*(?:stories|articles|news|posts|like\s*this|to\s*explore|to\s*explorer|from\s.{0,40}|in\s.{0,40}|on\s.{0,40}|by\s.{0,40})
              | recommended(?:\s*(?:for\s*you|reading|articles|stories|posts))?
              | read\s*(?:next|this\s*next)
              | up\s*next
              | (?:recent|popular|latest|trending|similar|top)\s*(?:posts|articles|stories|news|content|now)(?:\s*trending)?
              | most\s*(?:read|popular|viewed|shared)(?:\s*(?:articles|stories))?
              | about\s*the\s*(?:authors?|writers?|contributors?)
              | (?:authors?|contributors?|written\s*by)
              | share\s*this(?:\s*(?:article|post|story|page))?\s*:?
              | like\s*this\s*:?
              | post\s*navigation
              | (?:previous|next)\s*(?:post|article|story)\b.*
              | originally\s*(?:published|posted|appeared)\s.*
              | (?:this\s*(?:article|piece|post)\s*)?(?:first|originally)\s*(?:appeared|published)\s.*
              | the\s*views\s*expressed\s.*
              | (?:sign\s*up|subscribe)\s*(?:for|to)\s*(?:our|the)\s*.{0,30}newsletters?.*
              | (?:tags|tagged|filed\s*under|topics|categories)
              | you\s*must\s*be\s*logged\s*in.*
              | (?:dreaming\s*of\s*a\s*career|find\s*your\s*.{0,30}\s*job).*
            )$",
        )
        .expect("valid regex"),
        caption: chrome_regex(
            r"(?ix)(?:
                ^(?:photo|photograph|image|picture|illustration|credit|caption|graphic|video|source\s*image)s?\s*(?:credit|by|courtesy|source)?\s*[:|]
              | ^(?:photo|image|illustration|picture)s?\s*(?:by|courtesy\s*of|via)\s
              | ^(?:credit|courtesy)\s*(?:of|:)
              | \((?:[^()]{0,80}/\s*(?-i:[A-Z])[^()]{0,60}|source|photo[^()]{0,80}|image[^()]{0,80}|credit[^()]{0,80}|file\s*photo|getty[^()]{0,40}|reuters|afp|ap|epa|supplied|courtesy[^()]{0,80}|illustration[^()]{0,60})\)\s*$
              | \s{2,}(?:photo\s*)?(?:credit|photo|image|source)s?\s*:\s*[^.]{1,80}$
              | (?:getty\s*images|shutterstock|istock(?:photo)?|unsplash|pexels|ap\s*photo[^.]{0,40}|/\s*reuters|/\s*afp|/\s*ap)\s*\.?\)?\s*$
            )",
        )
        .expect("valid regex"),
        newsletter: chrome_regex(
            r"(?i)\b(?:sign\s*up|subscribe|subscription|inbox|unsubscribe|notifications?|stay\s*(?:informed|updated|in\s*the\s*loop)|(?:our|free|weekly|daily|email|the)\s+newsletters?|newsletters?\s+(?:sign|for|delivered))\b",
        )
        .expect("valid regex"),
        social: chrome_regex(r"(?i)facebook|twitter|linkedin|pinterest|whatsapp|reddit|instagram|youtube|tiktok|telegram|email|bluesky|threads|mastodon|flipboard")
            .expect("valid regex"),
        disclaimer: chrome_regex(
            r"(?i)\b(?:(?:may|might|could)\s+earn\s+(?:a\s+)?(?:small\s+)?commission|affiliate\s+(?:links?|commission|partners?)|chosen\s+independently|independently\s+(?:selected|chosen|reviewed)|editorial\s+(?:process|policy|policies|guidelines|standards)|why\s+trust\s+us|we\s+only\s+recommend|paid\s+partnership)\b",
        )
        .expect("valid regex"),
        long_terminator: chrome_regex(
            r"^(?:the\s*views\s*(?:and\s*opinions\s*)?expressed|(?:this\s*(?:article|piece|post|story|essay)\s*(?:was\s*)?)?(?:originally|first)\s*(?:published|appeared|posted)|to\s*learn\s*more\s*about\s*republishing|(?:opinions|views)\s*expressed\s*(?:in|here))",
        )
        .expect("valid regex"),
        raw: chrome_regex(
            r"(?ix)^(?:
                (?:tags?|topics|categories|category|keywords|filed\s*under|tagged(?:\s*with)?|posted\s*in|section)\s*:.*
              | (?:[^›»>/]{1,60}\s(?:›|»|>|/|\\)\s){2,}[^›»>/]{0,120}
              | .{0,120}\bcookies?\b.{0,200}\b(?:accept|consent|we\s*use|our\s*(?:site|website)|browsing|preferences|privacy)\b.{0,200}
              | .{0,200}\b(?:accept|consent|we\s*use|our\s*(?:site|website)|browsing)\b.{0,200}\bcookies?\b.{0,120}
            )$",
        )
        .expect("valid regex"),
    })
}

fn role_of(l: &Line) -> Role {
    if let Some(r) = firm_role(l) {
        return r;
    }
    let t = l.text.as_str();
    let r = res();
    if l.words <= 30 && r.newsletter.is_match(t) && !looks_like_prose(l) {
        return Role::Chrome;
    }
    // Share rows: "FacebookTwitterPinterestEmailWhatsApp".
    if l.words <= 8 && r.social.find_iter(t).count() >= 2 {
        return Role::Chrome;
    }
    Role::Content
}

/// Chrome only by a word it shares with newsletter prompts or share rows
/// ("The 16 Best Clothing Subscription Boxes", "Social Shopping:
/// Instagram, TikTok and More"): such a line may still be a headline.
pub fn soft_chrome(l: &Line) -> bool {
    l.role == Role::Chrome && firm_role(l).is_none()
}

/// The role of a line by every rule but the word-based newsletter and
/// share-row ones; None when none of them decides.
fn firm_role(l: &Line) -> Option<Role> {
    match l.kind {
        Kind::Blank => return Some(Role::Content),
        Kind::Bracket | Kind::Rule => return Some(Role::Chrome),
        _ => {}
    }
    let t = l.text.as_str();
    if t.len() > 600 {
        return Some(Role::Content);
    }
    let f = fold(t);
    let r = res();
    if f.is_empty() {
        // Only symbols: arrows, bullets, emoji.
        return Some(Role::Chrome);
    }
    if l.words <= 14 && r.terminator.is_match(&f) {
        return Some(Role::Terminator);
    }
    if l.words <= 60 && r.long_terminator.is_match(&f) {
        return Some(Role::Terminator);
    }
    if l.words <= 40 && r.caption.is_match(t) {
        return Some(Role::Caption);
    }
    if l.words <= 8 && r.set.contains(f.as_str()) {
        return Some(Role::Chrome);
    }
    if l.words <= 25 && r.patterns.is_match(&f) {
        return Some(Role::Chrome);
    }
    if l.words <= 45 && r.raw.is_match(t) {
        return Some(Role::Chrome);
    }
    if l.words <= 45 && r.disclaimer.is_match(t) {
        return Some(Role::Chrome);
    }
    None
}

/// A long sentence that merely mentions a chrome word ("sign up") is prose.
fn looks_like_prose(l: &Line) -> bool {
    l.words >= 18 && l.sentence && !l.text.contains('?')
}

/// Text with a date and little else: "January 7, 2017", "Dec 19, 2025 at 04:34 AM".
pub fn is_dateline(t: &str) -> bool {
    if t.len() > 120 {
        return false;
    }
    let ds = meta::find_dates(t);
    let Some((_, r)) = ds.first() else {
        return false;
    };
    let rest = format!("{} {}", &t[..r.start], &t[r.end..]);
    rest.split_whitespace().count() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> Line {
        classify(t).remove(0)
    }

    #[test]
    fn kinds() {
        assert_eq!(one("  • Home").kind, Kind::Bullet { level: 0 });
        assert_eq!(one("      □ FAQ").kind, Kind::Bullet { level: 1 });
        assert_eq!(one("  1. Pingback: x").kind, Kind::Numbered { level: 0 });
        assert_eq!(one("1. High-Protein Meals").kind, Kind::Text);
        assert_eq!(one("Email Address *[                    ]").kind, Kind::Bracket);
        assert_eq!(one("[IMG_00387-300x200]").kind, Kind::Bracket);
        assert_eq!(one("━━━━━━━━━━").kind, Kind::Rule);
        assert_eq!(one("[1] That Umar Mateen was a lone wolf.").kind, Kind::Text);
    }

    #[test]
    fn roles() {
        assert_eq!(one("Skip to main content").role, Role::Chrome);
        assert_eq!(one("Read More »").role, Role::Chrome);
        assert_eq!(one("4 min read").role, Role::Chrome);
        assert_eq!(one("100% Font Size").role, Role::Chrome);
        assert_eq!(one("FacebookTwitterPinterestEmailWhatsApp").role, Role::Chrome);
        assert_eq!(one("Stay informed with MEE's newsletters").role, Role::Chrome);
        assert_eq!(one("Leave a Reply").role, Role::Terminator);
        assert_eq!(one("3 thoughts on “Islamic State”").role, Role::Terminator);
        assert_eq!(
            one("Originally published at The Henry Jackson Society").role,
            Role::Terminator
        );
        assert_eq!(one("Credit: AP Photo/Lewis Joly").role, Role::Caption);
        assert_eq!(
            one("Russian police are pictured in Moscow on 24 March 2024 (Tatyana Makeyeva/AFP)").role,
            Role::Caption
        );
        assert_eq!(one("Abdulkadir Masharipov (source)").role, Role::Caption);
        assert_eq!(
            one("Turkey intervened directly in Syria in August 2016.").role,
            Role::Content
        );
        assert_eq!(one("New Strategy").role, Role::Content);
    }

    #[test]
    fn normalize_spaces() {
        assert_eq!(normalize("a\u{a0}b\u{200b}c\r"), "a bc");
    }
}
