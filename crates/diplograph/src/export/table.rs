//! The graph as two tables of typed columns, nodes and edges, built in one pass each: the
//! fields of [`super::schema`] (the same cells the exporters write), in the exporters' order,
//! laid out as Apache Arrow lays out its arrays (text as offsets into one byte buffer, a
//! validity flag per row), so that the Python bindings hand them to pyarrow without a Python
//! object per cell.

use std::collections::HashMap;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::flat::{self, Cell, ColType, Name, NodeOptions, EDGE_COLUMNS, NODE_COLUMNS};
use super::schema::{FieldType, EDGE_ENDS, EDGE_FIELDS, NODE_ENDS, NODE_FIELDS};
use crate::graph::Graph;

/// A table: named, typed columns of equal length.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// How many rows.
    pub rows: usize,
    /// The columns: every field of the schema, in schema order (whether some row has it or
    /// not), then the free attributes (`attr.<key>`) sorted by name.
    pub columns: Vec<Column>,
}

impl Table {
    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// One column of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Its name (a schema field's, or `attr.<key>`).
    pub name: String,
    /// The type of its values (a free attribute's is the most specific type all its values
    /// share; [`FieldType::Json`] when they are structured or mixed).
    pub ty: FieldType,
    /// Whether each row has a value (`false`: the field does not apply or has none).
    pub valid: Vec<bool>,
    /// The values, one per row (a placeholder where the row has none).
    pub values: Values,
}

impl Column {
    /// The number of rows without a value.
    pub fn null_count(&self) -> usize {
        self.valid.iter().filter(|v| !**v).count()
    }

    /// Row `row`'s value as text: the text of a text, date or JSON column, a category's name,
    /// a day as `YYYY-MM-DD`, a number as the exporters write it. `None` without a value.
    pub fn text(&self, row: usize) -> Option<String> {
        if !self.valid.get(row).copied().unwrap_or(false) {
            return None;
        }
        Some(match &self.values {
            Values::Text { offsets, bytes } => {
                let (a, b) = (*offsets.get(row)?, *offsets.get(row + 1)?);
                let slice = bytes.get(usize::try_from(a).ok()?..usize::try_from(b).ok()?)?;
                String::from_utf8_lossy(slice).into_owned()
            }
            Values::Category { codes, names } => {
                (*names.get(*codes.get(row)? as usize)?).to_owned()
            }
            Values::Integer(v) => v.get(row)?.to_string(),
            Values::Number(v) => flat::float_text(*v.get(row)?),
            Values::Boolean(v) => v.get(row)?.to_string(),
            Values::Day(v) => day_of(*v.get(row)?)?.to_string(),
        })
    }
}

/// A column's values, laid out as Arrow lays out the matching array.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Values {
    /// Text (of a text, date or JSON column): row `i` is `bytes[offsets[i]..offsets[i + 1]]`,
    /// UTF-8; `offsets` has one more entry than there are rows.
    Text {
        /// Where each row's text starts, and where the last ends.
        offsets: Vec<i64>,
        /// Every row's text, one after the other.
        bytes: Vec<u8>,
    },
    /// Names from a closed vocabulary: row `i` is `names[codes[i]]`. `names` is the whole
    /// vocabulary ([`super::Field::categories`]), whether used or not.
    Category {
        /// Each row's name, by its place in `names`.
        codes: Vec<u32>,
        /// The vocabulary.
        names: Vec<&'static str>,
    },
    /// Whole numbers.
    Integer(Vec<i64>),
    /// Numbers.
    Number(Vec<f64>),
    /// Truth values.
    Boolean(Vec<bool>),
    /// Calendar days, as days since 1970-01-01 (Arrow's `date32`).
    Day(Vec<i32>),
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

/// A day as days since 1970-01-01.
fn days_of(d: NaiveDate) -> i32 {
    i32::try_from(d.signed_duration_since(epoch()).num_days()).unwrap_or(i32::MAX)
}

fn day_of(days: i32) -> Option<NaiveDate> {
    epoch().checked_add_signed(chrono::Duration::days(i64::from(days)))
}

/// Fills one column, row by row.
struct Builder {
    column: Column,
    /// A category's code by name.
    codes: HashMap<&'static str, u32>,
    /// The flat formats' type of the column (how its cells become text).
    flat: ColType,
}

impl Builder {
    fn new(
        name: String,
        ty: FieldType,
        categories: Option<Vec<&'static str>>,
        rows: usize,
    ) -> Self {
        let values = match ty {
            FieldType::Text | FieldType::Date | FieldType::Json => Values::Text {
                offsets: {
                    let mut o = Vec::with_capacity(rows + 1);
                    o.push(0);
                    o
                },
                bytes: Vec::new(),
            },
            FieldType::Category => Values::Category {
                codes: Vec::with_capacity(rows),
                names: categories.clone().unwrap_or_default(),
            },
            FieldType::Integer => Values::Integer(Vec::with_capacity(rows)),
            FieldType::Number => Values::Number(Vec::with_capacity(rows)),
            FieldType::Boolean => Values::Boolean(Vec::with_capacity(rows)),
            FieldType::Day => Values::Day(Vec::with_capacity(rows)),
        };
        let codes = categories
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let flat = match ty {
            FieldType::Json => ColType::Json,
            _ => ColType::Str,
        };
        Builder {
            column: Column {
                name,
                ty,
                valid: Vec::with_capacity(rows),
                values,
            },
            codes,
            flat,
        }
    }

    /// Adds rows without a value until the column has `rows` rows.
    fn pad(&mut self, rows: usize) {
        while self.column.valid.len() < rows {
            self.column.valid.push(false);
            match &mut self.column.values {
                Values::Text { offsets, .. } => {
                    let last = offsets.last().copied().unwrap_or(0);
                    offsets.push(last);
                }
                Values::Category { codes, .. } => codes.push(0),
                Values::Integer(v) => v.push(0),
                Values::Number(v) => v.push(0.0),
                Values::Boolean(v) => v.push(false),
                Values::Day(v) => v.push(0),
            }
        }
    }

    /// Sets row `row` (after the rows before it, padded) to `cell`'s value; a cell that does
    /// not fit the column's type leaves the row without a value.
    fn push(&mut self, row: usize, cell: &Cell<'_>, scratch: &mut Vec<u8>) {
        self.pad(row);
        if self.column.valid.len() > row {
            return;
        }
        let ok = match (&mut self.column.values, cell) {
            (Values::Text { offsets, bytes }, c) => {
                bytes.extend_from_slice(flat::cell_bytes(c, self.flat, scratch));
                offsets.push(i64::try_from(bytes.len()).unwrap_or(i64::MAX));
                true
            }
            (Values::Category { codes, .. }, Cell::Str(s)) => match self.codes.get(s.as_ref()) {
                Some(code) => {
                    codes.push(*code);
                    true
                }
                None => false,
            },
            (Values::Integer(v), Cell::Int(i)) => {
                v.push(*i);
                true
            }
            (Values::Number(v), Cell::Float(f)) => {
                v.push(*f);
                true
            }
            #[expect(
                clippy::cast_precision_loss,
                reason = "an integer in a column of doubles"
            )]
            (Values::Number(v), Cell::Int(i)) => {
                v.push(*i as f64);
                true
            }
            (Values::Boolean(v), Cell::Bool(b)) => {
                v.push(*b);
                true
            }
            (Values::Day(v), Cell::Day(d)) => {
                v.push(days_of(*d));
                true
            }
            _ => false,
        };
        if ok {
            self.column.valid.push(true);
        } else {
            self.pad(row + 1);
        }
    }

    fn push_text(&mut self, row: usize, text: &str) {
        let mut scratch = Vec::new();
        self.push(row, &Cell::Str(text.into()), &mut scratch);
    }

    fn finish(mut self, rows: usize) -> Column {
        self.pad(rows);
        self.column
    }
}

/// The builders of a table's columns: its leading fields (`id`; `source`, `target`), then the
/// columns the flat view finds, looked up by [`Name`].
struct Builders<'c> {
    ends: Vec<Builder>,
    fixed: Vec<Option<usize>>,
    attrs: FxHashMap<&'c str, usize>,
    others: Vec<Builder>,
}

impl<'c> Builders<'c> {
    fn new(
        fields: &[super::schema::Field],
        skip: usize,
        fixed: &[&str],
        cols: &'c [flat::Column],
        rows: usize,
    ) -> Self {
        let ends = fields
            .iter()
            .take(skip)
            .map(|f| Builder::new(f.name.to_owned(), f.ty, f.categories(), rows))
            .collect();
        let mut b = Builders {
            ends,
            fixed: vec![None; fixed.len()],
            attrs: FxHashMap::default(),
            others: Vec::new(),
        };
        // Every field of the schema, whether some row has it or not (so that a table's columns
        // do not depend on the data), then the free attributes the graph has.
        for (i, f) in fields.iter().skip(skip).enumerate() {
            if let Some(slot) = b.fixed.get_mut(i) {
                *slot = Some(b.others.len());
            }
            b.others
                .push(Builder::new(f.name.to_owned(), f.ty, f.categories(), rows));
        }
        for c in cols {
            let Some(k) = c.name.strip_prefix(flat::ATTR_PREFIX) else {
                continue;
            };
            b.attrs.insert(k, b.others.len());
            let ty = match c.ty {
                ColType::Bool => FieldType::Boolean,
                ColType::Int => FieldType::Integer,
                ColType::Float => FieldType::Number,
                ColType::Str => FieldType::Text,
                ColType::Json => FieldType::Json,
            };
            b.others.push(Builder::new(c.name.clone(), ty, None, rows));
        }
        b
    }

    fn get(&mut self, name: Name<'_>) -> Option<&mut Builder> {
        let at = match name {
            Name::Fixed(i) => self.fixed.get(i).copied().flatten(),
            Name::Attr(k) => self.attrs.get(k).copied(),
            Name::Other(_) => None,
        }?;
        self.others.get_mut(at)
    }

    fn finish(self, rows: usize) -> Table {
        Table {
            rows,
            columns: self
                .ends
                .into_iter()
                .chain(self.others)
                .map(|b| b.finish(rows))
                .collect(),
        }
    }
}

/// The free attributes' columns (`attr.<key>`, sorted), each typed as the flat formats type
/// it ([`flat::attr_type`], unified over its values).
fn attribute_columns<'g>(
    all: impl Iterator<Item = &'g crate::model::Attributes>,
) -> Vec<flat::Column> {
    let mut found: std::collections::BTreeMap<&str, ColType> = std::collections::BTreeMap::new();
    for attrs in all {
        for (k, v) in attrs {
            let ty = flat::attr_type(v);
            found
                .entry(k.as_str())
                .and_modify(|t| *t = t.unify(ty))
                .or_insert(ty);
        }
    }
    found
        .into_iter()
        .map(|(k, ty)| flat::Column {
            name: format!("{}{k}", flat::ATTR_PREFIX),
            ty,
        })
        .collect()
}

/// The graph's nodes and edges as two [`Table`]s, in the exporters' order (nodes by kind then
/// id, edges by source, kind, target and dates), with a column for every one of the
/// [`NODE_FIELDS`] or [`EDGE_FIELDS`] (all null where no row has it), then the free attributes. Cost: O((nodes + edges) · log) time for the order,
/// memory for the columns.
///
/// ```
/// let g = diplograph::example();
/// let (nodes, edges) = diplograph::export::tables(&g);
/// assert_eq!(nodes.rows, g.node_count());
/// assert_eq!(nodes.columns[0].name, "id");
/// let names: Vec<&str> = edges.columns.iter().take(3).map(|c| c.name.as_str()).collect();
/// assert_eq!(names, ["source", "target", "kind"]);
/// ```
pub fn tables(graph: &Graph) -> (Table, Table) {
    let opts = NodeOptions::FULL;
    // The schema's fields are always there: only the free attributes need finding.
    let node_cols = attribute_columns(graph.nodes().map(|(_, n)| &n.attributes));
    let edge_cols = attribute_columns(graph.edges().map(|v| &v.edge.attributes));
    let (nodes, edges) = flat::sorted_nodes_and_edges(graph);
    let mut scratch = Vec::new();

    let mut b = Builders::new(
        NODE_FIELDS,
        NODE_ENDS,
        NODE_COLUMNS,
        &node_cols,
        nodes.len(),
    );
    for (row, n) in nodes.iter().enumerate() {
        if let Some(id) = b.ends.first_mut() {
            id.push_text(row, &n.id);
        }
        flat::visit_node(n, opts, &mut |name, cell| {
            if let Some(col) = b.get(name) {
                col.push(row, &cell, &mut scratch);
            }
        });
    }
    let node_table = b.finish(nodes.len());

    let mut b = Builders::new(
        EDGE_FIELDS,
        EDGE_ENDS,
        EDGE_COLUMNS,
        &edge_cols,
        edges.len(),
    );
    for (row, v) in edges.iter().enumerate() {
        if let [source, target] = b.ends.as_mut_slice() {
            source.push_text(row, &v.from.id);
            target.push_text(row, &v.to.id);
        }
        flat::visit_edge(v, true, &mut |name, cell| {
            if let Some(col) = b.get(name) {
                col.push(row, &cell, &mut scratch);
            }
        });
    }
    (node_table, b.finish(edges.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_tables_hold_the_exported_cells() {
        let g = crate::example();
        let (nodes, edges) = tables(&g);
        assert_eq!((nodes.rows, edges.rows), (g.node_count(), g.edge_count()));
        for (t, c) in [(&nodes, &nodes.columns), (&edges, &edges.columns)] {
            assert!(
                c.iter().all(|c| c.valid.len() == t.rows),
                "a column of another length"
            );
        }
        let row = (0..nodes.rows)
            .find(|&r| nodes.column("id").unwrap().text(r).as_deref() == Some("gsomia-kor-usa"))
            .unwrap();
        let cell = |name: &str| nodes.column(name).and_then(|c| c.text(row));
        assert_eq!(cell("kind").as_deref(), Some("agreement"));
        assert_eq!(cell("subkind").as_deref(), Some("gsomia"));
        assert_eq!(cell("state").as_deref(), Some("in_force"));
        assert_eq!(cell("date"), None);
        let first = |name: &str| edges.column(name).and_then(|c| c.text(0));
        assert_eq!(first("source").as_deref(), Some("CHN"));
        assert_eq!(nodes.column("date_earliest").unwrap().ty, FieldType::Day);
        // Every cell is the text the CSV export writes (formula neutralisation aside).
        let (mut csv_nodes, mut csv_edges) = (Vec::new(), Vec::new());
        super::super::export_csv(&g, &mut csv_nodes, &mut csv_edges).unwrap();
        for (t, csv, skip) in [(&nodes, csv_nodes, 2), (&edges, csv_edges, 3)] {
            let mut r = ::csv::Reader::from_reader(csv.as_slice());
            let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
            // The table has every column the CSV has, and the schema's others, empty.
            let in_csv = |name: &str| header.iter().any(|h| h == name);
            for c in t.columns.iter().filter(|c| !in_csv(&c.name)) {
                assert_eq!(
                    c.null_count(),
                    t.rows,
                    "{} has values the CSV has not",
                    c.name
                );
            }
            for (row, rec) in r.records().enumerate() {
                let rec = rec.unwrap();
                for (name, cell) in header.iter().zip(rec.iter()).skip(skip) {
                    let c = t.column(name).unwrap();
                    let want = cell.strip_prefix('\'').unwrap_or(cell);
                    assert_eq!(c.text(row).unwrap_or_default(), want, "{name} row {row}");
                }
            }
            let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
            let fields = if skip == 2 { NODE_FIELDS } else { EDGE_FIELDS };
            let schema: Vec<&str> = fields.iter().map(|f| f.name).collect();
            assert_eq!(names[..schema.len()], schema);
        }
    }

    #[test]
    fn days_count_from_1970() {
        let d = NaiveDate::from_ymd_opt(2016, 6, 4).unwrap();
        assert_eq!(days_of(d), 16956);
        assert_eq!(day_of(16956), Some(d));
        assert_eq!(days_of(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()), -719_162);
    }
}
