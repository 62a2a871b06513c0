//! `dossier init DIR`: a new briefing project with a configuration, the
//! folders, a `.gitignore` and a GitHub Actions workflow that checks,
//! builds and publishes the site on every push.

use std::path::{Path, PathBuf};

const CONFIG: &str = "# dossier configuration: every key is optional.\n\
title: My Briefing\n\
description: Articles, people, organisations, places and a timeline.\n\
language: en\n\
# base_url: https://example.org/briefing/\n\
# entities:\n\
#   min_mentions: 2\n\
#   never_link: []\n";

const GITIGNORE: &str = "site/\n.dossier-cache/\n.dossier.lock\n.site.tmp-*\n";

const WORKFLOW: &str = r#"# Build the briefing on every push and publish it with GitHub Pages.
name: briefing
on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: dtolnay/rust-toolchain@stable
      - name: Cache the dossier binary
        uses: actions/cache@v4
        with:
          path: ~/.cargo/bin/dossier
          key: dossier-bin-${{ runner.os }}-v1
      - name: Install dossier
        # adjust the source to where you get dossier from
        run: command -v dossier || cargo install --locked dossier
      - name: Cache dossier's per-article results
        uses: actions/cache@v4
        with:
          path: .dossier-cache
          key: dossier-cache-${{ hashFiles('content/**', 'seeds/**', 'dossier.yaml', 'templates/**', 'themes/**') }}
          restore-keys: dossier-cache-
      - name: Check content
        run: dossier check --format github
      - name: Build
        run: dossier build
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site
  deploy:
    if: github.ref == 'refs/heads/main'
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

/// Create the project; refuses to overwrite existing files. Returns the files written.
pub fn init(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let files: [(&str, &str); 6] = [
        ("dossier.yaml", CONFIG),
        (".gitignore", GITIGNORE),
        (".github/workflows/briefing.yml", WORKFLOW),
        (
            "seeds/README.md",
            "Put collected articles here: .txt (text copied from a page), .html or .md.\n",
        ),
        ("content/articles/.gitkeep", ""),
        ("content/entities/.gitkeep", ""),
    ];
    for (rel, _) in &files {
        let p = dir.join(rel);
        if p.exists() && !rel.ends_with(".gitkeep") {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} already exists; dossier init does not overwrite files", p.display()),
            ));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if !p.exists() {
            std::fs::write(&p, text)?;
            written.push(p);
        }
    }
    Ok(written)
}
