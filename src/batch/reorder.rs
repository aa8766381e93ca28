//! The reorder buffer: results finish in any order, outputs are written in input order.

use std::collections::BTreeMap;

/// Holds results that finished ahead of an earlier input until that input is done.
///
/// Memory is bounded by how far ahead the workers may run, which the batch
/// runner limits (see [`crate::batch::run`]), not by the size of the batch.
///
/// ```
/// use planex::batch::ReorderBuffer;
/// let mut buffer = ReorderBuffer::new();
/// assert!(buffer.push(1, "b").is_empty());
/// assert_eq!(buffer.push(0, "a"), vec![(0, "a"), (1, "b")]);
/// ```
#[derive(Debug)]
pub struct ReorderBuffer<T> {
    next: usize,
    pending: BTreeMap<usize, T>,
}

impl<T> Default for ReorderBuffer<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> ReorderBuffer<T> {
    /// An empty buffer waiting for index 0.
    pub fn new() -> Self {
        Self {
            next: 0,
            pending: BTreeMap::new(),
        }
    }

    /// Adds the result of input `index`; returns every result now ready, in order.
    pub fn push(&mut self, index: usize, item: T) -> Vec<(usize, T)> {
        self.pending.insert(index, item);
        let mut ready = Vec::new();
        while let Some(item) = self.pending.remove(&self.next) {
            ready.push((self.next, item));
            self.next += 1;
        }
        ready
    }

    /// The index of the first input whose result has not been released yet.
    pub fn next_index(&self) -> usize {
        self.next
    }

    /// How many results are held back.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Releases everything still held, in order, skipping the gaps (used when a
    /// batch is interrupted and some inputs will never finish).
    pub fn drain(&mut self) -> Vec<(usize, T)> {
        let rest = std::mem::take(&mut self.pending);
        if let Some((&last, _)) = rest.last_key_value() {
            self.next = last + 1;
        }
        rest.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_in_input_order_whatever_the_finishing_order() {
        for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]] {
            let mut buffer = ReorderBuffer::new();
            let mut released = Vec::new();
            for index in order {
                released.extend(buffer.push(index, index * 10).into_iter().map(|(i, _)| i));
            }
            assert_eq!(released, vec![0, 1, 2, 3], "finishing order {order:?}");
            assert_eq!(buffer.pending(), 0);
        }
    }

    #[test]
    fn drain_skips_gaps() {
        let mut buffer = ReorderBuffer::new();
        assert!(buffer.push(2, 'c').is_empty());
        assert!(buffer.push(4, 'e').is_empty());
        assert_eq!(buffer.drain(), vec![(2, 'c'), (4, 'e')]);
        assert_eq!(buffer.next_index(), 5);
    }
}
