//! petgraph's visit traits on [`Graph`], so that `petgraph::algo` and `petgraph::visit` run on
//! a diplograph graph as they are: shortest paths, strongly connected components, depth- and
//! breadth-first walks, topological order.
//!
//! The crate commits to petgraph here: [`NodeIndex`] and [`EdgeIndex`] are petgraph's
//! `stable_graph` index types, re-exported, and a node's or edge's index never changes because
//! a graph never removes anything. Each trait forwards to the `StableDiGraph` the graph is
//! stored in; the node weight is a [`Node`], the edge weight an [`Edge`].
//!
//! ```
//! use petgraph::visit::Dfs;
//! let g = diplograph::example();
//! let kor = g.index_of("KOR").expect("the example has South Korea");
//! // Every node reachable from South Korea along edges' directions:
//! let mut walk = Dfs::new(&g, kor);
//! let mut reached = 0;
//! while walk.next(&g).is_some() {
//!     reached += 1;
//! }
//! assert!(reached > 1);
//! // petgraph's algorithms take the graph as it is:
//! let components = petgraph::algo::kosaraju_scc(&g);
//! assert!(!components.is_empty());
//! ```

use petgraph::stable_graph::{EdgeReference, EdgeReferences, Edges, NodeIndices, NodeReferences};
use petgraph::visit;
use petgraph::{Directed, Direction};

use super::{EdgeIndex, Graph, NodeIndex};
use crate::model::{Edge, Node};

impl visit::GraphBase for Graph {
    type NodeId = NodeIndex;
    type EdgeId = EdgeIndex;
}

impl visit::Data for Graph {
    type NodeWeight = Node;
    type EdgeWeight = Edge;
}

impl visit::GraphProp for Graph {
    type EdgeType = Directed;
}

impl visit::NodeCount for Graph {
    fn node_count(&self) -> usize {
        self.inner.node_count()
    }
}

impl visit::EdgeCount for Graph {
    fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }
}

impl visit::NodeIndexable for Graph {
    fn node_bound(&self) -> usize {
        visit::NodeIndexable::node_bound(&self.inner)
    }

    fn to_index(&self, a: NodeIndex) -> usize {
        a.index()
    }

    fn from_index(&self, i: usize) -> NodeIndex {
        NodeIndex::new(i)
    }
}

impl visit::EdgeIndexable for Graph {
    fn edge_bound(&self) -> usize {
        visit::EdgeIndexable::edge_bound(&self.inner)
    }

    fn to_index(&self, a: EdgeIndex) -> usize {
        a.index()
    }

    fn from_index(&self, i: usize) -> EdgeIndex {
        EdgeIndex::new(i)
    }
}

impl visit::Visitable for Graph {
    type Map = <petgraph::stable_graph::StableDiGraph<Node, Edge> as visit::Visitable>::Map;

    fn visit_map(&self) -> Self::Map {
        self.inner.visit_map()
    }

    fn reset_map(&self, map: &mut Self::Map) {
        self.inner.reset_map(map);
    }
}

impl<'a> visit::IntoNeighbors for &'a Graph {
    type Neighbors = petgraph::stable_graph::Neighbors<'a, Edge>;

    fn neighbors(self, a: NodeIndex) -> Self::Neighbors {
        self.inner.neighbors(a)
    }
}

impl visit::IntoNeighborsDirected for &Graph {
    type NeighborsDirected = <Self as visit::IntoNeighbors>::Neighbors;

    fn neighbors_directed(self, a: NodeIndex, dir: Direction) -> Self::NeighborsDirected {
        self.inner.neighbors_directed(a, dir)
    }
}

impl<'a> visit::IntoEdgeReferences for &'a Graph {
    type EdgeRef = EdgeReference<'a, Edge>;
    type EdgeReferences = EdgeReferences<'a, Edge>;

    fn edge_references(self) -> Self::EdgeReferences {
        self.inner.edge_references()
    }
}

impl<'a> visit::IntoEdges for &'a Graph {
    type Edges = Edges<'a, Edge, Directed>;

    fn edges(self, a: NodeIndex) -> Self::Edges {
        self.inner.edges(a)
    }
}

impl visit::IntoEdgesDirected for &Graph {
    type EdgesDirected = <Self as visit::IntoEdges>::Edges;

    fn edges_directed(self, a: NodeIndex, dir: Direction) -> Self::EdgesDirected {
        self.inner.edges_directed(a, dir)
    }
}

impl<'a> visit::IntoNodeIdentifiers for &'a Graph {
    type NodeIdentifiers = NodeIndices<'a, Node>;

    fn node_identifiers(self) -> Self::NodeIdentifiers {
        self.inner.node_indices()
    }
}

impl<'a> visit::IntoNodeReferences for &'a Graph {
    type NodeRef = (NodeIndex, &'a Node);
    type NodeReferences = NodeReferences<'a, Node>;

    fn node_references(self) -> Self::NodeReferences {
        visit::IntoNodeReferences::node_references(&self.inner)
    }
}

#[cfg(test)]
mod tests {
    use petgraph::visit::{IntoNodeReferences, NodeCount};

    use crate::model::{Edge, EdgeKind, Node, NodeDetails, OrganizationKind};
    use crate::Graph;

    fn chain() -> Graph {
        let mut g = Graph::new();
        for (id, name) in [("A", "Alpha"), ("B", "Beta"), ("C", "Gamma")] {
            g.add_node(Node::new(
                id,
                name,
                NodeDetails::Organization {
                    kind: OrganizationKind::Ministry,
                },
            ))
            .expect("new node");
        }
        g.relate("A", "B", Edge::new(EdgeKind::MemberOf))
            .expect("edge");
        g.relate("B", "C", Edge::new(EdgeKind::MemberOf))
            .expect("edge");
        g
    }

    #[test]
    fn algorithms_run_on_the_graph() {
        let g = chain();
        let a = g.index_of("A").expect("A");
        let c = g.index_of("C").expect("C");
        assert!(petgraph::algo::has_path_connecting(&g, a, c, None));
        assert!(!petgraph::algo::has_path_connecting(&g, c, a, None));
        let costs = petgraph::algo::dijkstra(&g, a, Some(c), |_| 1u32);
        assert_eq!(costs.get(&c), Some(&2));
        let order = petgraph::algo::toposort(&g, None).expect("no cycle");
        let ids: Vec<&str> = order
            .iter()
            .map(|&n| g.node_at(n).map_or("", |x| x.id.as_str()))
            .collect();
        assert_eq!(ids, ["A", "B", "C"]);
    }

    #[test]
    fn references_carry_the_domain_types() {
        let g = chain();
        assert_eq!(NodeCount::node_count(&g), 3);
        let names: Vec<&str> = (&g)
            .node_references()
            .map(|(_, n)| n.name.as_str())
            .collect();
        assert_eq!(names, ["Alpha", "Beta", "Gamma"]);
        let kinds: Vec<EdgeKind> = petgraph::visit::IntoEdgeReferences::edge_references(&g)
            .map(|e| e.weight().kind)
            .collect();
        assert_eq!(kinds, [EdgeKind::MemberOf, EdgeKind::MemberOf]);
    }
}
