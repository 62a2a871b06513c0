use crate::harness::Project;

#[test]
fn sample_project_builds_every_page() {
    let p = Project::sample();
    let r = p.run(&["build"]);
    r.success();
    assert!(r.stdout().contains("built 5 articles"), "{}", r.stdout());
    let articles: Vec<_> = std::fs::read_dir(p.path("site/articles")).unwrap().collect();
    assert_eq!(articles.len(), 5);
    for f in [
        "site/index.html",
        "site/404.html",
        "site/atom.xml",
        "site/sitemap.xml",
        "site/robots.txt",
        "site/data/articles.json",
        "site/static/style.css",
        "site/static/syntax.css",
    ] {
        assert!(p.exists(f), "{f} missing");
    }
    let json: serde_json::Value = serde_json::from_str(&p.read("site/data/articles.json")).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 5);
    for a in list {
        for key in [
            "id",
            "title",
            "subtitle",
            "authors",
            "date",
            "date_inferred",
            "publisher",
            "source_file",
            "url",
            "entities",
        ] {
            assert!(a.get(key).is_some(), "articles.json entry lacks {key}: {a}");
        }
        let src = a["source_file"].as_str().unwrap();
        assert!(src.starts_with("seeds/") && p.exists(src), "{src}");
        let page = format!("site/{}index.html", a["url"].as_str().unwrap());
        assert!(p.exists(&page), "{page}");
    }
    // every seed became an article with provenance
    for e in std::fs::read_dir(p.path("content/articles")).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        assert!(
            text.contains("source_file: seeds/") && text.contains("source_sha256: "),
            "{text}"
        );
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let p = Project::fixture("basic");
    p.run(&["build"]).success();
    let first = p.site_files();
    p.run(&["build"]).success();
    assert_eq!(first, p.site_files());
    let q = Project::sample();
    q.run(&["build"]).success();
    let a = q.site_files();
    q.run(&["build"]).success();
    assert!(a == q.site_files(), "sample site differs between builds");
}

#[test]
fn article_page_shows_metadata_and_sentence_ids() {
    let p = Project::fixture("basic");
    p.run(&["build"]).success();
    let html = p.read("site/articles/first-report/index.html");
    assert!(html.contains("<h1>First Report on the Harbour</h1>"), "{html}");
    assert!(html.contains("Jane Analyst") && html.contains("4 March 2021") && html.contains("The Fixture Times"));
    assert!(html.contains("id=\"s-1\""), "sentences carry ids");
    assert!(html.contains("<h2 id=\"background\">"), "headings carry ids");
    assert!(html.contains("class=\"hl-"), "code is highlighted with classes");
    assert!(html.contains("footnote-definition"));
    // links are relative, so the site works under a sub-path
    assert!(html.contains("href=\"../../static/style.css\""));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://example.org/brief/articles/first-report/\">"));
}

#[test]
fn script_in_article_is_never_markup() {
    let p = Project::fixture("basic");
    p.run(&["build"]).success();
    for (path, bytes) in p.site_files() {
        // JSON is data, not markup: it keeps the text as written
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert"), "{path} carries the script as markup");
        assert!(!text.contains("<img src=x"), "{path} carries raw img markup");
        assert!(!text.contains("<b>not bold</b>"), "{path} carries title markup");
    }
    let html = p.read("site/articles/first-report/index.html");
    assert!(html.contains("&lt;script&gt;alert"), "shown as text");
}

#[test]
fn index_lists_newest_first_and_undated_last() {
    let p = Project::fixture("basic");
    p.run(&["build"]).success();
    let html = p.read("site/index.html");
    let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} not in index"));
    assert!(pos("<h2><a href=\"articles/second/\">") < pos("<h2><a href=\"articles/first-report/\">"));
    assert!(pos("<h2><a href=\"articles/first-report/\">") < pos("<h2><a href=\"articles/undated/\">"));
    let feed = p.read("site/atom.xml");
    assert!(
        feed.contains("<id>https://example.org/brief/articles/second/</id>"),
        "{feed}"
    );
    assert!(
        feed.contains("Second: &lt;b&gt;not bold&lt;&#x2f;b&gt; &amp; more")
            || feed.contains("Second: &lt;b&gt;not bold&lt;/b&gt; &amp; more"),
        "{feed}"
    );
    let sitemap = p.read("site/sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/brief/articles/first-report/</loc>"));
}

#[test]
fn base_url_flag_overrides_config() {
    let p = Project::fixture("basic");
    p.run(&["build", "--base-url", "https://other.net/x"]).success();
    assert!(p
        .read("site/sitemap.xml")
        .contains("https://other.net/x/articles/second/"));
}

#[test]
fn output_flag_writes_elsewhere() {
    let p = Project::fixture("basic");
    p.run(&["build", "--output", "public"]).success();
    assert!(p.exists("public/index.html") && !p.exists("site"));
}

#[test]
fn broken_front_matter_exits_1_and_keeps_previous_site() {
    let p = Project::fixture("basic");
    p.run(&["build"]).success();
    let before = p.site_files();
    p.write(
        "content/articles/broken.md",
        "---\ntitle: Broken\ndate: [not a date\n---\nbody\n",
    );
    p.write(
        "content/articles/typo.md",
        "---\ntitle: Typo\nauthor: Someone\n---\nbody\n",
    );
    let r = p.run(&["build"]);
    r.fails_with(1);
    let err = r.stderr();
    assert!(err.contains("content/articles/broken.md:3"), "{err}");
    assert!(
        err.contains("content/articles/typo.md:3"),
        "both errors are reported together: {err}"
    );
    assert!(err.contains("did you mean `authors`?"), "{err}");
    assert_eq!(before, p.site_files(), "site/ must be untouched");
}

#[test]
fn bad_slugs_are_refused() {
    let p = Project::fixture("basic");
    p.write(
        "content/articles/evil.md",
        "---\ntitle: Evil\nslug: ../../etc\n---\nx\n",
    );
    let r = p.run(&["build"]);
    r.fails_with(1);
    assert!(
        r.stderr().contains("content/articles/evil.md") && r.stderr().contains("slug"),
        "{}",
        r.stderr()
    );
    assert!(!p.exists("site"));
}

#[test]
fn duplicate_slugs_name_both_files() {
    let p = Project::fixture("basic");
    p.write("content/articles/copy.md", "---\ntitle: Copy\nslug: second\n---\nx\n");
    let r = p.run(&["build"]);
    r.fails_with(1);
    let err = r.stderr();
    assert!(
        err.contains("content/articles/copy.md") && err.contains("content/articles/second.md"),
        "{err}"
    );
}

#[test]
fn template_override_and_broken_template() {
    let p = Project::fixture("basic");
    p.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<p>Custom lost page</p>{% endblock main %}",
    );
    p.run(&["build"]).success();
    assert!(p.read("site/404.html").contains("Custom lost page"));
    p.write(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ broken }\n{% endblock main %}",
    );
    let r = p.run(&["build"]);
    r.fails_with(1);
    assert!(r.stderr().contains("templates/404.html:3"), "{}", r.stderr());
}

#[test]
fn ingest_never_overwrites_an_edited_article() {
    let p = Project::sample();
    p.run(&["ingest"]).success();
    let files: Vec<_> = std::fs::read_dir(p.path("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 5);
    let edited = &files[0];
    let mut text = std::fs::read_to_string(edited).unwrap();
    text.push_str("\nAn analyst's note.\n");
    std::fs::write(edited, &text).unwrap();
    let r = p.run(&["ingest", "--force"]);
    r.success();
    assert!(r.stderr().contains("edited since ingest"), "{}", r.stderr());
    assert_eq!(std::fs::read_to_string(edited).unwrap(), text);
    // a plain re-run skips everything quickly
    let r = p.run(&["ingest"]);
    assert!(r.stdout().contains("ingested 0 seeds"), "{}", r.stdout());
    // deleting an article brings it back
    std::fs::remove_file(&files[1]).unwrap();
    p.run(&["ingest"]).success();
    assert!(files[1].exists());
    // an article the analyst renamed is found by its `source_file`, and its
    // seed is not ingested again
    let moved = p.path("content/articles/renamed-by-the-analyst.md");
    std::fs::rename(&files[2], &moved).unwrap();
    let r = p.run(&["ingest"]);
    assert!(r.stdout().contains("ingested 0 seeds"), "{}", r.stdout());
    assert!(!files[2].exists() && moved.exists());
}

#[test]
fn unknown_config_key_is_an_error() {
    let p = Project::fixture("basic");
    p.write("dossier.yaml", "title: X\nbase_ulr: https://x/\n");
    let r = p.run(&["build"]);
    r.fails_with(1);
    assert!(
        r.stderr().contains("dossier.yaml:2") && r.stderr().contains("base_url"),
        "{}",
        r.stderr()
    );
}

#[test]
fn missing_root_is_an_io_error() {
    let p = Project::empty();
    let r = p.run(&["build", "--root", "does/not/exist"]);
    assert_ne!(r.code(), 0);
    let r = p.run(&["frobnicate"]);
    r.fails_with(2);
}
