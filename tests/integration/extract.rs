use crate::harness::{repo, Project};

#[test]
fn extract_prints_json_lines_with_the_contract_fields() {
    let p = Project::empty();
    let seeds: Vec<String> = std::fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    let mut args = vec!["extract"];
    args.extend(seeds.iter().map(String::as_str));
    let r = p.run(&args);
    r.success();
    let lines: Vec<&str> =
        r.0.stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| std::str::from_utf8(l).unwrap())
            .collect();
    assert_eq!(lines.len(), 5);
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "file",
            "title",
            "subtitle",
            "authors",
            "date",
            "date_inferred",
            "publisher",
            "body",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert!(v["authors"].is_array() && v["date_inferred"].is_boolean());
        assert!(v["date"].is_null() || v["date"].as_str().unwrap().len() == 10);
        assert!(!v["body"].as_str().unwrap().is_empty());
    }
    assert!(p.site_files().is_empty(), "extract writes nothing");
}

#[test]
fn extract_reports_bad_files_and_goes_on() {
    let p = Project::empty();
    p.write("empty.txt", "");
    p.write("ok.txt", "A Title\n\nSome body text that is long enough.\n");
    let r = p.run(&["extract", "empty.txt", "ok.txt"]);
    r.fails_with(1);
    assert!(
        r.stderr().contains("empty.txt") && r.stderr().contains("empty"),
        "{}",
        r.stderr()
    );
    assert!(r.stdout().contains("\"title\":\"A Title\""), "{}", r.stdout());
}
