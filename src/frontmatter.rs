//! The YAML front-matter format: split a file into front matter and body,
//! parse it strictly, and write it back. No file-system access here.

use crate::model::Diagnostic;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::Path;

/// Front matter larger than this is refused before parsing: libyaml-style
/// parsers slow down badly on deeply nested input, and no real front matter
/// comes near it.
pub const MAX_FRONT_MATTER: usize = 64 * 1024;

/// A file split at its front-matter fences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences (`None` when the file has no front matter).
    pub yaml: Option<&'a str>,
    pub body: &'a str,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    /// 1-based line of the first body line.
    pub body_line: usize,
}

/// Split `text` at `---` fences. The opening fence must be the first line.
pub fn split<'a>(text: &'a str, file: &Path) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Ok(Split {
            yaml: None,
            body: text,
            yaml_line: 1,
            body_line: 1,
        });
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut pos = yaml_start;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let l = text[pos..end].trim_end();
        if l == "---" || l == "..." {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: Some(&text[yaml_start..pos]),
                body: &text[body_start..],
                yaml_line: 2,
                body_line: line + 1,
            });
        }
        if pos - yaml_start > MAX_FRONT_MATTER {
            break;
        }
        pos = end + 1;
        line += 1;
    }
    if pos - yaml_start > MAX_FRONT_MATTER {
        return Err(Diagnostic::error(
            file,
            format!("front matter is larger than {} KiB", MAX_FRONT_MATTER / 1024),
        )
        .at(1, Some(1))
        .hint("front matter holds metadata only; move long text into the body"));
    }
    Err(
        Diagnostic::error(file, "front matter opened with `---` is never closed")
            .at(1, Some(1))
            .hint("add a line with `---` after the last front-matter field"),
    )
}

/// Parse front matter YAML into `T`, strictly: unknown keys are errors that
/// suggest the closest known key. Line numbers are those of the file.
pub fn parse<T: DeserializeOwned>(
    yaml: &str,
    yaml_line: usize,
    file: &Path,
    known_keys: &[&str],
) -> Result<T, Diagnostic> {
    if yaml.len() > MAX_FRONT_MATTER {
        return Err(Diagnostic::error(
            file,
            format!("front matter is larger than {} KiB", MAX_FRONT_MATTER / 1024),
        )
        .at(yaml_line, Some(1)));
    }
    if let Some((i, l)) = yaml.lines().enumerate().find(|(_, l)| l.starts_with('\t')) {
        let _ = l;
        return Err(Diagnostic::error(file, "front matter is indented with a tab")
            .at(yaml_line + i, Some(1))
            .hint("YAML allows only spaces for indentation"));
    }
    if let Some((i, depth)) = too_deep(yaml) {
        return Err(
            Diagnostic::error(file, format!("front matter nests {depth} levels deep"))
                .at(yaml_line + i, Some(1))
                .hint(format!("front matter may nest at most {MAX_DEPTH} levels")),
        );
    }
    let value: T = serde_yaml::from_str(if yaml.trim().is_empty() { "{}" } else { yaml }).map_err(|e| {
        let (line, col) = e
            .location()
            .map_or((yaml_line, None), |l| (yaml_line + l.line() - 1, Some(l.column())));
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        let key = unknown_field(&msg).map(str::to_string);
        // the hint below lists or suggests keys; no need to repeat serde's list
        let short = msg.split(", expected one of").next().unwrap_or(&msg);
        let mut d = Diagnostic::error(file, format!("invalid front matter: {short}")).at(line, col);
        if let Some(key) = key.as_deref() {
            if let Some(best) = closest(key, known_keys) {
                d = d.hint(format!("did you mean `{best}`?"));
            } else {
                d = d.hint(format!("known keys: {}", known_keys.join(", ")));
            }
        }
        d
    })?;
    Ok(value)
}

/// Deepest nesting front matter may have. YAML parsers recurse per level, so
/// thousands of `[` would cost seconds and stack; real metadata needs a few.
pub const MAX_DEPTH: usize = 32;

/// The first line where flow brackets or indentation nest deeper than
/// [`MAX_DEPTH`], with the depth reached. Quotes are skipped roughly; the
/// check only has to be conservative, the parser does the rest.
fn too_deep(yaml: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (i, line) in yaml.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if indent / 2 > MAX_DEPTH {
            return Some((i, indent / 2));
        }
        let mut quote: Option<char> = None;
        for c in line.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some((i, depth));
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                (None, '#') => break,
                _ => {}
            }
        }
    }
    None
}

fn unknown_field(msg: &str) -> Option<&str> {
    let rest = msg.split("unknown field `").nth(1)?;
    rest.split('`').next()
}

/// The known key closest to `key` by edit distance, when it is close enough to be a typo.
pub fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(key, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

/// A string-keyed map that refuses duplicate keys (serde's maps keep the
/// last one silently, which would lose an analyst's value without a word).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct UniqueMap(pub std::collections::BTreeMap<String, serde_yaml::Value>);

impl<'de> serde::Deserialize<'de> for UniqueMap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = UniqueMap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<UniqueMap, A::Error> {
                let mut out = std::collections::BTreeMap::new();
                while let Some((k, v)) = m.next_entry::<String, serde_yaml::Value>()? {
                    if out.contains_key(&k) {
                        return Err(serde::de::Error::custom(format!("duplicate key `{k}`")));
                    }
                    out.insert(k, v);
                }
                Ok(UniqueMap(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl UniqueMap {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Write front matter and body as one Markdown file.
pub fn write<T: Serialize>(meta: &T, body: &str) -> String {
    let yaml = serde_yaml::to_string(meta).unwrap_or_default();
    let mut out = String::with_capacity(yaml.len() + body.len() + 16);
    out.push_str("---\n");
    out.push_str(&yaml);
    if !yaml.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("---\n\n");
    out.push_str(body.trim_start_matches('\n'));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleMeta;

    fn p(text: &str) -> Result<ArticleMeta, Diagnostic> {
        let f = Path::new("a.md");
        let s = split(text, f)?;
        parse(s.yaml.unwrap(), s.yaml_line, f, ArticleMeta::KEYS)
    }

    #[test]
    fn parses_and_round_trips() {
        let m = p("---\ntitle: Hello\ndate: 2017-01-07\nauthors: [A B]\n---\nbody\n").unwrap();
        assert_eq!(m.title, "Hello");
        assert_eq!(m.date.unwrap().to_string(), "2017-01-07");
        let text = write(&m, "body\n");
        assert_eq!(p(&text).unwrap(), m);
    }

    #[test]
    fn unknown_key_suggests_closest() {
        let e = p("---\ntitle: x\ntitel: y\n---\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("titel"), "{e}");
        assert_eq!(e.hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn wrong_type_names_line() {
        let e = p("---\ntitle: x\n\ndate: yesterday\n---\n").unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
    }

    #[test]
    fn unclosed_is_an_error() {
        let e = p("---\ntitle: x\nbody text\n").unwrap_err();
        assert!(e.message.contains("never closed"));
    }

    #[test]
    fn no_front_matter() {
        let s = split("# Title\n", Path::new("a.md")).unwrap();
        assert!(s.yaml.is_none());
    }
}
