//! One `Graph` shared by Python threads: a readers-writer lock that never deadlocks with the
//! GIL.
//!
//! A `diplograph.Graph` may be used from several threads at once (a reader serialising it
//! while another thread adds nodes). Its methods release the GIL while the core works, so the
//! graph needs a lock of its own: readers share it, builders take it alone. Two rules keep the
//! lock and the GIL from waiting on each other:
//!
//! - a thread never *waits* for the lock while it holds the GIL: it tries once, and if the lock
//!   is taken it releases the GIL and waits without it (the owner may need the GIL to finish);
//! - a thread that already holds the lock (Python code running inside a Graph method on the
//!   same thread: a `__del__`, a trace hook) may read again, but may not change the graph:
//!   that would wait for itself forever, so it raises `ConcurrentModificationError` instead.

use std::cell::RefCell;
use std::ops::{Deref, DerefMut};

use diplograph::Graph;
use parking_lot::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use pyo3::prelude::*;

use crate::errors::concurrent_modification;

/// A graph behind a readers-writer lock, taken as the module documentation describes.
pub(crate) struct SharedGraph {
    lock: RwLock<Graph>,
}

/// How this thread holds a lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Held {
    Read,
    Write,
}

thread_local! {
    /// The locks this thread holds (by address), innermost last.
    static HELD: RefCell<Vec<(usize, Held)>> = const { RefCell::new(Vec::new()) };
}

impl SharedGraph {
    /// Wraps a graph.
    pub(crate) fn new(graph: Graph) -> Self {
        SharedGraph {
            lock: RwLock::new(graph),
        }
    }

    fn key(&self) -> usize {
        std::ptr::from_ref(&self.lock) as usize
    }

    /// How this thread already holds this lock, if it does.
    fn held(&self) -> Option<Held> {
        let key = self.key();
        HELD.with(|h| {
            h.borrow()
                .iter()
                .rev()
                .find(|(k, _)| *k == key)
                .map(|&(_, how)| how)
        })
    }

    fn note(&self, how: Held) {
        HELD.with(|h| h.borrow_mut().push((self.key(), how)));
    }

    /// The graph, to read. Waits (without the GIL) while another thread changes it.
    ///
    /// # Errors
    /// `ConcurrentModificationError` when this thread is itself changing the graph (a read
    /// from Python code run inside a builder).
    pub(crate) fn read(&self, py: Python<'_>) -> PyResult<ReadGuard<'_>> {
        let guard = match self.held() {
            // Already reading on this thread: a recursive read never waits (and must not wait
            // behind a queued writer, which waits for this very thread).
            Some(Held::Read) => self.lock.read_recursive(),
            Some(Held::Write) => return Err(concurrent_modification("read", "changing")),
            None => match self.lock.try_read() {
                Some(guard) => guard,
                None => py.detach(|| self.lock.read()),
            },
        };
        self.note(Held::Read);
        Ok(ReadGuard { owner: self, guard })
    }

    /// The graph, to change. Waits (without the GIL) while other threads read or change it.
    ///
    /// # Errors
    /// `ConcurrentModificationError` when this thread is itself reading or changing the graph
    /// (Python code run inside a Graph method, changing that graph).
    pub(crate) fn write(&self, py: Python<'_>) -> PyResult<WriteGuard<'_>> {
        match self.held() {
            Some(Held::Read) => return Err(concurrent_modification("change", "reading")),
            Some(Held::Write) => return Err(concurrent_modification("change", "changing")),
            None => {}
        }
        let guard = match self.lock.try_write() {
            Some(guard) => guard,
            None => py.detach(|| self.lock.write()),
        };
        self.note(Held::Write);
        Ok(WriteGuard { owner: self, guard })
    }

    fn release(&self) {
        let key = self.key();
        HELD.with(|h| {
            let mut held = h.borrow_mut();
            if let Some(at) = held.iter().rposition(|(k, _)| *k == key) {
                held.remove(at);
            }
        });
    }
}

/// Shared access to a [`SharedGraph`]; derefs to the graph.
pub(crate) struct ReadGuard<'a> {
    owner: &'a SharedGraph,
    guard: RwLockReadGuard<'a, Graph>,
}

impl Deref for ReadGuard<'_> {
    type Target = Graph;
    fn deref(&self) -> &Graph {
        &self.guard
    }
}

impl Drop for ReadGuard<'_> {
    fn drop(&mut self) {
        self.owner.release();
    }
}

/// Sole access to a [`SharedGraph`]; derefs to the graph.
pub(crate) struct WriteGuard<'a> {
    owner: &'a SharedGraph,
    guard: RwLockWriteGuard<'a, Graph>,
}

impl Deref for WriteGuard<'_> {
    type Target = Graph;
    fn deref(&self) -> &Graph {
        &self.guard
    }
}

impl DerefMut for WriteGuard<'_> {
    fn deref_mut(&mut self) -> &mut Graph {
        &mut self.guard
    }
}

impl Drop for WriteGuard<'_> {
    fn drop(&mut self) {
        self.owner.release();
    }
}
