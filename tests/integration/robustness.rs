//! Hostile and broken input: clear errors with file and line, nothing
//! written outside the project, nothing lost.

use crate::harness::Project;
use std::time::{Duration, Instant};

fn article(title: &str) -> String {
    format!("---\ntitle: {title}\n---\n\nBody of {title}.\n")
}

/// A broken article must fail the build fast, naming file and line.
#[track_caller]
fn front_matter_error(text: &str, expect_line: usize, expect_in_message: &str) {
    let p = Project::fixture("basic");
    p.write("content/articles/bad.md", text);
    let t = Instant::now();
    let r = p.run(&["build"]);
    assert!(t.elapsed() < Duration::from_secs(5), "took {:?}", t.elapsed());
    r.fails_with(1);
    let err = r.stderr();
    assert!(err.contains(&format!("content/articles/bad.md:{expect_line}")), "{err}");
    assert!(
        err.contains(expect_in_message),
        "expected {expect_in_message:?} in {err}"
    );
    assert!(!p.exists("site"), "no site written");
}

#[test]
fn yaml_alias_bomb() {
    let mut y = String::from(
        "---\ntitle: x\nextra:\n  a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..10 {
        y.push_str(&format!(
            "  a{i}: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 9].join(",")
        ));
    }
    y.push_str("---\nbody\n");
    front_matter_error(&y, 2, "repetition limit");
}

#[test]
fn deep_nesting() {
    front_matter_error(
        &format!(
            "---\ntitle: x\nextra:\n  k: {}{}\n---\n",
            "[".repeat(20000),
            "]".repeat(20000)
        ),
        4,
        "levels deep",
    );
}

#[test]
fn oversize_front_matter() {
    front_matter_error(
        &format!("---\ntitle: x\nsummary: \"{}\"\n---\n", "a".repeat(70 * 1024)),
        2,
        "larger than 64 KiB",
    );
}

#[test]
fn wrong_types() {
    front_matter_error("---\ntitle: x\nauthors: 42\n---\n", 3, "authors");
    front_matter_error("---\ntitle: x\ndate: 2017-02-30\n---\n", 3, "date");
}

#[test]
fn unknown_key() {
    front_matter_error("---\ntitle: x\nsubtitel: y\n---\n", 3, "did you mean `subtitle`?");
}

#[test]
fn duplicate_keys() {
    front_matter_error("---\ntitle: x\ntitle: y\n---\n", 2, "duplicate field `title`");
    front_matter_error("---\ntitle: x\nextra:\n  a: 1\n  a: 2\n---\n", 4, "duplicate key `a`");
}

#[test]
fn tabs() {
    front_matter_error("---\ntitle: x\nextra:\n\ta: 1\n---\n", 4, "tab");
}

#[test]
fn missing_closing_fence() {
    front_matter_error("---\ntitle: x\n\nJust a body.\n", 1, "never closed");
}

#[test]
fn hostile_seeds_warn_and_the_build_goes_on() {
    let p = Project::empty();
    p.write(
        "seeds/good.txt",
        "A Good Title\n\nA paragraph of real text that is long enough to count as a body.\n",
    );
    p.write("seeds/empty.txt", "");
    std::fs::write(p.path("seeds/binary.txt"), [0u8, 1, 2, 3, 0, 255, 254, 0, 7]).unwrap();
    std::fs::write(
        p.path("seeds/latin1.txt"),
        b"Caf\xe9 Title\n\nThe caf\xe9 was closed on Monday, said the owner.\n",
    )
    .unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "UTF16 Title\n\nText in UTF-16 with a BOM, long enough.\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(p.path("seeds/utf16.txt"), utf16).unwrap();
    p.write(
        "seeds/hostile.html",
        "<html><head><title>Hostile</title><base href=\"http://evil.example/\"></head><body><article><h1>Hostile Page</h1>\
         <p onclick=\"steal()\">First paragraph of the article body with enough words to be kept as text.</p>\
         <script>document.location='http://evil.example/'</script><iframe src=\"http://evil.example/\"></iframe>\
         <p><a href=\"javascript:alert(1)\">click</a> Second paragraph of the article, also long enough to keep.</p>\
         <form action=\"http://evil.example/\"><input name=q></form></article></body></html>",
    );
    let r = p.run(&["build"]);
    r.success();
    let err = r.stderr();
    assert!(err.contains("seeds/empty.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("seeds/binary.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("seeds/latin1.txt") && err.contains("UTF-8"), "{err}");
    let built = r.stdout();
    assert!(built.contains("built 4 articles"), "{built}");
    for (path, bytes) in p.site_files() {
        // the theme's own pages have a search form; article text must carry nothing
        if !(path.starts_with("articles/") || path.ends_with(".xml")) {
            continue;
        }
        let t = String::from_utf8_lossy(&bytes).to_lowercase();
        for bad in [
            "onclick",
            "<iframe",
            "javascript:",
            "action=\"http://evil",
            "<base",
            "evil.example/'</script>",
            "<script>document",
        ] {
            assert!(!t.contains(bad), "{path} carries {bad}");
        }
    }
}

#[test]
fn huge_seeds_are_capped_or_handled() {
    let p = Project::empty();
    // a 10 MB single line: handled without hanging
    let line = "word ".repeat(2 * 1024 * 1024);
    p.write("seeds/longline.txt", &format!("Long Line Title\n\n{line}\n"));
    // over the cap: a clear message, the rest goes on
    let big = "A sentence of filler text. ".repeat(50 * 1024 * 1024 / 27 + 1);
    p.write("seeds/huge.txt", &format!("Huge\n\n{big}"));
    p.write(
        "seeds/ok.txt",
        "Fine Title\n\nA normal body paragraph, long enough to keep.\n",
    );
    let t = Instant::now();
    let r = p.run(&["build"]);
    r.success();
    assert!(t.elapsed() < Duration::from_secs(120), "took {:?}", t.elapsed());
    assert!(
        r.stderr().contains("seeds/huge.txt") && r.stderr().contains("limit"),
        "{}",
        r.stderr()
    );
    assert!(r.stdout().contains("built 2 articles"), "{}", r.stdout());
}

#[test]
fn paths_from_content_stay_inside() {
    for slug in ["../outside", "/abs/path", "a/b", "con", "x\\u0000y", &"long".repeat(40)] {
        let p = Project::empty();
        p.write(
            "content/articles/a.md",
            &format!("---\ntitle: A\nslug: \"{slug}\"\n---\nbody\n"),
        );
        let r = p.run(&["build"]);
        r.fails_with(1);
        assert!(
            r.stderr().contains("content/articles/a.md") && r.stderr().contains("slug"),
            "{slug}: {}",
            r.stderr()
        );
        assert!(!p.dir.path().parent().unwrap().join("outside").exists());
    }
    // entity ids come from file names
    let p = Project::empty();
    p.write("content/articles/a.md", &article("A"));
    p.write("content/entities/Bad Name.md", "---\nname: Bad\ntype: person\n---\n");
    let r = p.run(&["build"]);
    r.fails_with(1);
    assert!(r.stderr().contains("content/entities/Bad Name.md"), "{}", r.stderr());
}

#[cfg(unix)]
#[test]
fn symlinks_in_content_are_not_followed() {
    let p = Project::empty();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), article("Secret Outside")).unwrap();
    p.write("content/articles/a.md", &article("Inside"));
    std::os::unix::fs::symlink(outside.path().join("secret.md"), p.path("content/articles/secret.md")).unwrap();
    std::os::unix::fs::symlink(p.path("content"), p.path("content/articles/loop")).unwrap();
    let r = p.run(&["build"]);
    r.success();
    assert!(r.stderr().contains("symbolic link"), "{}", r.stderr());
    assert!(!p.read("site/index.html").contains("Secret Outside"));
}

#[test]
fn pathological_markdown_renders_in_linear_time() {
    let p = Project::empty();
    let nested = format!("{}deep{}", "> ".repeat(1000), "");
    let emph = "*a* ".repeat(20000);
    let table = format!("| a | b |\n|---|---|\n{}", "| x | y |\n".repeat(20000));
    let notes: String = (0..3000)
        .map(|i| format!("Claim {i}.[^{i}]\n\n[^{i}]: Note {i}.\n\n"))
        .collect();
    let brackets = "[".repeat(50000);
    p.write(
        "content/articles/a.md",
        &format!("---\ntitle: A\n---\n{nested}\n\n{emph}\n\n{table}\n\n{notes}\n\n{brackets}\n"),
    );
    let t = Instant::now();
    p.run(&["build"]).success();
    assert!(t.elapsed() < Duration::from_secs(60), "took {:?}", t.elapsed());
    assert!(p.read("site/articles/a/index.html").contains("footnote-definition"));
}

#[test]
fn concurrent_builds_are_refused_with_a_clear_message() {
    let p = Project::fixture("basic");
    // hold the lock as a running build would
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(p.path(".dossier.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let r = p.run(&["build"]);
    r.fails_with(2);
    assert!(r.stderr().contains("another dossier process"), "{}", r.stderr());
    drop(lock);
    p.run(&["build"]).success();
}

#[test]
fn killed_build_leaves_previous_site_complete() {
    let p = Project::fixture("basic");
    p.run(&["build"]).success();
    let before: std::collections::BTreeMap<String, Vec<u8>> = p.site_files().into_iter().collect();
    for i in 0..1500 {
        p.write(
            &format!("content/articles/gen-{i}.md"),
            &format!(
                "---\ntitle: Generated {i}\ndate: 2020-01-01\n---\n\n{}\n",
                "Some text about the Harbour Authority and Jane Analyst. ".repeat(40)
            ),
        );
    }
    // what a finished build of the new content looks like
    let reference = Project::fixture("basic");
    for i in 0..1500 {
        reference.write(
            &format!("content/articles/gen-{i}.md"),
            &p.read(&format!("content/articles/gen-{i}.md")),
        );
    }
    reference.run(&["build"]).success();
    let after: std::collections::BTreeMap<String, Vec<u8>> = reference.site_files().into_iter().collect();
    for delay_ms in [5u64, 40, 120, 300, 600] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("build")
            .current_dir(p.dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        // every page of the previous site is still there and whole: each is
        // either its old bytes or its finished new bytes, never partial
        let now: std::collections::BTreeMap<String, Vec<u8>> = p.site_files().into_iter().collect();
        for (path, old) in &before {
            let cur = now
                .get(path)
                .unwrap_or_else(|| panic!("killed after {delay_ms} ms: {path} missing"));
            assert!(
                cur == old || after.get(path) == Some(cur),
                "killed after {delay_ms} ms: {path} is partial"
            );
        }
        for (path, cur) in &now {
            assert!(
                before.get(path) == Some(cur) || after.get(path) == Some(cur),
                "{path} is neither old nor new"
            );
        }
    }
    // a later build finishes the job and leaves no staging folders behind
    p.run(&["build"]).success();
    assert!(p.site_files().into_iter().collect::<std::collections::BTreeMap<_, _>>() == after);
    let leftovers: Vec<_> = std::fs::read_dir(p.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A page the HTML fuzzer found: its extraction keeps markup as text, which
/// must stay text all the way to the site.
#[test]
fn fuzz_regression_markup_as_text_stays_text() {
    let p = Project::empty();
    let bytes =
        std::fs::read(crate::harness::repo().join("tests/fixtures/ingest-html/fuzz-regression-1.html")).unwrap();
    std::fs::create_dir_all(p.path("seeds")).unwrap();
    std::fs::write(p.path("seeds/page.html"), bytes).unwrap();
    p.run(&["build"]).success();
    for (path, bytes) in p.site_files() {
        if !path.starts_with("articles/") {
            continue;
        }
        let t = String::from_utf8_lossy(&bytes).to_lowercase();
        // (the theme's own <script> and search <form> are expected)
        for bad in [
            "<script>document",
            "<iframe",
            " onclick=\"",
            " onmouseover=\"",
            "href=\"javascript:",
            "<base ",
            "<form action=\"javascript",
        ] {
            assert!(!t.contains(bad), "{path} carries {bad}");
        }
    }
}
