//! The timeline: extracted events with honest dates, curated ones, hidden
//! ones, and the public JSON contracts.

use crate::harness::Project;

fn project() -> Project {
    let p = Project::empty();
    p.write(
        "content/articles/report.md",
        "---\ntitle: A Report\ndate: 2017-01-07\nevents:\n  - {date: 2016-12, title: Talks began, entities: [Turkey]}\n  - {date: 2017-01-01, title: \"an hour into 2017\", hide: true}\n---\n\n\
         The coup attempt on 15 July 2016 failed in Turkey. Turkey intervened in Syria in August. \
         Yesterday, the police in Istanbul named a suspect. It may be that we now know more. \
         The attack lasted seven minutes and two years of planning preceded it. \
         It was an hour into 2017 that the attack began in Istanbul.\n",
    );
    p.write("content/entities/turkey.md", "---\nname: Turkey\ntype: place\n---\n");
    p
}

#[test]
fn timeline_json_has_honest_dates_and_curated_events() {
    let p = project();
    p.run(&["build"]).success();
    let v: serde_json::Value = serde_json::from_str(&p.read("site/data/timeline.json")).unwrap();
    let list = v.as_array().unwrap();
    for e in list {
        for k in ["date", "precision", "article", "text", "entities", "url"] {
            assert!(e.get(k).is_some(), "timeline.json entry lacks {k}: {e}");
        }
    }
    let find = |date: &str| list.iter().find(|e| e["date"] == date);
    let coup = find("2016-07-15").expect("the stated day");
    assert_eq!(coup["precision"], "day");
    assert!(coup["url"].as_str().unwrap().starts_with("articles/report/#s-"));
    assert!(
        coup["entities"].as_array().unwrap().iter().any(|x| x == "turkey"),
        "{coup}"
    );
    let august = find("2016-08").expect("August resolves to the last August before the article, month precision");
    assert_eq!(august["precision"], "month");
    assert!(
        find("2017-01-06").is_some(),
        "yesterday resolves against the article date"
    );
    let talks = find("2016-12").expect("curated event");
    assert_eq!(talks["text"], "Talks began");
    assert!(
        list.iter()
            .all(|e| !e["text"].as_str().unwrap().contains("hour into 2017")),
        "hidden and background"
    );
    assert!(
        list.iter()
            .all(|e| !e["text"].as_str().unwrap().contains("seven minutes")),
        "durations are not dates"
    );
    let ics = p.read("site/data/timeline.ics");
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("DTSTART;VALUE=DATE:20160715"),
        "{ics}"
    );
    let page = p.read("site/timeline/index.html");
    assert!(
        page.contains("15 July 2016") && page.contains("August 2016"),
        "dates at their precision"
    );
    assert!(
        page.contains("data-entities=\"turkey\""),
        "entries carry entity ids for the filter"
    );
    assert!(
        p.read("site/entities/turkey/index.html").contains("Talks began"),
        "the entity page has its events"
    );
}

#[test]
fn undated_articles_resolve_no_relative_dates() {
    let p = Project::empty();
    p.write(
        "content/articles/a.md",
        "---\ntitle: Undated\n---\n\nYesterday the police acted. On Thursday they met. In March 2015 it began.\n",
    );
    p.run(&["build"]).success();
    let v: serde_json::Value = serde_json::from_str(&p.read("site/data/timeline.json")).unwrap();
    let dates: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        vec!["2015-03"],
        "only the stated date; relative ones stay unresolved"
    );
}
