//! Entity graphs, laid out at build time: a small SVG of each entity's
//! neighbourhood (no script needed), and the site-wide graph's positions,
//! which a small canvas script draws.

use crate::graph::Site;
use crate::model::EntityId;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::extract::markdown::escape;

/// The neighbourhood of one entity as inline SVG: it in the middle, the
/// entities it co-occurs with around it, links to their pages.
pub fn neighbourhood_svg(site: &Site, id: &EntityId, root: &str) -> Option<String> {
    let related = site.related.get(id)?;
    if related.is_empty() {
        return None;
    }
    let me = site.entities.entities.get(id)?;
    let (w, h, cx, cy, r) = (320.0, 260.0, 160.0, 130.0, 95.0);
    let max = related.iter().map(|x| x.1).max().unwrap_or(1) as f64;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"neighbourhood\" viewBox=\"-80 0 {} {h}\" role=\"group\" aria-labelledby=\"nb-title\"><title id=\"nb-title\">{} and the {} entities it is most often mentioned with</title>",
        w + 160.0,
        escape(&me.name),
        related.len()
    );
    let n = related.len() as f64;
    let mut nodes = String::new();
    for (i, (other, weight)) in related.iter().enumerate() {
        let Some(e) = site.entities.entities.get(other) else {
            continue;
        };
        let a = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        let (x, y) = (cx + r * a.cos(), cy + r * a.sin());
        let width = 0.8 + 3.2 * (*weight as f64 / max);
        let _ = write!(
            s,
            "<line x1=\"{cx}\" y1=\"{cy}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke-width=\"{width:.1}\"/>"
        );
        let anchor = if x < cx - 5.0 {
            "end"
        } else if x > cx + 5.0 {
            "start"
        } else {
            "middle"
        };
        let dx = match anchor {
            "end" => -7.0,
            "start" => 7.0,
            _ => 0.0,
        };
        let dy = if anchor == "middle" {
            if y < cy {
                -9.0
            } else {
                15.0
            }
        } else {
            4.0
        };
        let label: String = if e.name.chars().count() > 22 {
            e.name.chars().take(21).collect::<String>() + "…"
        } else {
            e.name.clone()
        };
        let _ = write!(
            nodes,
            "<a href=\"{root}entities/{other}/\"><circle class=\"k-{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text><title>{}</title></a>",
            e.kind.as_str(),
            x + dx,
            y + dy,
            escape(&label),
            escape(&e.name)
        );
    }
    s.push_str(&nodes);
    let _ = write!(
        s,
        "<circle class=\"k-{} me\" cx=\"{cx}\" cy=\"{cy}\" r=\"9\"/></svg>",
        me.kind.as_str()
    );
    Some(s)
}

/// The site-wide graph for the canvas script: node positions are computed
/// here so every browser draws the same picture and none waits for a layout.
#[derive(Serialize)]
pub struct SiteGraph {
    /// [id, name, kind, x, y, articles]
    pub nodes: Vec<(String, String, &'static str, f32, f32, usize)>,
    /// [node index, node index, weight]
    pub edges: Vec<(usize, usize, usize)>,
}

/// How many entities the site-wide graph shows: the most mentioned ones.
pub const GRAPH_NODES: usize = 600;

pub fn site_graph(site: &Site) -> SiteGraph {
    let mut ranked: Vec<(usize, &EntityId)> = site
        .entities
        .entities
        .keys()
        .map(|id| (site.article_count(id), id))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    ranked.truncate(GRAPH_NODES);
    let index: BTreeMap<&EntityId, usize> = ranked.iter().enumerate().map(|(i, (_, id))| (*id, i)).collect();
    let mut edges = Vec::new();
    for (i, (_, id)) in ranked.iter().enumerate() {
        for (other, w) in site.related.get(*id).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(&j) = index.get(other) {
                if i < j {
                    edges.push((i, j, *w));
                }
            }
        }
    }
    let pos = layout(ranked.len(), &edges);
    let nodes = ranked
        .iter()
        .zip(pos)
        .map(|((n, id), (x, y))| {
            let e = &site.entities.entities[*id];
            (id.to_string(), e.name.clone(), e.kind.as_str(), x, y, *n)
        })
        .collect();
    SiteGraph { nodes, edges }
}

/// A deterministic force-directed layout (Fruchterman-Reingold), in a unit
/// square. Starts from a spiral so the same graph always lands the same way.
fn layout(n: usize, edges: &[(usize, usize, usize)]) -> Vec<(f32, f32)> {
    let mut p: Vec<(f32, f32)> = (0..n)
        .map(|i| {
            let a = i as f32 * 2.399_963; // golden angle
            let r = (i as f32 + 1.0).sqrt() / (n as f32 + 1.0).sqrt() * 0.5;
            (0.5 + r * a.cos(), 0.5 + r * a.sin())
        })
        .collect();
    if n < 2 {
        return p;
    }
    let k = (1.0 / n as f32).sqrt();
    let mut temp = 0.1f32;
    for _ in 0..120 {
        let mut d = vec![(0.0f32, 0.0f32); n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (p[i].0 - p[j].0, p[i].1 - p[j].1);
                let dist2 = (dx * dx + dy * dy).max(1e-6);
                let f = k * k / dist2;
                d[i].0 += dx * f;
                d[i].1 += dy * f;
                d[j].0 -= dx * f;
                d[j].1 -= dy * f;
            }
        }
        for &(a, b, w) in edges {
            let (dx, dy) = (p[a].0 - p[b].0, p[a].1 - p[b].1);
            let dist = (dx * dx + dy * dy).sqrt().max(1e-4);
            let f = dist / k * (1.0 + (w as f32).ln_1p() * 0.3);
            d[a].0 -= dx * f;
            d[a].1 -= dy * f;
            d[b].0 += dx * f;
            d[b].1 += dy * f;
        }
        for i in 0..n {
            let len = (d[i].0 * d[i].0 + d[i].1 * d[i].1).sqrt().max(1e-9);
            let step = len.min(temp);
            p[i].0 += d[i].0 / len * step;
            p[i].1 += d[i].1 / len * step;
            // gentle pull to the centre keeps loose parts on screen
            p[i].0 += (0.5 - p[i].0) * 0.01;
            p[i].1 += (0.5 - p[i].1) * 0.01;
        }
        temp *= 0.96;
    }
    // normalise into [0.02, 0.98]
    let (minx, maxx) = p.iter().fold((f32::MAX, f32::MIN), |a, q| (a.0.min(q.0), a.1.max(q.0)));
    let (miny, maxy) = p.iter().fold((f32::MAX, f32::MIN), |a, q| (a.0.min(q.1), a.1.max(q.1)));
    let sx = (maxx - minx).max(1e-6);
    let sy = (maxy - miny).max(1e-6);
    p.into_iter()
        .map(|(x, y)| {
            let nx = 0.02 + 0.96 * (x - minx) / sx;
            let ny = 0.02 + 0.96 * (y - miny) / sy;
            ((nx * 1000.0).round() / 1000.0, (ny * 1000.0).round() / 1000.0)
        })
        .collect()
}
