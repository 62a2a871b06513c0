//! Writing a registry entry at the analyst's request (`dossier entities add`).

use crate::model::{Diagnostic, EntityKind, EntityMeta, Slug};
use crate::project::Project;
use std::path::PathBuf;

/// Write `content/entities/<id>.md` for a new entity. Refuses to overwrite.
pub fn add_entity(project: &Project, name: &str, kind: EntityKind, aliases: &[String]) -> Result<PathBuf, Diagnostic> {
    let id = Slug::from_text(name)
        .ok_or_else(|| Diagnostic::error("content/entities", format!("cannot make an id from `{name}`")))?;
    let dir = project.entities_dir();
    let path = dir.join(format!("{id}.md"));
    let rel = project.relative(&path).to_path_buf();
    if path.exists() {
        return Err(Diagnostic::error(rel, "already exists; edit it instead"));
    }
    let meta = EntityMeta {
        name: name.to_string(),
        kind,
        aliases: aliases.to_vec(),
        description: None,
        links: Vec::new(),
        hidden: false,
        redirect_from: Vec::new(),
        events: Vec::new(),
    };
    let text = crate::frontmatter::write(&meta, "");
    std::fs::create_dir_all(&dir).map_err(|e| Diagnostic::error(&rel, e.to_string()))?;
    super::write_atomically(&path, text.as_bytes()).map_err(|e| Diagnostic::error(&rel, e.to_string()))?;
    Ok(rel)
}
