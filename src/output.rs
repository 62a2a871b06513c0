//! Output: the only writer of `site/`. Pages are written into a temporary
//! directory beside it, which replaces `site/` only when everything was
//! written, so a failed or killed build leaves the previous site complete.

use std::path::{Component, Path, PathBuf};

/// One file of the site, by its path relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Output {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Output {
        Output {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// A site path is relative, uses `/`, and has no `..`, root or drive parts.
pub fn is_safe_site_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && !path.contains('\0')
        && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

/// What a write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Write the site into `dir`.
///
/// A first build writes everything into a temporary sibling and renames it
/// into place. Later builds compare each page with what is there, write
/// only the pages whose bytes changed into a staging folder beside `dir`,
/// then move them in, one rename each, and remove pages that are gone. So
/// every page in `dir` is always whole, unchanged pages keep their files
/// (and mtimes: deploy tools and browsers see what really changed), and
/// nothing is deleted wholesale (deleting tens of thousands of files is
/// what makes clean rebuilds slow on many disks).
pub fn write_site(dir: &Path, outputs: &[Output]) -> std::io::Result<WriteStats> {
    use rayon::prelude::*;
    for o in outputs {
        if !is_safe_site_path(&o.path) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("refusing to write outside the site: {:?}", o.path),
            ));
        }
    }
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    let staging_prefix = format!(".{name}.tmp-");
    // Leftovers of a killed build: finish its moves first (its pages are
    // complete), then clear it. The caller holds the project lock.
    if let Ok(entries) = std::fs::read_dir(parent) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(&staging_prefix) && e.path().is_dir() {
                if dir.is_dir() {
                    let _ = replay_journal(&e.path(), dir);
                }
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let staging = parent.join(format!("{staging_prefix}{}", std::process::id()));
    std::fs::create_dir_all(&staging)?;

    if !dir.is_dir() {
        let result = (|| {
            let mut dirs: Vec<PathBuf> = outputs
                .iter()
                .filter_map(|o| Path::new(&o.path).parent().map(|p| staging.join(p)))
                .collect();
            dirs.sort();
            dirs.dedup();
            for d in &dirs {
                std::fs::create_dir_all(d)?;
            }
            outputs
                .par_iter()
                .try_for_each(|o| std::fs::write(staging.join(&o.path), &o.bytes))
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        std::fs::rename(&staging, dir)?;
        return Ok(WriteStats {
            written: outputs.len(),
            ..WriteStats::default()
        });
    }

    // Which pages changed? Same size and same bytes means unchanged.
    let changed: Vec<usize> = outputs
        .par_iter()
        .enumerate()
        .filter(|(_, o)| {
            let target = dir.join(&o.path);
            match std::fs::metadata(&target) {
                Ok(m) if m.is_file() && m.len() == o.bytes.len() as u64 => {
                    std::fs::read(&target).map_or(true, |b| b != o.bytes)
                }
                _ => true,
            }
        })
        .map(|(i, _)| i)
        .collect();
    // Stage them flat (one folder to clean up), with a journal of moves.
    let staged = changed
        .par_iter()
        .try_for_each(|&i| std::fs::write(staging.join(i.to_string()), &outputs[i].bytes));
    if let Err(e) = staged {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    let journal: String = changed.iter().map(|&i| format!("{i}\t{}\n", outputs[i].path)).collect();
    std::fs::write(staging.join("journal.tmp"), journal)?;
    std::fs::rename(staging.join("journal.tmp"), staging.join("journal"))?;
    replay_journal(&staging, dir)?;

    // Remove pages that are no longer part of the site.
    let keep: std::collections::BTreeSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let mut removed = 0;
    let mut dirs = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap_or(e.path())
            .to_string_lossy()
            .replace('\\', "/");
        if e.file_type().is_dir() {
            dirs.push(e.into_path());
        } else if !keep.contains(rel.as_str()) {
            std::fs::remove_file(e.path())?;
            removed += 1;
        }
    }
    if removed > 0 {
        // deepest first; only empty folders go
        for d in dirs.iter().rev() {
            let _ = std::fs::remove_dir(d);
        }
    }
    std::fs::remove_dir_all(&staging)?;
    Ok(WriteStats {
        written: changed.len(),
        unchanged: outputs.len() - changed.len(),
        removed,
    })
}

/// Move staged pages into `dir` as the journal lists them. Idempotent: a
/// page already moved is skipped, so a killed build's moves can be finished.
fn replay_journal(staging: &Path, dir: &Path) -> std::io::Result<()> {
    let Ok(journal) = std::fs::read_to_string(staging.join("journal")) else {
        return Ok(()); // no complete journal: nothing was moved yet
    };
    for line in journal.lines() {
        let Some((n, path)) = line.split_once('\t') else {
            continue;
        };
        if !is_safe_site_path(path) || n.contains(['/', '\\', '.']) {
            continue;
        }
        let from = staging.join(n);
        if !from.exists() {
            continue;
        }
        let to = dir.join(path);
        if let Some(p) = to.parent() {
            if p.is_file() {
                std::fs::remove_file(p)?;
            }
            std::fs::create_dir_all(p)?;
        }
        if to.is_dir() {
            std::fs::remove_dir_all(&to)?;
        }
        std::fs::rename(&from, &to)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_are_refused() {
        for p in ["../x", "/etc/passwd", "a/../../b", "", "a\\b", "a\0b"] {
            assert!(!is_safe_site_path(p), "{p:?}");
        }
        assert!(is_safe_site_path("articles/x/index.html"));
    }

    #[test]
    fn writes_and_replaces() {
        let t = tempfile::tempdir().unwrap();
        let site = t.path().join("site");
        write_site(
            &site,
            &[Output::new("a/index.html", "one"), Output::new("old.txt", "x")],
        )
        .unwrap();
        let st = write_site(&site, &[Output::new("a/index.html", "two")]).unwrap();
        assert_eq!(
            st,
            WriteStats {
                written: 1,
                unchanged: 0,
                removed: 1
            }
        );
        let st = write_site(&site, &[Output::new("a/index.html", "two")]).unwrap();
        assert_eq!(
            st,
            WriteStats {
                written: 0,
                unchanged: 1,
                removed: 0
            }
        );
        assert_eq!(std::fs::read_to_string(site.join("a/index.html")).unwrap(), "two");
        assert!(!site.join("old.txt").exists());
        assert_eq!(
            std::fs::read_dir(t.path()).unwrap().count(),
            1,
            "no temporary dirs left"
        );
        assert!(write_site(&site, &[Output::new("../evil", "x")]).is_err());
        assert_eq!(std::fs::read_to_string(site.join("a/index.html")).unwrap(), "two");
    }
}
