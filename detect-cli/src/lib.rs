//! Placeholder; the real crate lands with its issue.
