//! Where the article body is: the contiguous run of lines with the highest
//! score, as in body-text extraction (Finn et al.): prose scores by its
//! length, short lines and chrome cost, terminators cannot be crossed.

use super::header::Header;
use super::lines::{Kind, Line, Role};
use std::ops::Range;

/// The score of one line.
fn score(l: &Line) -> f64 {
    match l.role {
        Role::Terminator => return -1.0e9,
        Role::Chrome => return if l.kind == Kind::Rule { -1.0 } else { -6.0 },
        Role::Caption => return -2.0,
        Role::Content => {}
    }
    let w = l.words as f64;
    match l.kind {
        Kind::Blank => 0.0,
        Kind::Bracket | Kind::Rule => -2.0,
        Kind::Bullet { .. } | Kind::Numbered { .. } => {
            if l.words >= 10 && l.sentence {
                w * 0.8
            } else if l.words >= 6 {
                0.0
            } else {
                -2.0
            }
        }
        Kind::Text => {
            if l.sentence && l.words >= 6 {
                w
            } else if l.words >= 14 {
                w * 0.5
            } else if l.sentence && l.words >= 3 {
                0.5
            } else {
                -3.0
            }
        }
    }
}

/// The best-scoring run of lines (Kadane). Empty when nothing scores.
pub fn best_region(ls: &[Line]) -> Range<usize> {
    let mut best = 0.0;
    let mut best_range = 0..0;
    let mut cur = 0.0;
    let mut cur_start = 0;
    for (i, l) in ls.iter().enumerate() {
        let s = score(l);
        if cur <= 0.0 {
            cur = 0.0;
            cur_start = i;
        }
        cur += s;
        if cur > best {
            best = cur;
            best_range = cur_start..i + 1;
        }
    }
    // Start at the first scoring line (skip leading blanks).
    while best_range.start < best_range.end && ls[best_range.start].is_blank() {
        best_range.start += 1;
    }
    best_range
}

/// The lines that make the body: from after the header (title, subtitle,
/// byline) to the end of the best run, stretched over short trailing lines
/// that still belong to the article.
pub fn body_range(ls: &[Line], head: &Header, seg: Range<usize>) -> Range<usize> {
    let mut start = seg.start;
    if let Some(h) = head.header_end {
        if h <= seg.end {
            start = h;
        } else {
            start = h.min(ls.len());
        }
    }
    let mut end = seg.end.max(start);
    if head.header_end.is_some_and(|h| h > seg.end) {
        // The headline sits after the best run (a long teaser or intro
        // above it): take the best run after the headline instead.
        let sub = best_region(&ls[start..]);
        end = start + sub.end;
    }
    // A few short lines right after the run (a last short sentence, a
    // sign-off) belong to it when no chrome intervenes.
    let mut j = end;
    let mut taken = 0;
    while j < ls.len() && taken < 3 {
        let l = &ls[j];
        if l.is_blank() {
            j += 1;
            continue;
        }
        if l.role == Role::Content && l.kind == Kind::Text && l.sentence && l.words >= 3 {
            taken += 1;
            j += 1;
            end = j;
            continue;
        }
        break;
    }
    start..end.min(ls.len())
}

#[cfg(test)]
mod tests {
    use super::super::lines::{classify, normalize};
    use super::*;

    #[test]
    fn region_skips_navigation_and_stops_at_comments() {
        let text = "Home\n\n  • News\n  • Sport\n  • About\n\nA headline here\n\n\
            This is the first paragraph of the story and it has plenty of words in it.\n\n\
            And a second paragraph follows, also with a good number of words to count.\n\n\
            Leave a Reply\n\nThis comment is long enough to count as prose if we let it in here.\n";
        let ls = classify(&normalize(text));
        let r = best_region(&ls);
        assert!(ls[r.start].text.starts_with("This is the first"), "{:?}", ls[r.start]);
        assert!(ls[r.end - 1].text.starts_with("And a second"));
    }
}
