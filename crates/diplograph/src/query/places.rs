//! Where things happened: the place or country an event was held in or a signing took place
//! in, and the country that place lies in (up `located_in`, see [`Graph::country_of`]).

use serde::{Deserialize, Serialize};

use super::NodeRef;
use crate::graph::{Graph, NodeIndex};
use crate::model::EdgeKind;

/// Where something happened: the place or country the data names, and the country it lies
/// in (the same country when a country is named; `None` when its `located_in` edges reach
/// no country).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Site {
    /// The place or country named.
    pub place: NodeRef,
    /// The country it lies in.
    pub country: Option<NodeRef>,
}

impl std::fmt::Display for Site {
    /// `Hawaii (United States)`; a country alone: `Singapore`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.country {
            Some(c) if c.id != self.place.id => write!(f, "{} ({})", self.place.name, c.name),
            _ => f.write_str(&self.place.name),
        }
    }
}

impl Graph {
    /// The site of the place or country with this id: the node, and the country it lies in.
    /// `None` when no node has the id.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let site = g.site("hawaii").unwrap();
    /// assert_eq!(site.to_string(), "Hawaii (United States)");
    /// ```
    pub fn site(&self, id: &str) -> Option<Site> {
        let ix = self.index_of(id)?;
        self.site_at(ix)
    }

    /// [`Graph::site`] by index.
    pub fn site_at(&self, ix: NodeIndex) -> Option<Site> {
        let place = self.node_at(ix)?;
        Some(Site {
            place: place.into(),
            country: self
                .country_of(ix)
                .and_then(|c| self.node_at(c))
                .map(NodeRef::from),
        })
    }

    /// Where an event was held: the places and countries of its `held_in` edges, each with
    /// its country, in the order the edges were added.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let sites = g.held_in(g.resolve("trilateral-bmd-exercise-2016")?);
    /// let named: Vec<String> = sites.iter().map(ToString::to_string).collect();
    /// assert_eq!(named, ["Hawaii (United States)"]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(the event's `held_in` edges × the `located_in` steps up from each).
    pub fn held_in(&self, event: NodeIndex) -> Vec<Site> {
        self.neighbours_out(event, EdgeKind::HeldIn)
            .filter_map(|(_, n)| self.index_of(&n.id))
            .filter_map(|ix| self.site_at(ix))
            .collect()
    }
}
