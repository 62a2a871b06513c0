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

/// Write all outputs to `dir` via a temporary sibling and swap it in.
/// Returns the number of files written.
pub fn write_site(dir: &Path, outputs: &[Output]) -> std::io::Result<usize> {
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
    // Leftovers of a killed build: the caller holds the project lock, so
    // no other build is writing them.
    if let Ok(entries) = std::fs::read_dir(parent) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&format!(".{name}.tmp-")) && e.path().is_dir() {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let result = (|| {
        use rayon::prelude::*;
        let mut dirs: Vec<PathBuf> = outputs
            .iter()
            .filter_map(|o| Path::new(&o.path).parent().map(|p| tmp.join(p)))
            .collect();
        dirs.sort();
        dirs.dedup();
        for d in &dirs {
            std::fs::create_dir_all(d)?;
        }
        outputs
            .par_iter()
            .try_for_each(|o| std::fs::write(tmp.join(&o.path), &o.bytes))
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    swap_in(&tmp, dir)?;
    Ok(outputs.len())
}

/// Replace `dir` with `tmp`. On Linux the two are exchanged atomically, so
/// `dir` is never missing; elsewhere there is a short gap between renames.
fn swap_in(tmp: &Path, dir: &Path) -> std::io::Result<()> {
    if !dir.exists() {
        return std::fs::rename(tmp, dir);
    }
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let a = CString::new(tmp.as_os_str().as_bytes())?;
        let b = CString::new(dir.as_os_str().as_bytes())?;
        // SAFETY: both are valid NUL-terminated paths; renameat2 does not keep them.
        let r = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                a.as_ptr(),
                libc::AT_FDCWD,
                b.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if r == 0 {
            // tmp now holds the old site
            return std::fs::remove_dir_all(tmp);
        }
    }
    let old = tmp.with_extension("old");
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    std::fs::rename(dir, &old)?;
    std::fs::rename(tmp, dir)?;
    std::fs::remove_dir_all(&old)
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
        write_site(&site, &[Output::new("a/index.html", "two")]).unwrap();
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
