//! `dossier.yaml`: the project's configuration. Strict: unknown keys are
//! errors; a missing file means defaults.

use crate::model::{Diagnostic, EntityConfig};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Where the site is published, e.g. `https://example.org/briefing/`.
    /// Used for feeds, the sitemap and canonical links; pages link relatively.
    pub base_url: String,
    pub language: String,
    pub theme: String,
    pub author: Option<String>,
    /// Keep raw HTML written in Markdown (sanitised away by default).
    pub allow_raw_html: bool,
    pub entities: EntityConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Briefing".into(),
            description: String::new(),
            base_url: "/".into(),
            language: "en".into(),
            theme: "default".into(),
            author: None,
            allow_raw_html: false,
            entities: EntityConfig::default(),
        }
    }
}

impl Config {
    pub const KEYS: &'static [&'static str] = &[
        "title",
        "description",
        "base_url",
        "language",
        "theme",
        "author",
        "allow_raw_html",
        "entities",
    ];

    /// Parse the text of `dossier.yaml`; `file` is only for messages.
    pub fn parse(text: &str, file: &Path) -> Result<Config, Diagnostic> {
        let mut c: Config = crate::frontmatter::parse(text, 1, file, Self::KEYS)?;
        if !c.base_url.ends_with('/') {
            c.base_url.push('/');
        }
        if crate::model::Slug::parse(&c.theme).is_err() {
            return Err(Diagnostic::error(
                file,
                format!("theme `{}` is not a plain directory name", c.theme),
            ));
        }
        Ok(c)
    }

    /// The absolute URL of a site path such as `articles/x/`.
    pub fn absolute_url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_and_defaults() {
        let c = Config::parse("title: T\nbase_url: https://x.org/b", Path::new("dossier.yaml")).unwrap();
        assert_eq!(c.base_url, "https://x.org/b/");
        assert_eq!(c.theme, "default");
        let e = Config::parse("titl: T", Path::new("dossier.yaml")).unwrap_err();
        assert_eq!(e.hint.as_deref(), Some("did you mean `title`?"));
    }
}
