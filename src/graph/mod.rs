//! Cross-article facts: merged entities, backlinks, co-occurrence, timeline order.

pub mod entities;
