//! Plain data types shared by every stage: ids, articles, entities, mentions,
//! events and diagnostics. Nothing here does I/O or knows about templates.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

/// A validated slug: `[a-z0-9-]+`, no leading/trailing `-`, at most 120 bytes.
/// Used for article ids and entity ids; safe to use as a path component.
///
/// Shared, not copied, when cloned: the graph holds each id hundreds of
/// times (a million and a half ids at 10,000 articles). Read back from a
/// cache inside [`Slug::interning`], each distinct id is made once.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(std::sync::Arc<str>);

impl Serialize for Slug {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Slug, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Slug;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a slug")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Slug, E> {
                Slug::read(s).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

thread_local! {
    /// The ids read so far inside [`Slug::interning`] on this thread.
    static INTERNED: std::cell::RefCell<Option<rustc_hash::FxHashMap<Box<str>, Slug>>> =
        const { std::cell::RefCell::new(None) };
}

impl Slug {
    pub const MAX_LEN: usize = 120;

    /// Validate an explicit slug (e.g. from front matter).
    pub fn parse(s: &str) -> Result<Slug, String> {
        if s.is_empty() {
            return Err("slug is empty".into());
        }
        if s.len() > Self::MAX_LEN {
            return Err(format!("slug is longer than {} bytes", Self::MAX_LEN));
        }
        if s.contains('/') || s.contains('\\') || s.contains("..") {
            return Err(format!("slug `{}` contains a path separator or `..`", s.escape_debug()));
        }
        if let Some(c) = s
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(format!(
                "slug `{}` contains `{}`; only a-z, 0-9 and `-` are allowed",
                s.escape_debug(),
                c.escape_debug()
            ));
        }
        if s.starts_with('-') || s.ends_with('-') {
            return Err(format!("slug `{s}` starts or ends with `-`"));
        }
        if is_windows_reserved(s) {
            return Err(format!("slug `{s}` is a reserved file name on Windows"));
        }
        Ok(Slug(s.into()))
    }

    /// [`Slug::parse`] in one pass over the bytes when the slug is valid
    /// (as every id the caches hold is).
    fn checked(s: &str) -> Result<Slug, String> {
        let b = s.as_bytes();
        let plain = !b.is_empty()
            && b.len() <= Self::MAX_LEN
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            && b[0] != b'-'
            && b[b.len() - 1] != b'-'
            && !is_windows_reserved(s);
        if plain {
            return Ok(Slug(s.into()));
        }
        Slug::parse(s)
    }

    /// A slug read back (deserialised): validated, and made once per
    /// distinct id inside [`Slug::interning`].
    fn read(s: &str) -> Result<Slug, String> {
        INTERNED.with(|i| {
            let mut i = i.borrow_mut();
            let Some(map) = i.as_mut() else {
                return Slug::checked(s);
            };
            if let Some(slug) = map.get(s) {
                return Ok(slug.clone());
            }
            let slug = Slug::checked(s)?;
            map.insert(s.into(), slug.clone());
            Ok(slug)
        })
    }

    /// Run `f`, in which the slugs deserialised on this thread share one
    /// allocation per distinct id.
    pub fn interning<T>(f: impl FnOnce() -> T) -> T {
        let outer = INTERNED.with(|i| i.borrow_mut().replace(Default::default()));
        let t = f();
        INTERNED.with(|i| *i.borrow_mut() = outer);
        t
    }

    /// Make a slug from free text: transliterate to ASCII, lowercase, runs of
    /// anything else become one `-`. Returns `None` when nothing is left.
    pub fn from_text(text: &str) -> Option<Slug> {
        let ascii = deunicode::deunicode(text);
        let mut out = String::with_capacity(ascii.len());
        for c in ascii.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if c == '\'' || c == '\u{2019}' {
                // "Erdoğan's" -> "erdogans", not "erdogan-s"
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        if out.len() > 80 {
            // cut at a word boundary so ids stay readable
            let cut = out[..80].rfind('-').unwrap_or(80);
            out.truncate(cut);
        }
        if out.is_empty() {
            None
        } else {
            if is_windows_reserved(&out) {
                out.push_str("-1");
            }
            Some(Slug(out.into()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Names Windows refuses as files, whatever the extension; a site built here
/// may be checked out there.
fn is_windows_reserved(s: &str) -> bool {
    matches!(s, "con" | "prn" | "aux" | "nul")
        || ((s.starts_with("com") || s.starts_with("lpt")) && s.len() == 4 && s.as_bytes()[3].is_ascii_digit())
}

impl TryFrom<String> for Slug {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Slug::checked(&s)
    }
}
impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0.to_string()
    }
}
#[cfg(test)]
mod slug_tests {
    use super::*;

    #[test]
    fn parse_refuses_paths_and_odd_names() {
        for bad in [
            "",
            "../x",
            "a/b",
            "/etc",
            "a..b",
            "A",
            "a b",
            "a\0b",
            "-a",
            "con",
            "lpt1",
            &"a".repeat(121),
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Slug::parse("recep-tayyip-erdogan").is_ok());
        // what the caches' ids are read with says the same
        for s in ["", "-a", "a-", "a/b", "a..b", "A", "con", "com1", "é", &"a".repeat(121)] {
            assert_eq!(Slug::try_from(s.to_string()), Slug::parse(s), "{s:?}");
        }
        assert_eq!(Slug::try_from("lpt-2".to_string()), Slug::parse("lpt-2"));
        // and so does reading one back, interned or not
        for s in ["", "-a", "a/b", "A", "com1", "lpt-2", "ok-1"] {
            assert_eq!(Slug::read(s), Slug::parse(s), "{s:?}");
            assert_eq!(
                Slug::interning(|| (Slug::read(s), Slug::read(s))),
                (Slug::parse(s), Slug::parse(s))
            );
        }
        let (a, b) = Slug::interning(|| (Slug::read("same").unwrap(), Slug::read("same").unwrap()));
        assert!(std::sync::Arc::ptr_eq(&a.0, &b.0), "one allocation per id");
    }

    #[test]
    fn from_text_transliterates() {
        assert_eq!(
            Slug::from_text("Recep Tayyip Erdoğan").unwrap().as_str(),
            "recep-tayyip-erdogan"
        );
        assert_eq!(Slug::from_text("Erdoğan’s visit").unwrap().as_str(), "erdogans-visit");
        assert_eq!(Slug::from_text("  ¿?  "), None);
        assert_eq!(Slug::from_text("CON").unwrap().as_str(), "con-1");
        assert!(Slug::from_text(&"word ".repeat(60)).unwrap().as_str().len() <= 80);
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub type ArticleId = Slug;
pub type EntityId = Slug;

/// The kind of an entity. `Event` and `Other` only come from the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Event,
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }
    pub fn label_plural(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organisations",
            EntityKind::Place => "Places",
            EntityKind::Event => "Events",
            EntityKind::Other => "Other",
        }
    }
}

/// A date at the precision the text gives it. Sorts by its earliest day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventDate {
    Day(jiff::civil::Date),
    /// ISO week: the Monday that starts it.
    Week(jiff::civil::Date),
    Month {
        year: i16,
        month: i8,
    },
    Year(i16),
}

impl EventDate {
    pub fn first_day(&self) -> jiff::civil::Date {
        match *self {
            EventDate::Day(d) | EventDate::Week(d) => d,
            EventDate::Month { year, month } => jiff::civil::date(year, month, 1),
            EventDate::Year(y) => jiff::civil::date(y, 1, 1),
        }
    }
    pub fn year(&self) -> i16 {
        self.first_day().year()
    }
    pub fn precision(&self) -> &'static str {
        match self {
            EventDate::Day(_) => "day",
            EventDate::Week(_) => "week",
            EventDate::Month { .. } => "month",
            EventDate::Year(_) => "year",
        }
    }
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a week is given by its Monday).
    pub fn iso(&self) -> String {
        match *self {
            EventDate::Day(d) | EventDate::Week(d) => d.to_string(),
            EventDate::Month { year, month } => format!("{year:04}-{month:02}"),
            EventDate::Year(y) => format!("{y:04}"),
        }
    }
    fn rank(&self) -> u8 {
        // coarser precision first on the same first day: "2017" before "2017-01-01"
        match self {
            EventDate::Year(_) => 0,
            EventDate::Month { .. } => 1,
            EventDate::Week(_) => 2,
            EventDate::Day(_) => 3,
        }
    }
}

impl PartialOrd for EventDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for EventDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.rank()).cmp(&(other.first_day(), other.rank()))
    }
}

/// Front matter of an article, exactly as the analyst may write it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// `YYYY-MM-DD`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<jiff::civil::Date>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_inferred: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Hand-written events (`date`, `title`, optional `entities`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<CuratedEvent>,
    /// Entity ids or names the analyst states this article is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    #[serde(default, skip_serializing_if = "crate::frontmatter::UniqueMap::is_empty")]
    pub extra: crate::frontmatter::UniqueMap,
}

impl ArticleMeta {
    pub const KEYS: &'static [&'static str] = &[
        "title",
        "subtitle",
        "authors",
        "date",
        "date_inferred",
        "publisher",
        "source_file",
        "source_sha256",
        "slug",
        "summary",
        "tags",
        "draft",
        "events",
        "entities",
        "extra",
    ];
}

/// An event the analyst wrote by hand in front matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedEvent {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
    pub date: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    /// Hide extracted events whose sentence contains this text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hide: bool,
}

/// One article loaded from `content/articles/`.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: ArticleId,
    /// Path relative to the project root, for messages.
    pub file: PathBuf,
    pub meta: ArticleMeta,
    /// Markdown body (after the front matter).
    pub body: String,
    /// 1-based line of the body's first line in the file, for messages.
    pub body_line: usize,
}

/// Severity of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A message about the content, collected and printed by the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Relative to the project root where possible.
    pub file: Option<PathBuf>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: Some(file.into()),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }
    pub fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(l) = self.line {
                write!(f, ":{l}")?;
                if let Some(c) = self.column {
                    write!(f, ":{c}")?;
                }
            }
            write!(f, ": ")?;
        }
        write!(f, "{sev}: {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  help: {h}")?;
        }
        Ok(())
    }
}

/// Front matter of a registry entry in `content/entities/<id>.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityMeta {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Never give this entity a page nor link its mentions.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// Old ids that get a redirect page to this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redirect_from: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<CuratedEvent>,
}

impl EntityMeta {
    pub const KEYS: &'static [&'static str] = &[
        "name",
        "type",
        "aliases",
        "description",
        "links",
        "hidden",
        "redirect_from",
        "events",
    ];
}

/// One curated entity from the analyst's registry.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistryEntry {
    /// From the file name (`content/entities/<id>.md`).
    pub id: EntityId,
    /// Relative to the project root, for messages naming both files of a conflict.
    pub file: PathBuf,
    pub meta: EntityMeta,
    /// The Markdown body: the analyst's notes.
    pub notes: String,
}

/// The `entities:` section of `dossier.yaml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EntityConfig {
    /// An automatically found name gets a page when mentioned at least this
    /// many times (or in two articles, or defined/cued/in the gazetteer).
    pub min_mentions: usize,
    /// Names never to link or give a page.
    pub never_link: Vec<String>,
}

impl Default for EntityConfig {
    fn default() -> Self {
        EntityConfig {
            min_mentions: 2,
            never_link: Vec::new(),
        }
    }
}
