//! Cost on large hostile inputs: a fuzzed fragment (raw text, or a fuzzed node record) is
//! repeated to about 2 MB inside a document, which is then loaded and validated. Loading plus
//! validation must stay within a linear bound in the input's size:
//! time ≤ 0.5 s + 2 s per MB, and bytes allocated (in total, not the peak) ≤ 64 MiB + 200 per
//! input byte. The bounds are generous (AddressSanitizer, a shared 2-core machine): they catch a
//! quadratic path, which at 2 MB costs thousands of times more, not a constant factor.
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use libfuzzer_sys::fuzz_target;

/// Counts every byte allocated, so that a run's allocation can be compared with its input.
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout` (see `alloc`).
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        // SAFETY: the caller's contract for `realloc` is passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const TARGET_SIZE: usize = 2_000_000;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, fragment)) = data.split_first() else {
        return;
    };
    let fragment = String::from_utf8_lossy(fragment);
    let mut doc = String::from("{\"diplograph\": \"1\", \"nodes\": [");
    let piece_len = fragment.len().max(1) + 80;
    let count = TARGET_SIZE / piece_len;
    for i in 0..count {
        if i > 0 {
            doc.push(',');
        }
        if mode % 2 == 0 {
            // The fragment as raw text: any structure, nesting or garbage, repeated.
            doc.push_str(&fragment);
        } else {
            // The fragment as a name in an otherwise valid record.
            let name = serde_json::Value::String(fragment.to_string());
            doc.push_str(&format!(
                "{{\"id\": \"n{i}\", \"kind\": \"person\", \"name\": {name}, \"aliases\": [{name}]}}"
            ));
        }
    }
    doc.push_str("]}");
    let size = doc.len();
    let before = ALLOCATED.load(Ordering::Relaxed);
    let start = Instant::now();
    let problems = match diplograph::format::from_str(&doc) {
        Ok(g) => g.validate().len(),
        Err(e) => e.problems().map_or(1, <[_]>::len),
    };
    let elapsed = start.elapsed().as_secs_f64();
    let allocated = ALLOCATED.load(Ordering::Relaxed).saturating_sub(before);
    let mb = size as f64 / 1e6;
    assert!(
        elapsed <= 0.5 + 2.0 * mb,
        "load + validate of {size} bytes took {elapsed:.2} s ({problems} problems)"
    );
    assert!(
        allocated <= (64 << 20) + 200 * size,
        "load + validate of {size} bytes allocated {allocated} bytes ({problems} problems)"
    );
});
