//! `dossier serve`: builds, serves, reloads on change, shows errors and recovers.

use crate::harness::Project;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let code = out.split_whitespace().nth(1)?.parse().ok()?;
    Some((code, out))
}

/// Read server-sent events until one named `name` arrives.
fn wait_event(port: u16, name: &str, during: impl FnOnce()) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(s, "GET /__dossier/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut r = BufReader::new(s);
    let mut line = String::new();
    // headers
    loop {
        line.clear();
        r.read_line(&mut line).unwrap();
        if line == "\r\n" {
            break;
        }
    }
    during();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        line.clear();
        if r.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if line.trim() == format!("event: {name}") {
            line.clear();
            r.read_line(&mut line).unwrap();
            return line;
        }
    }
    panic!("no `{name}` event");
}

/// Start `dossier serve` on a free port and wait until it answers.
fn start(p: &Project) -> (Server, u16) {
    let port = free_port();
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["serve", "--port", &port.to_string()])
            .current_dir(p.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let start = Instant::now();
    while get(port, "/").is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    (server, port)
}

#[test]
fn serve_builds_reloads_and_recovers_from_errors() {
    let p = Project::fixture("basic");
    let (_server, port) = start(&p);
    let (code, body) = get(port, "/").unwrap();
    assert_eq!(code, 200);
    assert!(body.contains("/__dossier/reload.js"), "reload script injected");
    assert!(
        !p.read("site/index.html").contains("__dossier"),
        "built files stay clean"
    );
    assert_eq!(get(port, "/../../etc/passwd").unwrap().0, 404);

    // an edit reloads the page with the change
    wait_event(port, "reload", || {
        let mut t = p.read("content/articles/second.md");
        t.push_str("\nA freshly added sentence.\n");
        p.write("content/articles/second.md", &t);
    });
    assert!(get(port, "/articles/second/")
        .unwrap()
        .1
        .contains("A freshly added sentence."));

    // a broken file shows an error; fixing it clears it
    let data = wait_event(port, "error-report", || {
        p.write("content/articles/broken.md", "---\ntitle: x\ndate: nope\n---\n");
    });
    assert!(data.contains("broken.md:3"), "{data}");
    assert_eq!(get(port, "/").unwrap().0, 200, "still serving the last good site");
    wait_event(port, "reload", || {
        std::fs::remove_file(p.path("content/articles/broken.md")).unwrap();
    });

    // a new seed is ingested and appears without a restart
    wait_event(port, "reload", || {
        p.write(
            "seeds/new.txt",
            "A Brand New Seed\n\nIts body is a paragraph that is long enough to keep as text.\n",
        );
    });
    assert!(get(port, "/").unwrap().1.contains("A Brand New Seed"));
}

#[test]
fn serve_reports_a_taken_port() {
    let p = Project::fixture("basic");
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let r = p.run(&["serve", "--port", &port.to_string()]);
    r.fails_with(2);
    assert!(r.stderr().contains(&format!("127.0.0.1:{port}")), "{}", r.stderr());
}

#[test]
fn serve_survives_files_that_vanish_mid_build() {
    let p = Project::fixture("basic");
    let (mut server, port) = start(&p);
    // files appear and vanish while builds run
    for i in 0..40 {
        let rel = format!("content/articles/flicker-{}.md", i % 3);
        p.write(&rel, &format!("---\ntitle: Flicker {i}\n---\n\nText {i}.\n"));
        std::thread::sleep(Duration::from_millis(15));
        let _ = std::fs::remove_file(p.path(&rel));
        let _ = std::fs::remove_dir_all(p.path("content/entities"));
        std::fs::create_dir_all(p.path("content/entities")).unwrap();
    }
    assert!(server.0.try_wait().unwrap().is_none(), "the server is still running");
    // and it still rebuilds and serves
    wait_event(port, "reload", || {
        let mut t = p.read("content/articles/second.md");
        t.push_str("\nAfter the storm.\n");
        p.write("content/articles/second.md", &t);
    });
    let (code, body) = get(port, "/articles/second/").unwrap();
    assert_eq!(code, 200);
    assert!(body.contains("After the storm."));
}
