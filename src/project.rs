//! Where a project's files live. Every path dossier reads or writes is
//! derived here, so nothing from content can point outside the project.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub root: PathBuf,
    pub output: PathBuf,
}

impl Project {
    pub fn new(root: impl Into<PathBuf>, output: Option<PathBuf>) -> Project {
        let root = root.into();
        let output = output.unwrap_or_else(|| root.join("site"));
        Project { root, output }
    }
    pub fn config_file(&self) -> PathBuf {
        self.root.join("dossier.yaml")
    }
    pub fn seeds_dir(&self) -> PathBuf {
        self.root.join("seeds")
    }
    pub fn articles_dir(&self) -> PathBuf {
        self.root.join("content").join("articles")
    }
    pub fn entities_dir(&self) -> PathBuf {
        self.root.join("content").join("entities")
    }
    pub fn templates_dir(&self) -> PathBuf {
        self.root.join("templates")
    }
    pub fn theme_dir(&self, theme: &str) -> PathBuf {
        self.root.join("themes").join(theme)
    }
    pub fn ingest_state_file(&self) -> PathBuf {
        self.root.join("content").join(".ingested.json")
    }
    /// A path relative to the root, for messages and front matter.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }
}
