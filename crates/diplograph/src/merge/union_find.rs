//! Disjoint sets over `0..n`, for grouping the members that name one entity.

/// Disjoint sets over `0..n` with path halving; a union's root is the smaller of the two, so
/// each group's root is its smallest member.
#[derive(Debug, Clone)]
pub(super) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub(super) fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// The root of `x`'s set (`x` itself when out of range).
    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = grand;
            }
            x = grand;
        }
        x
    }

    /// Joins the sets of `a` and `b` under the smaller root.
    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            if let Some(slot) = self.parent.get_mut(ra.max(rb)) {
                *slot = ra.min(rb);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_join_under_their_smallest_member() {
        let mut u = UnionFind::new(6);
        u.union(4, 2);
        u.union(5, 4);
        u.union(1, 3);
        let roots: Vec<usize> = (0..6).map(|x| u.find(x)).collect();
        assert_eq!(roots, [0, 1, 2, 1, 2, 2]);
        u.union(3, 5);
        let roots: Vec<usize> = (0..6).map(|x| u.find(x)).collect();
        assert_eq!(roots, [0, 1, 1, 1, 1, 1]);
        assert_eq!(u.find(9), 9);
    }
}
