//! `--output table`: a port of `awscli/formatter.py` (`TableFormatter`) and `awscli/table.py`
//! (`MultiTable`, `Section`), the same in CLI v1 and v2, with colour off.
//!
//! 1. **Build** (`TableFormatter._build_table`): the response becomes a list of sections. The
//!    first is titled by the operation (`DescribeStream`). In a dict, the scalar members,
//!    **sorted by key**, make one header row and one value row (a single scalar member makes one
//!    `key | value` row); each non-scalar member, sorted by key, becomes a nested section titled
//!    by its key, one indent deeper. A list of dicts is one section whose headers are the sorted
//!    union of the elements' scalar keys, one row per element (`''` for a missing key); when the
//!    elements have non-scalar members, each element after the first starts a new section with
//!    the same title and headers, followed by its nested sections. A list of scalars is one row
//!    per item. A false value (`None`, `0`, `''`, `[]`, `{}`) prints nothing at all.
//! 2. **Width** (`MultiTable._calculate_max_width`): the widest section decides the width of
//!    every section: per column the widest cell plus 4, plus 2 for the borders and 2 per indent
//!    level, or the title plus 2 (+ indents) if wider. Cells are measured by `get_text_length`:
//!    characters of east Asian width W, F or A count 2 (see [`super::eaw`]).
//! 3. **Vertical fallback** (`_determine_conversion_needed`, `convert_to_vertical_table`): if
//!    that width exceeds the terminal's, every section with exactly one row and headers is turned
//!    into `header | value` rows, and the width is measured again. The CLI asks the terminal for
//!    its width (`determine_terminal_width`) and uses **80** when stdout is not a terminal
//!    (a pipe, a file, `$(…)`); [`DEFAULT_TERMINAL_WIDTH`]. Nothing is ever cut or wrapped.
//! 4. **Render** (`MultiTable._render_section`): a first line of `-`; per section, its title
//!    centred in `|…|` (followed by a `+---+` line when the section has no rows), then column
//!    headers centred between `+---+---+` lines, then rows left-aligned after two spaces, closed
//!    by a `+---+` line. Columns are scaled to the table's width (`calculate_column_widths`,
//!    Python's `round`, i.e. half to even, then corrected one column at a time). A section at
//!    indent level n has n `|` added at both ends of each of its lines (`IndentedStream`).
//!
//! Colour: with `--color on`, or `auto` on a terminal, the CLI wraps cells in ANSI codes
//! (`ColorizedStyler`); the console writes what the CLI writes with colour off (`Styler`).
//!
//! The CLI raises a Python exception on some odd shapes (a list whose first element is a dict but
//! another is not; rows of different lengths in one section); those are [`RenderError`]s with
//! Python's message, and nothing is printed, as with the CLI.

use super::eaw::text_width;
use super::error::RenderError;
use super::python::{is_truthy, py_str, type_name};
use serde_json::{Map, Value};

/// The terminal width the CLI assumes when stdout is not a terminal (`awscli/table.py`,
/// `determine_terminal_width(default_width=80)`), in columns.
pub const DEFAULT_TERMINAL_WIDTH: usize = 80;

/// The table `TableFormatter` writes for `value`, titled `title`, for a terminal
/// `terminal_width` columns wide; empty when `_build_table` finds nothing to show.
pub fn format_table(value: &Value, title: &str, terminal_width: usize) -> Result<String, RenderError> {
    let mut table = MultiTable::default();
    if !table.build(Some(title), value, 0)? {
        return Ok(String::new());
    }
    Ok(table.render(terminal_width))
}

/// One `table.py` `Section`: a title, headers, rows and an indent level.
#[derive(Clone, Debug, Default)]
struct Section {
    /// `None` where Python's title is `None` (a nested list's later elements), which `str()`
    /// measures as the 4 characters of `None`.
    title: Option<String>,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent_level: usize,
    num_cols: Option<usize>,
    max_widths: Vec<usize>,
}

impl Section {
    fn new(title: Option<&str>, indent_level: usize) -> Section {
        Section { title: title.map(str::to_owned), indent_level, ..Section::default() }
    }

    fn title_width(&self) -> usize {
        self.title.as_deref().map_or(4, text_width)
    }

    fn add_header(&mut self, headers: Vec<String>) -> Result<(), RenderError> {
        self.update_max_widths(&headers)?;
        if self.num_cols.is_none() {
            self.num_cols = Some(headers.len());
        }
        self.headers = headers;
        Ok(())
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), RenderError> {
        let expected = *self.num_cols.get_or_insert(row.len());
        if row.len() != expected {
            return Err(RenderError::new(format!("Row should have {expected} elements, instead it has {}", row.len())));
        }
        self.update_max_widths(&row)?;
        self.rows.push(row);
        Ok(())
    }

    fn update_max_widths(&mut self, row: &[String]) -> Result<(), RenderError> {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|cell| text_width(cell)).collect();
            return Ok(());
        }
        for (i, cell) in row.iter().enumerate() {
            let Some(width) = self.max_widths.get_mut(i) else {
                return Err(RenderError::new("list index out of range"));
            };
            *width = (*width).max(text_width(cell));
        }
        Ok(())
    }

    /// `calculate_column_widths(padding, max_width)`: the widest cell of each column plus
    /// `padding`, scaled so that they sum to `max_width` when it is given.
    fn column_widths(&self, padding: usize, max_width: Option<usize>) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + padding).collect();
        let Some(max_width) = max_width else {
            return unscaled;
        };
        if unscaled.is_empty() {
            return unscaled;
        }
        let total: usize = unscaled.iter().sum();
        let scale = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled.iter().map(|&w| (scale * w as f64).round_ties_even() as i64).collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - max_width as i64;
        let count = scaled.len();
        while off_by != 0 {
            for step in 0..count {
                let i = if off_by < 0 { count - 1 - step } else { step };
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled.into_iter().map(|w| w.max(0) as usize).collect()
    }

    /// `total_width(padding=4, with_border=True, outer_padding=indent_level)`.
    fn total_width(&self) -> usize {
        let outer = 2 * self.indent_level;
        let columns: usize = self.column_widths(0, None).iter().map(|w| w + 4).sum();
        (columns + 2 + outer).max(self.title_width() + 2 + outer)
    }
}

/// `table.py` `MultiTable(initial_section=False, column_separator='|', styler=Styler())`, with
/// the building half of `formatter.py`'s `TableFormatter`.
#[derive(Debug, Default)]
struct MultiTable {
    sections: Vec<Section>,
}

impl MultiTable {
    fn new_section(&mut self, title: Option<&str>, indent_level: usize) {
        self.sections.push(Section::new(title, indent_level));
    }

    /// `self._current_section`; Python fails with `AttributeError` before the first section.
    fn current(&mut self) -> Result<&mut Section, RenderError> {
        self.sections.last_mut().ok_or_else(|| RenderError::new("'NoneType' object has no attribute 'add_row'"))
    }

    /// `_build_table(title, current, indent_level)`: false when `current` is falsy.
    fn build(&mut self, title: Option<&str>, current: &Value, indent_level: usize) -> Result<bool, RenderError> {
        if !is_truthy(current) {
            return Ok(false);
        }
        if let Some(title) = title {
            self.new_section(Some(title), indent_level);
        }
        match current {
            Value::Array(items) => {
                if items.first().is_some_and(Value::is_object) {
                    self.build_from_list(items, indent_level, title)?;
                } else {
                    for item in items {
                        match item {
                            Value::Array(elements) if elements.iter().all(is_scalar) => {
                                self.current()?.add_row(elements.iter().map(py_str).collect())?;
                            }
                            // `all(scalar(el) for el in item)` walks a dict's keys, all strings.
                            Value::Object(map) => self.current()?.add_row(map.keys().cloned().collect())?,
                            Value::Array(_) => {
                                self.build(None, item, 0)?;
                            }
                            scalar => self.current()?.add_row(vec![py_str(scalar)])?,
                        }
                    }
                }
            }
            Value::Object(map) => self.build_from_dict(map, indent_level)?,
            _ => {}
        }
        Ok(true)
    }

    /// `_build_sub_table_from_dict(current, indent_level)`.
    fn build_from_dict(&mut self, map: &Map<String, Value>, indent_level: usize) -> Result<(), RenderError> {
        let (headers, more) = group_scalar_keys(map);
        if headers.len() == 1 {
            let value = map.get(&headers[0]).map_or_else(String::new, py_str);
            let row = vec![headers[0].clone(), value];
            self.current()?.add_row(row)?;
        } else if !headers.is_empty() {
            let row = headers.iter().map(|key| map.get(key).map_or_else(String::new, py_str)).collect();
            let section = self.current()?;
            section.add_header(headers)?;
            section.add_row(row)?;
        }
        for key in more {
            if let Some(value) = map.get(&key) {
                self.build(Some(&key), value, indent_level + 1)?;
            }
        }
        Ok(())
    }

    /// `_build_sub_table_from_list(current, indent_level, title)`.
    fn build_from_list(
        &mut self,
        items: &[Value],
        indent_level: usize,
        title: Option<&str>,
    ) -> Result<(), RenderError> {
        let (headers, more) = group_scalar_keys_from_list(items)?;
        self.current()?.add_header(headers.clone())?;
        for (index, element) in items.iter().enumerate() {
            let Value::Object(map) = element else {
                return Err(RenderError::new(format!("'{}' object has no attribute 'get'", type_name(element))));
            };
            if index > 0 && !more.is_empty() {
                self.new_section(title, indent_level);
                self.current()?.add_header(headers.clone())?;
            }
            let row = headers.iter().map(|key| map.get(key).map_or_else(String::new, py_str)).collect();
            self.current()?.add_row(row)?;
            for key in &more {
                if let Some(value) = map.get(key) {
                    self.build(Some(key), value, indent_level + 1)?;
                }
            }
        }
        Ok(())
    }

    /// `MultiTable.render(stream)`.
    fn render(&mut self, terminal_width: usize) -> String {
        let mut max_width = self.max_width();
        if max_width > terminal_width {
            self.convert_to_vertical();
            max_width = self.max_width();
        }
        let mut out = "-".repeat(max_width);
        out.push('\n');
        for section in &self.sections {
            render_section(section, max_width, &mut out);
        }
        out
    }

    /// `_calculate_max_width()`.
    fn max_width(&self) -> usize {
        self.sections.iter().map(Section::total_width).max().unwrap_or(0)
    }

    /// `convert_to_vertical_table(sections)`: one-row sections with headers become
    /// `header | value` rows.
    fn convert_to_vertical(&mut self) {
        for section in &mut self.sections {
            if section.rows.len() == 1 && !section.headers.is_empty() {
                let mut vertical = Section::new(section.title.as_deref(), section.indent_level);
                for (header, cell) in section.headers.iter().zip(&section.rows[0]) {
                    // Two cells per row always match the section's two columns.
                    let _ = vertical.add_row(vec![header.clone(), cell.clone()]);
                }
                *section = vertical;
            }
        }
    }
}

/// `_render_section(section, max_width, stream)`, through an `IndentedStream`.
fn render_section(section: &Section, max_width: usize, out: &mut String) {
    let indent = section.indent_level;
    let width = max_width.saturating_sub(indent * 2);
    let mut line = |text: String| {
        out.push_str(&"|".repeat(indent));
        out.push_str(&text);
        out.push_str(&"|".repeat(indent));
        out.push('\n');
    };
    // _render_title
    if let Some(title) = section.title.as_deref().filter(|t| !t.is_empty()) {
        line(center_text(title, width, "|", "|"));
        if section.headers.is_empty() && section.rows.is_empty() {
            line(format!("+{}+", "-".repeat(width.saturating_sub(2))));
        }
    }
    // _render_column_titles
    if !section.headers.is_empty() {
        let widths = section.column_widths(4, Some(width));
        let mut current = String::new();
        for (i, (w, header)) in widths.iter().zip(&section.headers).enumerate() {
            current.push_str(&center_text(header, *w, if i == 0 { "|" } else { "" }, "|"));
        }
        line(line_break(&widths));
        line(current);
    }
    // _render_rows
    if !section.rows.is_empty() {
        let widths = section.column_widths(4, Some(width));
        if widths.is_empty() {
            return;
        }
        line(line_break(&widths));
        for row in &section.rows {
            let mut current = String::new();
            for (i, (w, cell)) in widths.iter().zip(row).enumerate() {
                current.push_str(&align_left(cell, *w, if i == 0 { "|" } else { "" }, "|"));
            }
            line(current);
        }
        line(line_break(&widths));
    }
}

/// `_write_line_break(stream, widths)`: `+-----+------+`.
fn line_break(widths: &[usize]) -> String {
    let mut parts = String::new();
    for (i, w) in widths.iter().enumerate() {
        if i == 0 {
            parts.push('+');
            parts.push_str(&"-".repeat(w.saturating_sub(2)));
        } else {
            parts.push_str(&"-".repeat(w.saturating_sub(1)));
        }
        parts.push('+');
    }
    parts
}

/// `center_text(text, length, left_edge, right_edge)`.
fn center_text(text: &str, length: usize, left_edge: &str, right_edge: &str) -> String {
    let text_length = text_width(text) as i64;
    let length = length as i64;
    let char_start = length.div_euclid(2) - text_length.div_euclid(2) - 1;
    let mut out = String::from(left_edge);
    out.push_str(&spaces(char_start));
    out.push_str(text);
    let so_far = text_width(left_edge) as i64 + char_start + text_length;
    out.push_str(&spaces(length - text_width(right_edge) as i64 - so_far));
    out.push_str(right_edge);
    out
}

/// `align_left(text, length, left_edge, right_edge, left_padding=2)`.
fn align_left(text: &str, length: usize, left_edge: &str, right_edge: &str) -> String {
    let text_length = text_width(text) as i64;
    let length = length as i64;
    let edges = (left_edge.len() + right_edge.len()) as i64;
    let padding = if length - (text_length + 2 + edges) >= 0 { 2 } else { 0 };
    let so_far = left_edge.len() as i64 + padding + text_length;
    let mut out = String::from(left_edge);
    out.push_str(&spaces(padding));
    out.push_str(text);
    out.push_str(&spaces(length - so_far - right_edge.len() as i64));
    out.push_str(right_edge);
    out
}

/// `' ' * n`, which is empty for a negative `n` in Python.
fn spaces(n: i64) -> String {
    " ".repeat(usize::try_from(n).unwrap_or(0))
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// `_group_scalar_keys(current)`: the keys with scalar values and the others, each sorted.
fn group_scalar_keys(map: &Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let (mut headers, mut more): (Vec<String>, Vec<String>) =
        (map.iter().filter(|(_, v)| is_scalar(v)).map(|(k, _)| k.clone()).collect(), Vec::new());
    more.extend(map.iter().filter(|(_, v)| !is_scalar(v)).map(|(k, _)| k.clone()));
    headers.sort();
    more.sort();
    (headers, more)
}

/// `_group_scalar_keys_from_list(list_of_dicts)`: the sorted unions over the elements. Python
/// iterates each element as a dict (`for element in current: current[element]`); an element
/// that is not one raises the `TypeError` named here.
fn group_scalar_keys_from_list(items: &[Value]) -> Result<(Vec<String>, Vec<String>), RenderError> {
    let mut headers = std::collections::BTreeSet::new();
    let mut more = std::collections::BTreeSet::new();
    for item in items {
        match item {
            Value::Object(map) => {
                let (h, m) = group_scalar_keys(map);
                headers.extend(h);
                more.extend(m);
            }
            other => {
                if let Some(message) = not_a_dict(other) {
                    return Err(RenderError::new(message));
                }
            }
        }
    }
    Ok((headers.into_iter().collect(), more.into_iter().collect()))
}

/// The exception `for element in current: current[element]` raises when `current` is not a
/// dict, or `None` when that loop runs without error (an empty string or list; Python then
/// fails later, on `element.get`).
fn not_a_dict(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if s.is_empty() => None,
        Value::String(_) => Some("string indices must be integers, not 'str'".to_owned()),
        Value::Array(items) => match items.first() {
            None => None,
            // An int indexes the list itself and Python goes on with odd results; name the
            // failure it reaches in the common case (an index out of range).
            Some(Value::Number(n)) if !n.is_f64() => Some("list index out of range".to_owned()),
            Some(first) => Some(format!("list indices must be integers or slices, not {}", type_name(first))),
        },
        other => Some(format!("'{}' object is not iterable", type_name(other))),
    }
}
