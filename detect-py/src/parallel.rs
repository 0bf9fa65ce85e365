//! A small parallel map over a slice on scoped threads.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Fewer items than this per thread are not worth a thread.
const MIN_PER_THREAD: usize = 64;

/// `items.iter().map(f).collect()`, on every core.
///
/// Items are handed out in small chunks from a shared counter, so a few
/// long texts among many short ones do not leave cores idle. The result
/// is in input order. A panic in `f` is caught per chunk and returned as
/// the first `Err`.
pub(crate) fn map<T, R, F>(items: &[T], f: F) -> Result<Vec<R>, Panic>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    map_sized(items, MIN_PER_THREAD, 16, f)
}

/// Like [`map`], for a few large items (blocks of rows): every item may
/// get a thread of its own, and items are handed out one at a time.
pub(crate) fn map_each<T, R, F>(items: &[T], f: F) -> Result<Vec<R>, Panic>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    map_sized(items, 1, 1, f)
}

/// The number of threads [`map`] may use.
pub(crate) fn cores() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

fn map_sized<T, R, F>(
    items: &[T],
    min_per_thread: usize,
    min_chunk: usize,
    f: F,
) -> Result<Vec<R>, Panic>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = cores().min(items.len().div_ceil(min_per_thread)).max(1);
    let run = |chunk: &[T]| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            chunk.iter().map(&f).collect::<Vec<R>>()
        }))
    };
    if threads == 1 {
        return run(items).map_err(Panic);
    }
    // About 16 chunks per thread, at least `min_chunk` items each.
    let size = items.len().div_ceil(threads * 16).max(min_chunk);
    let chunks: Vec<&[T]> = items.chunks(size).collect();
    let next = AtomicUsize::new(0);
    let parts = thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(chunk) = chunks.get(i) else { break };
                        done.push((i, run(chunk)));
                    }
                    done
                })
            })
            .collect();
        let mut parts: Vec<Option<_>> =
            (0..chunks.len()).map(|_| None).collect();
        for w in workers {
            // `run` catches panics, so a worker only fails if collecting
            // its own bookkeeping panics; treat that the same way.
            match w.join() {
                Ok(done) => {
                    for (i, r) in done {
                        parts[i] = Some(r);
                    }
                }
                Err(p) => return Err(Panic(p)),
            }
        }
        Ok(parts)
    })?;
    let mut out = Vec::with_capacity(items.len());
    for part in parts {
        match part {
            Some(Ok(v)) => out.extend(v),
            Some(Err(p)) => return Err(Panic(p)),
            None => {
                return Err(Panic(Box::new("a batch chunk was not scanned")));
            }
        }
    }
    Ok(out)
}

/// A caught panic payload.
pub(crate) struct Panic(pub(crate) Box<dyn std::any::Any + Send>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_kept() {
        let items: Vec<usize> = (0..10_000).collect();
        let out = map(&items, |&x| x * 2).ok().unwrap();
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(map(&[] as &[u8], |_| 0).ok().unwrap().is_empty());
        let few: Vec<usize> = (0..5).collect();
        let out = map_each(&few, |&x| x + 1).ok().unwrap();
        assert_eq!(out, [1, 2, 3, 4, 5]);
    }

    #[test]
    fn panics_are_caught() {
        let items: Vec<usize> = (0..1000).collect();
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let r = map(&items, |&x| assert!(x != 777, "boom"));
        std::panic::set_hook(prev);
        assert!(r.is_err());
    }
}
