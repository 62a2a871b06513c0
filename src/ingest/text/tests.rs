//! Tests on the seeds and small fixtures.

