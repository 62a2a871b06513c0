//! Incremental builds (cache and changed-pages-only writes) give the same
//! bytes as a clean build, over a sequence of edits.

use crate::harness::Project;
use std::collections::BTreeMap;

fn files(p: &Project) -> BTreeMap<String, Vec<u8>> {
    p.site_files().into_iter().collect()
}

/// A clean build of the same content: a fresh copy, no cache, no site.
fn clean_build(p: &Project) -> BTreeMap<String, Vec<u8>> {
    let q = Project::empty();
    for dir in ["content", "templates", "seeds"] {
        let from = p.path(dir);
        if !from.exists() {
            continue;
        }
        for e in walkdir::WalkDir::new(&from)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let rel = e
                .path()
                .strip_prefix(p.dir.path())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            q.write(&rel, &std::fs::read_to_string(e.path()).unwrap());
        }
    }
    if p.exists("dossier.yaml") {
        q.write("dossier.yaml", &p.read("dossier.yaml"));
    }
    q.run(&["build", "--no-cache"]).success();
    files(&q)
}

/// How the tests rebuild the project after each edit.
type Rebuild<'a> = &'a mut dyn FnMut(&Project);

#[track_caller]
fn assert_same_as_clean(p: &Project, step: &str, rebuild: Rebuild) {
    rebuild(p);
    let inc = files(p);
    let clean = clean_build(p);
    let only_inc: Vec<_> = inc.keys().filter(|k| !clean.contains_key(*k)).collect();
    let only_clean: Vec<_> = clean.keys().filter(|k| !inc.contains_key(*k)).collect();
    let differ: Vec<_> = inc
        .iter()
        .filter(|(k, v)| clean.get(*k).is_some_and(|c| c != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        only_inc.is_empty() && only_clean.is_empty() && differ.is_empty(),
        "{step}: incremental differs from clean: extra {only_inc:?}, missing {only_clean:?}, different {differ:?}"
    );
}

#[test]
fn incremental_builds_match_clean_builds_over_a_sequence_of_edits() {
    let p = Project::sample();
    p.run(&["build"]).success();
    assert!(p.exists(".dossier-cache/extract.pack"), "the cache is written");
    edits_match_clean_builds(&p, &mut |p| {
        p.run(&["build"]).success();
    });
}

/// The same edits, each rebuilt by one process that keeps what it can
/// between builds, as `serve` does (`site::Warm`).
/// Every file under `content/` made to look written an hour earlier than
/// it was: older than the margin the articles' snapshot keeps (see
/// `load::Snapshot`), so that each rebuild takes back the unchanged
/// articles from it. Each file keeps a time of its own: one written again
/// since the last build still has another stamp.
fn backdate_content(p: &Project) {
    for e in walkdir::WalkDir::new(p.path("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let f = std::fs::File::options().write(true).open(e.path()).unwrap();
        let mtime = f.metadata().unwrap().modified().unwrap();
        let hour = std::time::Duration::from_secs(3600);
        // a file already backdated stays as it is
        if std::time::SystemTime::now().duration_since(mtime).unwrap_or_default() < hour {
            f.set_modified(mtime - hour).unwrap();
        }
    }
}

/// A new process takes back the articles of the last build's snapshot
/// instead of reading them: only while their files and the lexicon (the
/// registry, the settings) are the same.
#[test]
fn rebuilds_from_the_articles_snapshot_match_clean_builds() {
    let p = Project::sample();
    backdate_content(&p);
    p.run(&["build"]).success();
    assert!(p.exists(".dossier-cache/articles.bin"), "the snapshot is written");
    let mut rebuild = |p: &Project| {
        backdate_content(p);
        p.run(&["build"]).success();
    };
    edits_match_clean_builds(&p, &mut rebuild);
    // a registry entry whose alias is in unchanged articles: their analyses
    // were made with another lexicon, and are made again
    rebuild(&p);
    p.write(
        "content/entities/turkish-security-forces.md",
        "---\nname: Turkish security forces\ntype: organization\naliases: [Turkish security]\n---\n",
    );
    assert_same_as_clean(&p, "an alias in unchanged articles", &mut rebuild);
    assert!(p
        .read("site/entities/turkish-security-forces/index.html")
        .contains("Turkish security"));
}

/// One process building a project again and again, as `serve` does.
struct Server {
    project: dossier::project::Project,
    opts: dossier::site::BuildOptions,
    warm: dossier::site::Warm,
}

impl Server {
    fn new(p: &Project) -> Server {
        Server {
            project: dossier::project::Project::new(p.dir.path(), None),
            opts: dossier::site::BuildOptions {
                ingest: true,
                cache: true,
                ..Default::default()
            },
            warm: dossier::site::Warm::default(),
        }
    }

    fn rebuild(&mut self) {
        if let Err(e) = dossier::site::build_warm(&self.project, &self.opts, Some(&mut self.warm)) {
            panic!("build failed: {e:?}");
        }
    }
}

#[test]
fn warm_rebuilds_match_clean_builds_over_a_sequence_of_edits() {
    let p = Project::sample();
    let mut server = Server::new(&p);
    let mut rebuild = |_: &Project| server.rebuild();
    rebuild(&p);
    edits_match_clean_builds(&p, &mut rebuild);
    // what the server took from memory is not dropped from the caches when
    // they are compacted (a pack under 1 MB never is): a new process finds
    // every article's analysis there
    let long = "The weather was mild that week and nothing happened. ".repeat(30_000);
    p.write(
        "content/articles/long.md",
        &format!("---\ntitle: Long\ndate: 2017-02-03\n---\n\n{long}\n"),
    );
    rebuild(&p);
    p.write(
        "content/articles/short.md",
        "---\ntitle: Short\ndate: 2017-02-04\n---\n\nA note.\n",
    );
    rebuild(&p);
    let report = dossier::site::build(&server.project, &server.opts).unwrap();
    assert_eq!(report.cache_hits, report.articles, "cache hits after warm builds");
}

/// Every file a watcher of the project would see, with its bytes.
fn watched_files(p: &Project) -> BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for dir in ["seeds", "content", "templates", "themes", "dossier.yaml"] {
        for e in walkdir::WalkDir::new(p.path(dir)).into_iter().filter_map(Result::ok) {
            let bytes = if e.file_type().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            out.insert(e.path().to_path_buf(), bytes);
        }
    }
    out
}

/// The same edits, each rebuilt as `serve` does after its watcher told it
/// which paths changed (`Warm::saw`): an edit to a known article file takes
/// the last listing of the articles; anything else lists them again.
#[test]
fn warm_rebuilds_told_what_changed_match_clean_builds() {
    let p = Project::sample();
    let mut server = Server::new(&p);
    let mut seen = BTreeMap::new();
    let mut rebuild = |p: &Project| {
        // what a watcher reports: every path made, changed or deleted,
        // with an editor's swap file beside the articles
        p.write("content/articles/zz-note.md.swp", &format!("{}", seen.len()));
        let now = watched_files(p);
        let changed: Vec<std::path::PathBuf> = now
            .iter()
            .filter(|(path, bytes)| seen.get(*path) != Some(*bytes))
            .map(|(path, _)| path.clone())
            .chain(seen.keys().filter(|path| !now.contains_key(*path)).cloned())
            .collect();
        server.warm.saw(Some(changed));
        seen = now;
        server.rebuild();
    };
    rebuild(&p);
    edits_match_clean_builds(&p, &mut rebuild);
}

fn edits_match_clean_builds(p: &Project, rebuild: Rebuild) {
    assert_same_as_clean(p, "first rebuild", rebuild);

    // edit an article
    let first = std::fs::read_dir(p.path("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let rel = first.strip_prefix(p.dir.path()).unwrap().to_string_lossy().into_owned();
    let mut text = p.read(&rel);
    text.push_str("\nOn 3 March 2017, Turkish police in Konya detained a new suspect.\n");
    p.write(&rel, &text);
    let before = files(p);
    assert_same_as_clean(p, "edit", rebuild);
    let after = files(p);
    let changed = after.iter().filter(|(k, v)| before.get(*k) != Some(*v)).count();
    assert!(
        changed < after.len() / 2,
        "only what changed is rewritten ({changed} of {})",
        after.len()
    );

    // an edit that names no one and dates nothing keeps the last build's
    // graph (its file is not rewritten), and still shows everywhere
    let graph = p.path(".dossier-cache/graph.bin");
    let stored = std::fs::metadata(&graph).unwrap().modified().unwrap();
    let mut text = p.read(&rel);
    text.push_str("\nA plain closing remark, with nothing in it to find.\n");
    p.write(&rel, &text);
    assert_same_as_clean(p, "plain edit", rebuild);
    assert_eq!(
        stored,
        std::fs::metadata(&graph).unwrap().modified().unwrap(),
        "graph kept"
    );

    // an article reworded where its summary shows, naming no one: the
    // graph is the same, but its card on the front page and its search
    // document are not
    let plain = |words: &str| format!("---\ntitle: Plain\ndate: 2017-01-20\n---\n\nThe {words} was quiet.\n");
    p.write("content/articles/plain.md", &plain("morning"));
    assert_same_as_clean(p, "plain article", rebuild);
    let stored = std::fs::metadata(&graph).unwrap().modified().unwrap();
    p.write("content/articles/plain.md", &plain("evening"));
    assert_same_as_clean(p, "plain article reworded", rebuild);
    assert_eq!(
        stored,
        std::fs::metadata(&graph).unwrap().modified().unwrap(),
        "graph kept"
    );
    assert!(p.read("site/index.html").contains("The evening was quiet."));

    // a sentence that names someone, reworded: the graph is the same, but
    // the pages quoting the sentence are not
    let mut text = p.read(&rel);
    text.push_str("\nKyle Orton wrote this first.\n");
    p.write(&rel, &text);
    assert_same_as_clean(p, "a sentence naming someone", rebuild);
    p.write(
        &rel,
        &text.replace("Kyle Orton wrote this first.", "Kyle Orton wrote this later."),
    );
    assert_same_as_clean(p, "that sentence reworded", rebuild);
    assert!(p
        .read("site/entities/kyle-orton/index.html")
        .contains("wrote this later"));

    // add an article
    p.write(
        "content/articles/added.md",
        "---\ntitle: An Added Note\ndate: 2017-02-01\n---\n\nAaron Zelin wrote about the Islamic State in Istanbul on 30 January 2017.\n",
    );
    assert_same_as_clean(p, "add", rebuild);

    // delete an article
    std::fs::remove_file(p.path("content/articles/added.md")).unwrap();
    assert_same_as_clean(p, "delete", rebuild);
    assert!(!p.exists("site/articles/added/index.html"), "its page is gone");

    // pages of other articles and entities show this article's title
    let text = p.read(&rel);
    let retitled = text.replacen("title: ", "title: Retitled ", 1);
    assert_ne!(text, retitled);
    p.write(&rel, &retitled);
    assert_same_as_clean(p, "retitle", rebuild);

    // an article that changes how entities named elsewhere are shown: their
    // most common form, their related entities and their weights
    p.write(
        "content/articles/variants.md",
        "---\ntitle: Variants\ndate: 2017-02-02\n---\n\n\
         Recep Tayyip Erdogan met Vladimir Putin in Istanbul. Recep Tayyip Erdogan and Vladimir Putin spoke of Raqqa. \
         Recep Tayyip Erdogan, Vladimir Putin and Kyle Orton were in Istanbul and Raqqa. \
         Recep Tayyip Erdogan said Istanbul and Raqqa were safe.\n",
    );
    assert_same_as_clean(p, "variants", rebuild);

    // the site's settings reach every page
    p.write("dossier.yaml", "title: A Renamed Briefing\n");
    assert_same_as_clean(p, "settings", rebuild);

    // rename an entity through the registry
    p.write(
        "content/entities/islamic-state.md",
        "---\nname: Islamic State\ntype: organization\naliases: [IS, ISIS, ISIL, Daesh]\n---\n",
    );
    assert_same_as_clean(p, "registry entry", rebuild);
    p.write(
        "content/entities/islamic-state.md",
        "---\nname: The Islamic State group\ntype: organization\naliases: [Islamic State, IS, ISIS, ISIL, Daesh]\n---\n",
    );
    assert_same_as_clean(p, "rename an entity", rebuild);

    // the cache deleted between builds (a server keeps articles it took
    // from memory without their text, and reads them again)
    std::fs::remove_dir_all(p.path(".dossier-cache")).unwrap();
    p.write(&rel, &format!("{}\nOne more line.\n", p.read(&rel)));
    assert_same_as_clean(p, "cache deleted", rebuild);

    // change a template
    p.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<p>Lost?</p>{% endblock main %}",
    );
    assert_same_as_clean(p, "template", rebuild);
}

#[test]
fn a_corrupt_cache_is_ignored_with_a_warning() {
    let p = Project::fixture("basic");
    p.run(&["build"]).success();
    let good = files(&p);
    let mut n = 0;
    for e in walkdir::WalkDir::new(p.path(".dossier-cache"))
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() {
            let mut b = std::fs::read(e.path()).unwrap();
            let last = b.len() - 1;
            b[last] ^= 0xff;
            std::fs::write(e.path(), b).unwrap();
            n += 1;
        }
    }
    assert!(n > 0);
    let r = p.run(&["build"]);
    r.success();
    assert!(r.stderr().contains("corrupt or from another version"), "{}", r.stderr());
    for pack in [
        "extract.pack",
        "terms.pack",
        "graph.bin",
        "search.bin",
        "keys.bin",
        "articles.bin",
    ] {
        assert!(r.stderr().contains(pack), "{pack}: {}", r.stderr());
    }
    assert_eq!(good, files(&p));
}

/// A cached body is read only when its page is made; one found damaged
/// then makes the build start again, checking every body first.
#[test]
fn a_damaged_cached_body_is_not_published() {
    let p = Project::fixture("basic");
    p.run(&["build"]).success();
    let good = files(&p);
    let pack = p.path(".dossier-cache/bodies.pack");
    let mut b = std::fs::read(&pack).unwrap();
    let last = b.len() - 1;
    b[last] ^= 0xff;
    std::fs::write(&pack, b).unwrap();
    // an edited template remakes every page, so every body is read
    p.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<p>Lost?</p>{% endblock main %}",
    );
    let r = p.run(&["build"]);
    r.success();
    assert!(r.stderr().contains("bodies.pack is corrupt"), "{}", r.stderr());
    std::fs::remove_file(p.path("templates/404.html")).unwrap();
    p.run(&["build"]).success();
    assert_eq!(good, files(&p));
}

/// The site manifest in the cache lets a rebuild skip reading pages back;
/// it must never hide a page someone changed or deleted by hand.
#[test]
fn pages_changed_or_deleted_by_hand_are_restored() {
    let p = Project::fixture("basic");
    p.run(&["build"]).success();
    let good = files(&p);
    let index = p.path("site/index.html");
    let same_size = "x".repeat(std::fs::metadata(&index).unwrap().len() as usize);
    std::fs::write(&index, same_size).unwrap();
    std::fs::remove_file(p.path("site/404.html")).unwrap();
    let r = p.run(&["build"]);
    r.success();
    assert!(r.stdout().contains("(2 changed)"), "{}", r.stdout());
    assert_eq!(good, files(&p));
}
