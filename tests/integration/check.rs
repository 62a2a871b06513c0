use crate::harness::Project;

#[test]
fn check_passes_on_good_content_and_writes_nothing() {
    let p = Project::fixture("basic");
    let r = p.run(&["check"]);
    r.success();
    assert!(
        r.stdout().contains("undated article"),
        "warns about undated: {}",
        r.stdout()
    );
    assert!(!p.exists("site"));
    // it warms the extraction cache for the build that follows it in CI
    assert!(p.exists(".dossier-cache/extract.pack"));
    p.run(&["check", "--strict"]).fails_with(1);
}

#[test]
fn check_fails_on_bad_front_matter_in_github_format() {
    let p = Project::fixture("basic");
    p.write("content/articles/bad.md", "---\ntitle: x\ndate: nope\n---\n");
    let r = p.run(&["check", "--format", "github"]);
    r.fails_with(1);
    assert!(
        r.stdout().contains("::error file=content/articles/bad.md,line=3"),
        "{}",
        r.stdout()
    );
}

#[test]
fn check_fails_on_unknown_entity_reference() {
    let p = Project::fixture("basic");
    p.write(
        "content/articles/ref.md",
        "---\ntitle: Ref\ndate: 2020-01-01\nentities: [nobody-known]\n---\nText.\n",
    );
    let r = p.run(&["check", "--format", "json"]);
    r.fails_with(1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("nobody-known")),
        "{v}"
    );
}

#[test]
fn check_fails_on_a_broken_link() {
    let p = Project::fixture("basic");
    p.write("templates/404.html", "{% extends \"base.html\" %}{% block main %}<a href=\"{{ root }}nowhere/\">x</a><a href=\"#missing\">y</a>{% endblock main %}");
    let r = p.run(&["check"]);
    r.fails_with(1);
    assert!(
        r.stdout().contains("site/404.html: error: broken link to `nowhere/`"),
        "{}",
        r.stdout()
    );
    assert!(r.stdout().contains("broken anchor `#missing`"), "{}", r.stdout());
}

#[test]
fn every_internal_link_of_the_sample_site_resolves() {
    let p = Project::sample();
    p.run(&["build"]).success();
    let outputs: Vec<dossier::output::Output> = p
        .site_files()
        .into_iter()
        .map(|(path, bytes)| dossier::output::Output::new(path, bytes))
        .collect();
    let broken = dossier::check::links(outputs);
    assert!(
        broken.is_empty(),
        "{}",
        dossier::check::format(&broken, dossier::check::Format::Text)
    );
}

#[test]
fn entities_add_and_list() {
    let p = Project::fixture("basic");
    p.run(&[
        "entities",
        "add",
        "Harbour Authority",
        "--type",
        "organization",
        "--alias",
        "HA",
    ])
    .success();
    let text = p.read("content/entities/harbour-authority.md");
    assert!(
        text.contains("name: Harbour Authority") && text.contains("type: organization") && text.contains("- HA"),
        "{text}"
    );
    let r = p.run(&["entities", "add", "Harbour Authority", "--type", "organization"]);
    r.fails_with(1);
    assert!(r.stderr().contains("already exists"));
    let r = p.run(&["entities"]);
    r.success();
    assert!(
        r.stdout().contains("harbour-authority") && r.stdout().contains("organization"),
        "{}",
        r.stdout()
    );
    p.run(&["entities", "suggest"]).success();
}

#[test]
fn registry_conflicts_name_both_files() {
    let p = Project::fixture("basic");
    p.write(
        "content/entities/one.md",
        "---\nname: One Org\ntype: organization\naliases: [Shared]\n---\n",
    );
    p.write(
        "content/entities/two.md",
        "---\nname: Two Org\ntype: organization\naliases: [Shared]\n---\n",
    );
    let r = p.run(&["build"]);
    r.fails_with(1);
    let e = r.stderr();
    assert!(
        e.contains("content/entities/one.md") && e.contains("content/entities/two.md") && e.contains("Shared"),
        "{e}"
    );
}

#[test]
fn init_makes_a_project_that_builds_and_checks() {
    let p = Project::empty();
    p.run(&["init", "brief"]).success();
    for f in [
        "brief/dossier.yaml",
        "brief/.gitignore",
        "brief/.github/workflows/briefing.yml",
        "brief/seeds/README.md",
    ] {
        assert!(p.exists(f), "{f}");
    }
    let wf = p.read("brief/.github/workflows/briefing.yml");
    assert!(
        wf.contains("dossier check --format github") && wf.contains(".dossier-cache") && wf.contains("deploy-pages")
    );
    p.write(
        "brief/seeds/a.txt",
        "A First Article\n\nA body paragraph that is long enough to be kept as the body.\n",
    );
    p.run(&["build", "--root", "brief"]).success();
    // the seeds/ README is not ingested as an article
    let articles: Vec<_> = std::fs::read_dir(p.path("brief/content/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    assert_eq!(articles, ["a-first-article.md"]);
    p.run(&["check", "--root", "brief"]).success();
    p.run(&["init", "brief"]).fails_with(2);
}
