//! `dossier serve`: build, serve `site/` on 127.0.0.1, watch the project,
//! rebuild on change and reload open pages over server-sent events. A
//! build error shows in the terminal and as an overlay in the browser; the
//! server keeps running. The reload script is injected into HTML responses
//! only, so the built files stay byte-identical to `dossier build`.

use crate::project::Project;
use crate::site::{BuildError, BuildOptions, Warm};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const RELOAD_JS: &str = r#"(function () {
  var overlay;
  function show(msg) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:99999;background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem;white-space:pre-wrap;overflow:auto";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "dossier: the build failed\n\n" + msg + "\n\nFix the file and save: this page reloads.";
  }
  var es = new EventSource("/__dossier/events");
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("error-report", function (e) { show(JSON.parse(e.data)); });
})();
"#;

/// The state shared between the watcher and the HTTP handlers.
#[derive(Default)]
struct Shared {
    /// The last build error, shown to pages that load while it stands.
    error: Option<String>,
    clients: Vec<Sender<String>>,
}

impl Shared {
    fn broadcast(&mut self, event: &str, data: &str) {
        let msg = format!("event: {event}\ndata: {data}\n\n");
        self.clients.retain(|c| c.send(msg.clone()).is_ok());
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Build once and print the outcome; returns the error text on failure.
/// `warm` carries what each build can reuse from the one before.
fn rebuild(project: &Project, warm: &mut Warm, timings: bool) -> Result<(), String> {
    let opts = BuildOptions {
        ingest: true,
        base_url: Some("/".into()),
        progress: false,
        cache: true,
        ..BuildOptions::default()
    };
    match crate::site::build_warm(project, &opts, Some(warm)) {
        Ok(r) => {
            for w in &r.warnings {
                eprintln!("{w}");
            }
            if timings {
                eprint!("{}", r.timings());
            }
            eprintln!("built {} articles, {} pages in {:.2}s", r.articles, r.pages, r.seconds);
            Ok(())
        }
        Err(BuildError::Content(diags)) => {
            let text: String = diags.iter().map(|d| format!("{d}\n")).collect();
            eprint!("{text}");
            eprintln!("build failed; still serving the last good site");
            Err(text)
        }
        Err(BuildError::Io(e)) => {
            eprintln!("error: {e}");
            Err(e)
        }
    }
}

/// The folders of the project a build reads, watched with all they hold.
/// The project's own folder is watched without its subfolders (for
/// `dossier.yaml` and these folders appearing): watching it whole would
/// watch `site/`, and its tens of thousands of files would keep the watcher
/// busy through every build.
const WATCHED_DIRS: [&str; 4] = ["seeds", "content", "themes", "templates"];

fn watch_dir(watcher: &mut notify::RecommendedWatcher, dir: &Path) {
    use notify::Watcher;
    if dir.is_dir() {
        if let Err(e) = watcher.watch(dir, notify::RecursiveMode::Recursive) {
            eprintln!("warning: cannot watch {}: {e}", dir.display());
        }
    }
}

/// Is this change one the build should react to? Output, caches and
/// editor droppings are not.
fn relevant(project: &Project, path: &Path) -> bool {
    let rel = project.relative(path);
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if path.starts_with(&project.output) || name.ends_with('~') || name.starts_with(".#") || name.ends_with(".swp") {
        return false;
    }
    if name.contains(".tmp-") || name == ".dossier.lock" || name == ".ingest.json" {
        return false;
    }
    matches!(
        first.as_str(),
        "seeds" | "content" | "themes" | "templates" | "dossier.yaml"
    )
}

/// Add the paths `ev` changed to `changes`, which becomes `None` when the
/// watcher cannot say what changed (an error, or events it dropped): then
/// the build looks at every file.
fn note(ev: &notify::Result<notify::Event>, project: &Project, changes: &mut Option<Vec<PathBuf>>) {
    match ev {
        Ok(e) if !e.need_rescan() => {
            if matches!(e.kind, notify::EventKind::Access(_)) {
                return;
            }
            if let Some(c) = changes {
                c.extend(e.paths.iter().filter(|p| relevant(project, p)).cloned());
            }
        }
        _ => *changes = None,
    }
}

/// The file to answer a URL path with, inside `site`.
fn resolve_file(site: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut out = site.to_path_buf();
    for c in Path::new(decoded.trim_start_matches('/')).components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let h = std::str::from_utf8(&b[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains('\0')).then_some(s)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn respond(req: tiny_http::Request, site: &Path, shared: &Arc<Mutex<Shared>>) {
    let url = req.url().to_string();
    if url == "/__dossier/reload.js" {
        let r = tiny_http::Response::from_string(RELOAD_JS).with_header(header("Content-Type", "text/javascript"));
        let _ = req.respond(r);
        return;
    }
    if url == "/__dossier/events" {
        let (tx, rx) = mpsc::channel();
        {
            let mut s = shared.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(err) = &s.error {
                let _ = tx.send(format!("event: error-report\ndata: {}\n\n", json_string(err)));
            }
            s.clients.push(tx);
        }
        // Written by hand on its own thread: tiny_http buffers chunked
        // bodies, and an event must reach the page at once.
        std::thread::spawn(move || {
            use std::io::Write;
            let mut w = req.into_writer();
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n";
            if w.write_all(head.as_bytes()).and_then(|_| w.flush()).is_err() {
                return;
            }
            loop {
                let msg = match rx.recv_timeout(Duration::from_secs(15)) {
                    Ok(m) => m,
                    // a comment keeps the connection open and notices closed ones
                    Err(mpsc::RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                };
                if w.write_all(msg.as_bytes()).and_then(|_| w.flush()).is_err() {
                    return;
                }
            }
        });
        return;
    }
    let (file, status) = match resolve_file(site, &url) {
        Some(f) => (Some(f), 200),
        None => (resolve_file(site, "/404.html"), 404),
    };
    let Some(file) = file else {
        let _ = req.respond(tiny_http::Response::from_string("not found (no site built yet)").with_status_code(404));
        return;
    };
    let Ok(mut bytes) = std::fs::read(&file) else {
        // the file vanished mid-build: the page reloads after the build anyway
        let _ = req.respond(tiny_http::Response::from_string("not found").with_status_code(404));
        return;
    };
    let ctype = content_type(&file);
    if ctype.starts_with("text/html") {
        let tag = b"<script src=\"/__dossier/reload.js\"></script>";
        match bytes.windows(7).rposition(|w| w == b"</body>") {
            Some(at) => {
                bytes.splice(at..at, tag.iter().copied());
            }
            None => bytes.extend_from_slice(tag),
        }
    }
    let r = tiny_http::Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"));
    let _ = req.respond(r);
}

/// Run the dev server until the process is stopped.
pub fn serve(project: &Project, port: u16, open: bool, timings: bool) -> Result<(), String> {
    // watcher events carry absolute paths; compare like with like
    let root = project
        .root
        .canonicalize()
        .map_err(|e| format!("{}: {e}", project.root.display()))?;
    let output = if project.output.is_absolute() {
        project.output.clone()
    } else {
        root.join(project.relative(&project.output))
    };
    let project = &Project { root, output };
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (is another server running? try --port)"))?;
    let shared = Arc::new(Mutex::new(Shared::default()));
    let mut warm = Warm::default();
    if let Err(e) = rebuild(project, &mut warm, timings) {
        shared.lock().unwrap_or_else(|e| e.into_inner()).error = Some(e);
    }
    let url = format!("http://127.0.0.1:{port}/");
    eprintln!("serving {} at {url} (Ctrl-C to stop)", project.output.display());
    if open {
        let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
        let _ = std::process::Command::new(opener).arg(&url).spawn();
    }

    // watch and rebuild on its own thread
    let watch_project = project.clone();
    let watch_shared = Arc::clone(&shared);
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| format!("cannot watch files: {e}"))?;
    {
        use notify::Watcher;
        watcher
            .watch(&project.root, notify::RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", project.root.display()))?;
        for dir in WATCHED_DIRS {
            watch_dir(&mut watcher, &project.root.join(dir));
        }
    }
    // Reads (the build's own) are not changes; everything else under a
    // watched folder is.
    let wants = move |ev: &notify::Result<notify::Event>, p: &Project| match ev {
        Ok(e) => !matches!(e.kind, notify::EventKind::Access(_)) && e.paths.iter().any(|path| relevant(p, path)),
        Err(_) => false,
    };
    std::thread::spawn(move || {
        let mut watcher = watcher;
        while let Ok(ev) = rx.recv() {
            if !wants(&ev, &watch_project) {
                continue;
            }
            // a watched folder made (again) after the server started
            if let Ok(e) = &ev {
                if matches!(e.kind, notify::EventKind::Create(_)) {
                    for p in e
                        .paths
                        .iter()
                        .filter(|p| p.parent() == Some(watch_project.root.as_path()))
                    {
                        if WATCHED_DIRS.iter().any(|d| p.ends_with(d)) {
                            watch_dir(&mut watcher, p);
                        }
                    }
                }
            }
            // debounce: let a burst of saves settle into one build
            let mut changes = Some(Vec::new());
            note(&ev, &watch_project, &mut changes);
            while let Ok(more) = rx.recv_timeout(Duration::from_millis(120)) {
                note(&more, &watch_project, &mut changes);
            }
            warm.saw(changes);
            let result = rebuild(&watch_project, &mut warm, timings);
            let mut s = watch_shared.lock().unwrap_or_else(|e| e.into_inner());
            match result {
                Ok(()) => {
                    s.error = None;
                    s.broadcast("reload", "{}");
                }
                Err(e) => {
                    s.broadcast("error-report", &json_string(&e));
                    s.error = Some(e);
                }
            }
        }
    });

    let site = project.output.clone();
    for req in server.incoming_requests() {
        respond(req, &site, &shared);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_stay_inside_the_site() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join("a")).unwrap();
        std::fs::write(t.path().join("a/index.html"), "x").unwrap();
        std::fs::write(t.path().join("index.html"), "x").unwrap();
        assert_eq!(resolve_file(t.path(), "/a/"), Some(t.path().join("a/index.html")));
        assert_eq!(resolve_file(t.path(), "/a/?q=1#x"), Some(t.path().join("a/index.html")));
        assert_eq!(resolve_file(t.path(), "/"), Some(t.path().join("index.html")));
        assert_eq!(resolve_file(t.path(), "/../etc/passwd"), None);
        assert_eq!(resolve_file(t.path(), "/%2e%2e/x"), None);
        assert_eq!(resolve_file(t.path(), "/a%00"), None);
    }
}
